/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where an account stands. */
export type AccountStatus =
  /** Confirmed and in good standing. */
  | 'ACTIVE'
  /** Registered; email not yet confirmed. Can sign in and edit its own profile only. */
  | 'PENDING_VERIFICATION'
  /** Suspended by a moderator. */
  | 'SUSPENDED';

/** A moderator's decision. */
export type Decision =
  /** Accept. */
  | 'APPROVE'
  /** Refuse. */
  | 'REJECT';

/** One side of an engagement. */
export type EngagementSide =
  /** The expert (an application). */
  | 'EXPERT'
  /** The institution's members (an invitation). */
  | 'INSTITUTION';

/**
 * Where an engagement stands: APPLIED or INVITED until the other side accepts or declines;
 * the side that started withdraws; ACCEPTED work is COMPLETED (or withdrawn).
 */
export type EngagementStatus =
  /** The other side said yes; the expert's contact email is shared with the institution. */
  | 'ACCEPTED'
  /** The expert applied; the institution answers. */
  | 'APPLIED'
  /** The work is done. */
  | 'COMPLETED'
  /** The other side said no. */
  | 'DECLINED'
  /** The institution invited the expert; the expert answers. */
  | 'INVITED'
  /** A side stepped back. */
  | 'WITHDRAWN';

/** Forms of help. */
export type EngagementType =
  /** Expert advice. */
  | 'CONSULTING'
  /** Hosting interns. */
  | 'INTERNSHIP_HOSTING'
  /** Investment. */
  | 'INVESTMENT'
  /** Research done together. */
  | 'JOINT_RESEARCH'
  /** Lectures and courses. */
  | 'LECTURING'
  /** Mentoring. */
  | 'MENTORING'
  /** PhD or thesis supervision. */
  | 'SUPERVISION'
  /** Training staff. */
  | 'TRAINING';

/**
 * Filters of an expert search; values within a list are alternatives (OR), lists combine
 * with AND. `skillIds` must all be present.
 */
export type ExpertFilter = {
  /** Forms of help offered. */
  engagementTypes?: Array<EngagementType> | null | undefined;
  /** Languages spoken (ISO 639-1). */
  languages?: Array<string> | null | undefined;
  /** At least this many hours a month. */
  minHoursPerMonth?: number | null | undefined;
  /** Countries of origin (alpha-2). */
  originCountries?: Array<string> | null | undefined;
  /** Countries of residence (alpha-2). */
  residenceCountries?: Array<string> | null | undefined;
  /** Skills the expert must have (all of them). */
  skillIds?: Array<string | number> | null | undefined;
  /** Only experts verified by a moderator. */
  verifiedOnly?: boolean | null | undefined;
  /** Ways of working. */
  workModes?: Array<WorkMode> | null | undefined;
};

/** A whole expert profile (saving replaces the previous one). */
export type ExpertProfileInput = {
  /** Up to 5000 characters of plain text. */
  bio: string;
  /** Forms of help offered. */
  engagementTypes: Array<EngagementType>;
  /** One line, up to 160 characters. */
  headline: string;
  /** Hours a month available (0 to 200). */
  hoursPerMonth?: number | null | undefined;
  /** Up to 20 languages. */
  languages: Array<LanguageClaimInput>;
  /** ORCID iD (checked). */
  orcid?: string | null | undefined;
  /** Up to 5 countries (alpha-2). */
  originCountries: Array<string>;
  /** City of residence. */
  residenceCity?: string | null | undefined;
  /** ISO 3166-1 alpha-2. */
  residenceCountry: string;
  /** Up to 50 skills. */
  skills: Array<SkillClaimInput>;
  /** Who may see the profile. */
  visibility: Visibility;
  /** Ways of working. */
  workModes: Array<WorkMode>;
};

/** An institution's details. */
export type InstitutionInput = {
  /** City. */
  city?: string | null | undefined;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** What it does and what it needs. */
  description: string;
  /** Kind of organisation. */
  kind: InstitutionKind;
  /** Official name. */
  name: string;
  /** Web site (https://…). */
  website?: string | null | undefined;
};

/** Kinds of institution. */
export type InstitutionKind =
  /** A company. */
  | 'COMPANY'
  /** A ministry or agency. */
  | 'GOVERNMENT'
  /** A hospital. */
  | 'HOSPITAL'
  /** A non-governmental organisation. */
  | 'NGO'
  /** Anything else. */
  | 'OTHER'
  /** A research centre. */
  | 'RESEARCH_CENTRE'
  /** A university. */
  | 'UNIVERSITY';

/** A language spoken. */
export type LanguageClaimInput = {
  /** ISO 639-1 code. */
  code: string;
  /** How well. */
  level: LanguageLevel;
};

/** How well a language is spoken. */
export type LanguageLevel =
  /** Simple exchanges. */
  | 'BASIC'
  /** Everyday conversation. */
  | 'CONVERSATIONAL'
  /** Professional work. */
  | 'FLUENT'
  /** Mother tongue. */
  | 'NATIVE';

/** What registration asks for. */
export type RegisterInput = {
  /** Name shown to others. */
  displayName: string;
  /** Email address; confirmed by a mailed link. */
  email: string;
  /** Password, 10 to 256 characters. */
  password: string;
  /** EXPERT or INSTITUTION only. */
  role: Role;
};

/** What a moderator does with an open report. */
export type ReportAction =
  /** Nothing needed doing. */
  | 'DISMISS'
  /** Something was done about it (hidden, suspended, closed, ...). */
  | 'RESOLVE';

/** Where a report stands. */
export type ReportStatus =
  /** A moderator found nothing to act on. */
  | 'DISMISSED'
  /** Waiting for a moderator. */
  | 'OPEN'
  /** A moderator acted on it. */
  | 'RESOLVED';

/** The kind of thing a report is about. */
export type ReportSubjectType =
  /** An expert's profile. */
  | 'EXPERT_PROFILE'
  /** A message on an engagement. */
  | 'MESSAGE'
  /** An institution's request. */
  | 'REQUEST';

/**
 * Filters of a request search; values within a list are alternatives (OR), lists combine
 * with AND.
 */
export type RequestFilter = {
  /** The institution's country (alpha-2). */
  countries?: Array<string> | null | undefined;
  /** Kinds of help. */
  kinds?: Array<RequestKind> | null | undefined;
  /** Working languages (ISO 639-1): the request names one of them. */
  languages?: Array<string> | null | undefined;
  /** Skills: the request asks for one of them. */
  skillIds?: Array<string | number> | null | undefined;
  /** Ways of working: the request accepts one of them. */
  workModes?: Array<WorkMode> | null | undefined;
};

/** A whole request (updating replaces the previous content). */
export type RequestInput = {
  /** 20 to 10,000 characters of plain text. */
  description: string;
  /** Last day, `YYYY-MM-DD`, not before the first. */
  endsOn?: string | null | undefined;
  /** Hours a month asked (1 to 200). */
  hoursPerMonth?: number | null | undefined;
  /** The institution asking (the caller must be one of its members). */
  institutionId: string | number;
  /** What kind of help. */
  kind: RequestKind;
  /** Working languages (ISO 639-1). */
  languages: Array<string>;
  /** 1 to 30 skills. */
  skills: Array<SkillRequirementInput>;
  /** First day, `YYYY-MM-DD`. */
  startsOn?: string | null | undefined;
  /** One line, 5 to 200 characters. */
  title: string;
  /** Acceptable ways of working. */
  workModes: Array<WorkMode>;
};

/** What an institution asks an expert for. */
export type RequestKind =
  /** Expert advice. */
  | 'CONSULTANCY'
  /** A lecture or a course. */
  | 'LECTURE'
  /** Mentoring students or staff. */
  | 'MENTORING'
  /** A project to carry out together. */
  | 'PROJECT'
  /** Thesis or PhD supervision. */
  | 'SUPERVISION'
  /** Training staff. */
  | 'TRAINING';

/**
 * Where a request stands: DRAFT → `IN_REVIEW` → OPEN → `IN_PROGRESS` → COMPLETED, or
 * CANCELLED, or REJECTED; a moderator may also send a request in review back to DRAFT, and
 * put an OPEN or `IN_PROGRESS` request `ON_HOLD` and resume it.
 */
export type RequestStatus =
  /** Closed without completion. */
  | 'CANCELLED'
  /** The work is done. */
  | 'COMPLETED'
  /** Being written; seen by the institution's members and moderators only. */
  | 'DRAFT'
  /** An engagement was accepted; the work is under way. */
  | 'IN_PROGRESS'
  /** Submitted, waiting for a moderator. */
  | 'IN_REVIEW'
  /**
   * Paused by a moderator (stalled), with a reason in `reviewReason`; takes no experts
   * until resumed, and is seen by the institution's members and moderators only.
   */
  | 'ON_HOLD'
  /** Approved: a public call for help. */
  | 'OPEN'
  /** Refused by a moderator. */
  | 'REJECTED';

/** What an account is in the network. */
export type Role =
  /** Operator with every right. */
  | 'ADMIN'
  /** A diaspora expert offering their skills. */
  | 'EXPERT'
  /** Staff of an origin-country institution. */
  | 'INSTITUTION'
  /** Programme staff: verify, review, moderate. */
  | 'MODERATOR';

/** A skill on a profile: `skillId` from `skills(...)`, or a free-text `label`. */
export type SkillClaimInput = {
  /** Free text, for a skill not in the taxonomy. */
  label?: string | null | undefined;
  /** 1 (basic) to 5 (leading expert). */
  level: number;
  /** A taxonomy skill id. */
  skillId?: string | number | null | undefined;
  /** Years of practice (0 to 70). */
  years?: number | null | undefined;
};

/** A skill a request asks for: `skillId` from `skills(...)`, or a free-text `label`. */
export type SkillRequirementInput = {
  /** Free text, for a skill not in the taxonomy. */
  label?: string | null | undefined;
  /** The lowest acceptable level, 1 to 5. */
  minLevel: number;
  /** Whether an expert without it does not qualify. */
  required: boolean;
  /** A taxonomy skill id. */
  skillId?: string | number | null | undefined;
};

/** Where an institution stands with the moderators. */
export type VerificationStatus =
  /** Waiting for review. */
  | 'PENDING'
  /** Refused. */
  | 'REJECTED'
  /** Checked and trusted. */
  | 'VERIFIED';

/** Who may see an expert profile. */
export type Visibility =
  /** Only the owner and moderators; never in search. */
  | 'HIDDEN'
  /** Signed-in accounts. */
  | 'MEMBERS'
  /** Anyone. */
  | 'PUBLIC';

/** Ways of working. */
export type WorkMode =
  /** A stay of months. */
  | 'LONG_STAY'
  /** From where the expert lives. */
  | 'REMOTE'
  /** Moving back. */
  | 'RETURN'
  /** A visit of days or weeks. */
  | 'SHORT_VISIT';

export type SessionAccountFragment = { id: string, email: string, displayName: string, role: Role, status: AccountStatus };

export type AuthFragment = { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, role: Role, status: AccountStatus } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, role: Role, status: AccountStatus } } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, role: Role, status: AccountStatus } } };

export type RefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshMutation = { refresh: { accessToken: string, refreshToken: string, account: { id: string, email: string, displayName: string, role: Role, status: AccountStatus } } };

export type LogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type LogoutMutation = { logout: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: { id: string, email: string, displayName: string, role: Role, status: AccountStatus } };

export type ResendVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendVerificationMutation = { resendVerificationEmail: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type MessageViewFragment = { id: string, body: string, sentAt: string, author: { id: string, displayName: string } };

export type EngagementDetailFragment = { id: string, status: EngagementStatus, initiatedBy: EngagementSide, message: string, declineReason: string | null, feedback: string | null, hoursGiven: number | null, proposedByProgramme: boolean, createdAt: string, updatedAt: string, expert: { id: string, displayName: string, headline: string, residenceCountry: string, contactEmail: string | null }, request: { id: string, title: string, status: RequestStatus, institution: { id: string, name: string, country: string } }, messages: Array<{ id: string, body: string, sentAt: string, author: { id: string, displayName: string } }> };

export type MyEngagementsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyEngagementsQuery = { myEngagements: Array<{ id: string, status: EngagementStatus, initiatedBy: EngagementSide, proposedByProgramme: boolean, hoursGiven: number | null, createdAt: string, updatedAt: string, expert: { id: string, displayName: string, headline: string }, request: { id: string, title: string, institution: { id: string, name: string } } }> };

export type EngagementQueryVariables = Exact<{
  id: string | number;
}>;


export type EngagementQuery = { engagement: { id: string, status: EngagementStatus, initiatedBy: EngagementSide, message: string, declineReason: string | null, feedback: string | null, hoursGiven: number | null, proposedByProgramme: boolean, createdAt: string, updatedAt: string, expert: { id: string, displayName: string, headline: string, residenceCountry: string, contactEmail: string | null }, request: { id: string, title: string, status: RequestStatus, institution: { id: string, name: string, country: string } }, messages: Array<{ id: string, body: string, sentAt: string, author: { id: string, displayName: string } }> } | null, me: { id: string, role: Role, expertProfile: { id: string } | null, institutions: Array<{ id: string }> } | null };

export type ExpertDashboardQueryVariables = Exact<{
  lang: string;
}>;


export type ExpertDashboardQuery = { recommendedRequests: Array<{ score: number, request: { id: string, title: string, kind: RequestKind, status: RequestStatus, createdAt: string, updatedAt: string, institution: { id: string, name: string, country: string } }, explanation: { matchedLanguages: Array<string>, countryMatch: boolean, matchedSkills: Array<{ id: string, label: string }>, missingSkills: Array<{ id: string, label: string }> } }>, myEngagements: Array<{ id: string, status: EngagementStatus, initiatedBy: EngagementSide, proposedByProgramme: boolean, hoursGiven: number | null, createdAt: string, updatedAt: string, expert: { id: string, displayName: string, headline: string }, request: { id: string, title: string, institution: { id: string, name: string } } }> };

export type StaffDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffDashboardQuery = { myEngagements: Array<{ id: string, status: EngagementStatus, initiatedBy: EngagementSide, proposedByProgramme: boolean, hoursGiven: number | null, createdAt: string, updatedAt: string, expert: { id: string, displayName: string, headline: string }, request: { id: string, title: string, institution: { id: string, name: string } } }>, me: { id: string, institutions: Array<{ id: string, name: string, verification: VerificationStatus, requests: Array<{ id: string, title: string, kind: RequestKind, status: RequestStatus, createdAt: string, updatedAt: string, institution: { id: string, name: string, country: string } }> }> } | null };

export type ApplyToRequestMutationVariables = Exact<{
  requestId: string | number;
  message: string;
}>;


export type ApplyToRequestMutation = { applyToRequest: { id: string, status: EngagementStatus } };

export type InviteExpertMutationVariables = Exact<{
  requestId: string | number;
  expertId: string | number;
  message: string;
}>;


export type InviteExpertMutation = { inviteExpert: { id: string, status: EngagementStatus } };

export type RespondToEngagementMutationVariables = Exact<{
  id: string | number;
  accept: boolean;
  reason?: string | null | undefined;
}>;


export type RespondToEngagementMutation = { respondToEngagement: { id: string, status: EngagementStatus } };

export type WithdrawEngagementMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawEngagementMutation = { withdrawEngagement: { id: string, status: EngagementStatus } };

export type CompleteEngagementMutationVariables = Exact<{
  id: string | number;
  hoursGiven: number;
  feedback?: string | null | undefined;
}>;


export type CompleteEngagementMutation = { completeEngagement: { id: string, status: EngagementStatus } };

export type SendMessageMutationVariables = Exact<{
  engagementId: string | number;
  body: string;
}>;


export type SendMessageMutation = { sendMessage: { id: string, body: string, sentAt: string, author: { id: string, displayName: string } } };

export type NetworkHeadlineFragment = { experts: number, institutions: number, openRequests: number, engagementsCompleted: number, hoursGiven: number };

export type NetworkNumbersQueryVariables = Exact<{ [key: string]: never; }>;


export type NetworkNumbersQuery = { networkStats: { experts: number, institutions: number, openRequests: number, engagementsCompleted: number, hoursGiven: number } };

export type NetworkInsightQueryVariables = Exact<{
  lang: string;
  gaps: number;
  months: number;
}>;


export type NetworkInsightQuery = { networkStats: { experts: number, institutions: number, openRequests: number, engagementsCompleted: number, hoursGiven: number, expertsByResidence: Array<{ country: string, count: number }>, expertsByOrigin: Array<{ country: string, count: number }>, skillGaps: Array<{ demand: number, supply: number, skill: { id: string, label: string } }>, activity: Array<{ month: string, engagementsStarted: number, engagementsCompleted: number, hoursGiven: number }> } };

export type InstitutionViewFragment = { id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { me: { id: string, email: string, displayName: string, role: Role, status: AccountStatus, expertProfile: { id: string, visibility: Visibility } | null, institutions: Array<{ id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string }> } | null };

export type InstitutionQueryVariables = Exact<{
  id: string | number;
}>;


export type InstitutionQuery = { institution: { id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string, requests: Array<{ id: string, title: string, kind: RequestKind, status: RequestStatus, createdAt: string, updatedAt: string, institution: { id: string, name: string, country: string } }> } | null, me: { id: string, institutions: Array<{ id: string }> } | null };

export type CreateInstitutionMutationVariables = Exact<{
  input: InstitutionInput;
}>;


export type CreateInstitutionMutation = { createInstitution: { id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string } };

export type AddInstitutionMemberMutationVariables = Exact<{
  institutionId: string | number;
  email: string;
}>;


export type AddInstitutionMemberMutation = { addInstitutionMember: { id: string } };

export type ModerationQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ModerationQueueQuery = { moderationQueue: { institutions: Array<{ id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string }> } };

export type ReviewInstitutionMutationVariables = Exact<{
  id: string | number;
  decision: Decision;
  reason?: string | null | undefined;
}>;


export type ReviewInstitutionMutation = { reviewInstitution: { id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string } };

export type ReportContentMutationVariables = Exact<{
  subjectId: string | number;
  reason: string;
}>;


export type ReportContentMutation = { reportContent: boolean };

export type ReportViewFragment = { id: string, subjectId: string, subjectType: ReportSubjectType, subjectSummary: string, subjectLink: string | null, reason: string, createdAt: string, status: ReportStatus, reporter: { id: string, displayName: string }, subjectAccount: { id: string, displayName: string, email: string, role: Role, status: AccountStatus } | null, subject:
    | { __typename: 'ExpertProfile', id: string, displayName: string, headline: string }
    | { __typename: 'Message', id: string, body: string, sentAt: string, author: { id: string, displayName: string } }
    | { __typename: 'Request', id: string, title: string, status: RequestStatus }
   | null };

export type ReportQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportQueueQuery = { moderationQueue: { reports: Array<{ id: string, subjectId: string, subjectType: ReportSubjectType, subjectSummary: string, subjectLink: string | null, reason: string, createdAt: string, status: ReportStatus, reporter: { id: string, displayName: string }, subjectAccount: { id: string, displayName: string, email: string, role: Role, status: AccountStatus } | null, subject:
        | { __typename: 'ExpertProfile', id: string, displayName: string, headline: string }
        | { __typename: 'Message', id: string, body: string, sentAt: string, author: { id: string, displayName: string } }
        | { __typename: 'Request', id: string, title: string, status: RequestStatus }
       | null }> } };

export type ResolveReportMutationVariables = Exact<{
  id: string | number;
  action: ReportAction;
  note: string;
}>;


export type ResolveReportMutation = { resolveReport: { id: string, status: ReportStatus } };

export type SuspendAccountMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type SuspendAccountMutation = { suspendAccount: { id: string, status: AccountStatus } };

export type StalledRequestFragment = { id: string, title: string, kind: RequestKind, status: RequestStatus, updatedAt: string, lastActivityAt: string | null, institution: { id: string, name: string, country: string } };

export type StalledRequestsQueryVariables = Exact<{
  olderThanDays: number;
}>;


export type StalledRequestsQuery = { stalledRequests: Array<{ id: string, title: string, kind: RequestKind, status: RequestStatus, updatedAt: string, lastActivityAt: string | null, institution: { id: string, name: string, country: string } }> };

export type HoldRequestMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type HoldRequestMutation = { holdRequest: { id: string, status: RequestStatus, updatedAt: string, reviewReason: string | null } };

export type ResumeRequestMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ResumeRequestMutation = { resumeRequest: { id: string, status: RequestStatus, updatedAt: string, reviewReason: string | null } };

export type ModeratorCloseRequestMutationVariables = Exact<{
  id: string | number;
  completed: boolean;
  reason?: string | null | undefined;
}>;


export type ModeratorCloseRequestMutation = { closeRequest: { id: string, status: RequestStatus, updatedAt: string, reviewReason: string | null } };

export type ProposeExpertsMutationVariables = Exact<{
  requestId: string | number;
  expertIds: Array<string | number> | string | number;
  message: string;
}>;


export type ProposeExpertsMutation = { proposeExperts: Array<{ id: string, status: EngagementStatus, expert: { id: string, displayName: string } }> };

export type AuditRowFragment = { cursor: string, at: string, actorId: string | null, action: string, subjectType: string, subjectId: string | null, reason: string | null, details: string | null, actor: { id: string, displayName: string, role: Role } | null };

export type AuditLogQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  actorId?: string | number | null | undefined;
  subjectId?: string | number | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ cursor: string, at: string, actorId: string | null, action: string, subjectType: string, subjectId: string | null, reason: string | null, details: string | null, actor: { id: string, displayName: string, role: Role } | null }> } };

export type NotificationViewFragment = { id: string, kind: string, text: string, link: string, createdAt: string, readAt: string | null };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationsQueryVariables = Exact<{
  unreadOnly: boolean;
  first: number;
}>;


export type NotificationsQuery = { unreadNotificationCount: number, notifications: Array<{ id: string, kind: string, text: string, link: string, createdAt: string, readAt: string | null }> };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type ProfileViewFragment = { id: string, displayName: string, headline: string, bio: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, orcid: string | null, visibility: Visibility, verified: boolean, contactEmail: string | null, updatedAt: string, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }>, skills: Array<{ level: number, years: number | null, skill: { id: string, label: string, inTaxonomy: boolean } }> };

export type ExpertQueryVariables = Exact<{
  id: string | number;
  lang: string;
}>;


export type ExpertQuery = { expert: { id: string, displayName: string, headline: string, bio: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, orcid: string | null, visibility: Visibility, verified: boolean, contactEmail: string | null, updatedAt: string, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }>, skills: Array<{ level: number, years: number | null, skill: { id: string, label: string, inTaxonomy: boolean } }> } | null, me: { id: string, expertProfile: { id: string } | null } | null };

export type MyProfileQueryVariables = Exact<{
  lang: string;
}>;


export type MyProfileQuery = { me: { id: string, displayName: string, email: string, expertProfile: { id: string, displayName: string, headline: string, bio: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, orcid: string | null, visibility: Visibility, verified: boolean, contactEmail: string | null, updatedAt: string, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }>, skills: Array<{ level: number, years: number | null, skill: { id: string, label: string, inTaxonomy: boolean } }> } | null } | null };

export type SaveExpertProfileMutationVariables = Exact<{
  input: ExpertProfileInput;
  lang: string;
}>;


export type SaveExpertProfileMutation = { saveExpertProfile: { id: string, displayName: string, headline: string, bio: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, orcid: string | null, visibility: Visibility, verified: boolean, contactEmail: string | null, updatedAt: string, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }>, skills: Array<{ level: number, years: number | null, skill: { id: string, label: string, inTaxonomy: boolean } }> } };

export type SkillsQueryVariables = Exact<{
  query: string;
  lang: string;
  first: number;
}>;


export type SkillsQuery = { skills: Array<{ id: string, label: string, altLabels: Array<string>, inTaxonomy: boolean }> };

export type RequestSummaryFragment = { id: string, title: string, kind: RequestKind, status: RequestStatus, createdAt: string, updatedAt: string, institution: { id: string, name: string, country: string } };

export type RequestDetailFragment = { id: string, title: string, description: string, kind: RequestKind, status: RequestStatus, reviewReason: string | null, createdAt: string, updatedAt: string, languages: Array<string>, workModes: Array<WorkMode>, hoursPerMonth: number | null, startsOn: string | null, endsOn: string | null, skills: Array<{ minLevel: number, required: boolean, skill: { id: string, label: string, inTaxonomy: boolean } }>, institution: { id: string, name: string, country: string, city: string | null, kind: InstitutionKind, verification: VerificationStatus } };

export type EngagementSummaryFragment = { id: string, status: EngagementStatus, initiatedBy: EngagementSide, proposedByProgramme: boolean, hoursGiven: number | null, createdAt: string, updatedAt: string, expert: { id: string, displayName: string, headline: string }, request: { id: string, title: string, institution: { id: string, name: string } } };

export type RequestQueryVariables = Exact<{
  id: string | number;
  lang: string;
}>;


export type RequestQuery = { request: { id: string, title: string, description: string, kind: RequestKind, status: RequestStatus, reviewReason: string | null, createdAt: string, updatedAt: string, languages: Array<string>, workModes: Array<WorkMode>, hoursPerMonth: number | null, startsOn: string | null, endsOn: string | null, engagements: Array<{ id: string, status: EngagementStatus, initiatedBy: EngagementSide, proposedByProgramme: boolean, hoursGiven: number | null, createdAt: string, updatedAt: string, expert: { id: string, displayName: string, headline: string }, request: { id: string, title: string, institution: { id: string, name: string } } }>, skills: Array<{ minLevel: number, required: boolean, skill: { id: string, label: string, inTaxonomy: boolean } }>, institution: { id: string, name: string, country: string, city: string | null, kind: InstitutionKind, verification: VerificationStatus } } | null, me: { id: string, role: Role, status: AccountStatus, expertProfile: { id: string } | null, institutions: Array<{ id: string }> } | null };

export type MatchExpertsQueryVariables = Exact<{
  requestId: string | number;
  first?: number | null | undefined;
  lang: string;
}>;


export type MatchExpertsQuery = { matchExperts: Array<{ score: number, expert: { id: string, displayName: string, headline: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, verified: boolean, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }> }, explanation: { matchedLanguages: Array<string>, countryMatch: boolean, highlights: Array<string>, matchedSkills: Array<{ id: string, label: string }>, missingSkills: Array<{ id: string, label: string }> } }> };

export type RequestReviewQueueQueryVariables = Exact<{
  lang: string;
}>;


export type RequestReviewQueueQuery = { moderationQueue: { requests: Array<{ id: string, title: string, description: string, kind: RequestKind, status: RequestStatus, reviewReason: string | null, createdAt: string, updatedAt: string, languages: Array<string>, workModes: Array<WorkMode>, hoursPerMonth: number | null, startsOn: string | null, endsOn: string | null, skills: Array<{ minLevel: number, required: boolean, skill: { id: string, label: string, inTaxonomy: boolean } }>, institution: { id: string, name: string, country: string, city: string | null, kind: InstitutionKind, verification: VerificationStatus } }> } };

export type CreateRequestMutationVariables = Exact<{
  input: RequestInput;
  lang: string;
}>;


export type CreateRequestMutation = { createRequest: { id: string, title: string, description: string, kind: RequestKind, status: RequestStatus, reviewReason: string | null, createdAt: string, updatedAt: string, languages: Array<string>, workModes: Array<WorkMode>, hoursPerMonth: number | null, startsOn: string | null, endsOn: string | null, skills: Array<{ minLevel: number, required: boolean, skill: { id: string, label: string, inTaxonomy: boolean } }>, institution: { id: string, name: string, country: string, city: string | null, kind: InstitutionKind, verification: VerificationStatus } } };

export type UpdateRequestMutationVariables = Exact<{
  id: string | number;
  input: RequestInput;
  lang: string;
}>;


export type UpdateRequestMutation = { updateRequest: { id: string, title: string, description: string, kind: RequestKind, status: RequestStatus, reviewReason: string | null, createdAt: string, updatedAt: string, languages: Array<string>, workModes: Array<WorkMode>, hoursPerMonth: number | null, startsOn: string | null, endsOn: string | null, skills: Array<{ minLevel: number, required: boolean, skill: { id: string, label: string, inTaxonomy: boolean } }>, institution: { id: string, name: string, country: string, city: string | null, kind: InstitutionKind, verification: VerificationStatus } } };

export type SubmitRequestMutationVariables = Exact<{
  id: string | number;
}>;


export type SubmitRequestMutation = { submitRequest: { id: string, status: RequestStatus, updatedAt: string, reviewReason: string | null } };

export type ReviewRequestMutationVariables = Exact<{
  id: string | number;
  decision: Decision;
  reason?: string | null | undefined;
}>;


export type ReviewRequestMutation = { reviewRequest: { id: string, status: RequestStatus, updatedAt: string, reviewReason: string | null } };

export type ReturnRequestForChangesMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReturnRequestForChangesMutation = { returnRequestForChanges: { id: string, status: RequestStatus, updatedAt: string, reviewReason: string | null } };

export type CloseRequestMutationVariables = Exact<{
  id: string | number;
  completed: boolean;
}>;


export type CloseRequestMutation = { closeRequest: { id: string, status: RequestStatus, updatedAt: string } };

export type SearchHitFragment = { score: number, expert: { id: string, displayName: string, headline: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, verified: boolean, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }> }, explanation: { matchedLanguages: Array<string>, countryMatch: boolean, highlights: Array<string>, matchedSkills: Array<{ id: string, label: string }>, missingSkills: Array<{ id: string, label: string }> } };

export type SearchExpertsQueryVariables = Exact<{
  query?: string | null | undefined;
  filter?: ExpertFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  lang: string;
}>;


export type SearchExpertsQuery = { searchExperts: { totalCount: number, nextCursor: string | null, hits: Array<{ score: number, expert: { id: string, displayName: string, headline: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, verified: boolean, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }> }, explanation: { matchedLanguages: Array<string>, countryMatch: boolean, highlights: Array<string>, matchedSkills: Array<{ id: string, label: string }>, missingSkills: Array<{ id: string, label: string }> } }>, residenceCountry: Array<{ value: string, count: number }>, originCountry: Array<{ value: string, count: number }>, language: Array<{ value: string, count: number }>, engagementType: Array<{ value: string, count: number }>, workMode: Array<{ value: string, count: number }> } };

export type SearchExpertsMoreQueryVariables = Exact<{
  query?: string | null | undefined;
  filter?: ExpertFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  lang: string;
}>;


export type SearchExpertsMoreQuery = { searchExperts: { nextCursor: string | null, hits: Array<{ score: number, expert: { id: string, displayName: string, headline: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, verified: boolean, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }> }, explanation: { matchedLanguages: Array<string>, countryMatch: boolean, highlights: Array<string>, matchedSkills: Array<{ id: string, label: string }>, missingSkills: Array<{ id: string, label: string }> } }> } };

export type RequestSearchHitFragment = { score: number, cursor: string, request: { workModes: Array<WorkMode>, hoursPerMonth: number | null, startsOn: string | null, languages: Array<string>, id: string, title: string, kind: RequestKind, status: RequestStatus, createdAt: string, updatedAt: string, institution: { id: string, name: string, country: string } }, explanation: { matchedLanguages: Array<string>, countryMatch: boolean, highlights: Array<string>, matchedSkills: Array<{ id: string, label: string }>, missingSkills: Array<{ id: string, label: string }> } };

export type SearchRequestsQueryVariables = Exact<{
  query?: string | null | undefined;
  filter?: RequestFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  lang: string;
}>;


export type SearchRequestsQuery = { searchRequests: Array<{ score: number, cursor: string, request: { workModes: Array<WorkMode>, hoursPerMonth: number | null, startsOn: string | null, languages: Array<string>, id: string, title: string, kind: RequestKind, status: RequestStatus, createdAt: string, updatedAt: string, institution: { id: string, name: string, country: string } }, explanation: { matchedLanguages: Array<string>, countryMatch: boolean, highlights: Array<string>, matchedSkills: Array<{ id: string, label: string }>, missingSkills: Array<{ id: string, label: string }> } }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SessionAccountFragmentDoc = new TypedDocumentString(`
    fragment SessionAccount on Account {
  id
  email
  displayName
  role
  status
}
    `, {"fragmentName":"SessionAccount"}) as unknown as TypedDocumentString<SessionAccountFragment, unknown>;
export const AuthFragmentDoc = new TypedDocumentString(`
    fragment Auth on AuthPayload {
  accessToken
  refreshToken
  account {
    ...SessionAccount
  }
}
    fragment SessionAccount on Account {
  id
  email
  displayName
  role
  status
}`, {"fragmentName":"Auth"}) as unknown as TypedDocumentString<AuthFragment, unknown>;
export const MessageViewFragmentDoc = new TypedDocumentString(`
    fragment MessageView on Message {
  id
  body
  sentAt
  author {
    id
    displayName
  }
}
    `, {"fragmentName":"MessageView"}) as unknown as TypedDocumentString<MessageViewFragment, unknown>;
export const EngagementDetailFragmentDoc = new TypedDocumentString(`
    fragment EngagementDetail on Engagement {
  id
  status
  initiatedBy
  message
  declineReason
  feedback
  hoursGiven
  proposedByProgramme
  createdAt
  updatedAt
  expert {
    id
    displayName
    headline
    residenceCountry
    contactEmail
  }
  request {
    id
    title
    status
    institution {
      id
      name
      country
    }
  }
  messages {
    ...MessageView
  }
}
    fragment MessageView on Message {
  id
  body
  sentAt
  author {
    id
    displayName
  }
}`, {"fragmentName":"EngagementDetail"}) as unknown as TypedDocumentString<EngagementDetailFragment, unknown>;
export const NetworkHeadlineFragmentDoc = new TypedDocumentString(`
    fragment NetworkHeadline on NetworkStats {
  experts
  institutions
  openRequests
  engagementsCompleted
  hoursGiven
}
    `, {"fragmentName":"NetworkHeadline"}) as unknown as TypedDocumentString<NetworkHeadlineFragment, unknown>;
export const InstitutionViewFragmentDoc = new TypedDocumentString(`
    fragment InstitutionView on Institution {
  id
  name
  kind
  country
  city
  website
  description
  verification
  reviewReason
  createdAt
}
    `, {"fragmentName":"InstitutionView"}) as unknown as TypedDocumentString<InstitutionViewFragment, unknown>;
export const ReportViewFragmentDoc = new TypedDocumentString(`
    fragment ReportView on Report {
  id
  subjectId
  subjectType
  subjectSummary
  subjectLink
  reason
  createdAt
  status
  reporter {
    id
    displayName
  }
  subjectAccount {
    id
    displayName
    email
    role
    status
  }
  subject {
    __typename
    ... on ExpertProfile {
      id
      displayName
      headline
    }
    ... on Request {
      id
      title
      status
    }
    ... on Message {
      id
      body
      sentAt
      author {
        id
        displayName
      }
    }
  }
}
    `, {"fragmentName":"ReportView"}) as unknown as TypedDocumentString<ReportViewFragment, unknown>;
export const StalledRequestFragmentDoc = new TypedDocumentString(`
    fragment StalledRequest on Request {
  id
  title
  kind
  status
  updatedAt
  lastActivityAt
  institution {
    id
    name
    country
  }
}
    `, {"fragmentName":"StalledRequest"}) as unknown as TypedDocumentString<StalledRequestFragment, unknown>;
export const AuditRowFragmentDoc = new TypedDocumentString(`
    fragment AuditRow on AuditEntry {
  cursor
  at
  actorId
  actor {
    id
    displayName
    role
  }
  action
  subjectType
  subjectId
  reason
  details
}
    `, {"fragmentName":"AuditRow"}) as unknown as TypedDocumentString<AuditRowFragment, unknown>;
export const NotificationViewFragmentDoc = new TypedDocumentString(`
    fragment NotificationView on Notification {
  id
  kind
  text
  link
  createdAt
  readAt
}
    `, {"fragmentName":"NotificationView"}) as unknown as TypedDocumentString<NotificationViewFragment, unknown>;
export const ProfileViewFragmentDoc = new TypedDocumentString(`
    fragment ProfileView on ExpertProfile {
  id
  displayName
  headline
  bio
  residenceCountry
  residenceCity
  originCountries
  languages {
    code
    level
  }
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    level
    years
  }
  engagementTypes
  workModes
  hoursPerMonth
  orcid
  visibility
  verified
  contactEmail
  updatedAt
  lastActiveAt
}
    `, {"fragmentName":"ProfileView"}) as unknown as TypedDocumentString<ProfileViewFragment, unknown>;
export const RequestDetailFragmentDoc = new TypedDocumentString(`
    fragment RequestDetail on Request {
  id
  title
  description
  kind
  status
  reviewReason
  createdAt
  updatedAt
  languages
  workModes
  hoursPerMonth
  startsOn
  endsOn
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    minLevel
    required
  }
  institution {
    id
    name
    country
    city
    kind
    verification
  }
}
    `, {"fragmentName":"RequestDetail"}) as unknown as TypedDocumentString<RequestDetailFragment, unknown>;
export const EngagementSummaryFragmentDoc = new TypedDocumentString(`
    fragment EngagementSummary on Engagement {
  id
  status
  initiatedBy
  proposedByProgramme
  hoursGiven
  createdAt
  updatedAt
  expert {
    id
    displayName
    headline
  }
  request {
    id
    title
    institution {
      id
      name
    }
  }
}
    `, {"fragmentName":"EngagementSummary"}) as unknown as TypedDocumentString<EngagementSummaryFragment, unknown>;
export const SearchHitFragmentDoc = new TypedDocumentString(`
    fragment SearchHit on ExpertHit {
  score
  expert {
    id
    displayName
    headline
    residenceCountry
    residenceCity
    originCountries
    languages {
      code
      level
    }
    engagementTypes
    workModes
    hoursPerMonth
    verified
    lastActiveAt
  }
  explanation {
    matchedSkills {
      id
      label(lang: $lang)
    }
    missingSkills {
      id
      label(lang: $lang)
    }
    matchedLanguages
    countryMatch
    highlights
  }
}
    `, {"fragmentName":"SearchHit"}) as unknown as TypedDocumentString<SearchHitFragment, unknown>;
export const RequestSummaryFragmentDoc = new TypedDocumentString(`
    fragment RequestSummary on Request {
  id
  title
  kind
  status
  createdAt
  updatedAt
  institution {
    id
    name
    country
  }
}
    `, {"fragmentName":"RequestSummary"}) as unknown as TypedDocumentString<RequestSummaryFragment, unknown>;
export const RequestSearchHitFragmentDoc = new TypedDocumentString(`
    fragment RequestSearchHit on RequestHit {
  score
  cursor
  request {
    ...RequestSummary
    workModes
    hoursPerMonth
    startsOn
    languages
  }
  explanation {
    matchedSkills {
      id
      label(lang: $lang)
    }
    missingSkills {
      id
      label(lang: $lang)
    }
    matchedLanguages
    countryMatch
    highlights
  }
}
    fragment RequestSummary on Request {
  id
  title
  kind
  status
  createdAt
  updatedAt
  institution {
    id
    name
    country
  }
}`, {"fragmentName":"RequestSearchHit"}) as unknown as TypedDocumentString<RequestSearchHitFragment, unknown>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  register(input: $input) {
    ...Auth
  }
}
    fragment SessionAccount on Account {
  id
  email
  displayName
  role
  status
}
fragment Auth on AuthPayload {
  accessToken
  refreshToken
  account {
    ...SessionAccount
  }
}`) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    ...Auth
  }
}
    fragment SessionAccount on Account {
  id
  email
  displayName
  role
  status
}
fragment Auth on AuthPayload {
  accessToken
  refreshToken
  account {
    ...SessionAccount
  }
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh($refreshToken: String!) {
  refresh(refreshToken: $refreshToken) {
    ...Auth
  }
}
    fragment SessionAccount on Account {
  id
  email
  displayName
  role
  status
}
fragment Auth on AuthPayload {
  accessToken
  refreshToken
  account {
    ...SessionAccount
  }
}`) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout($refreshToken: String!) {
  logout(refreshToken: $refreshToken)
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token) {
    ...SessionAccount
  }
}
    fragment SessionAccount on Account {
  id
  email
  displayName
  role
  status
}`) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const ResendVerificationDocument = new TypedDocumentString(`
    mutation ResendVerification {
  resendVerificationEmail
}
    `) as unknown as TypedDocumentString<ResendVerificationMutation, ResendVerificationMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const MyEngagementsDocument = new TypedDocumentString(`
    query MyEngagements {
  myEngagements {
    ...EngagementSummary
  }
}
    fragment EngagementSummary on Engagement {
  id
  status
  initiatedBy
  proposedByProgramme
  hoursGiven
  createdAt
  updatedAt
  expert {
    id
    displayName
    headline
  }
  request {
    id
    title
    institution {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<MyEngagementsQuery, MyEngagementsQueryVariables>;
export const EngagementDocument = new TypedDocumentString(`
    query Engagement($id: ID!) {
  engagement(id: $id) {
    ...EngagementDetail
  }
  me {
    id
    role
    expertProfile {
      id
    }
    institutions {
      id
    }
  }
}
    fragment MessageView on Message {
  id
  body
  sentAt
  author {
    id
    displayName
  }
}
fragment EngagementDetail on Engagement {
  id
  status
  initiatedBy
  message
  declineReason
  feedback
  hoursGiven
  proposedByProgramme
  createdAt
  updatedAt
  expert {
    id
    displayName
    headline
    residenceCountry
    contactEmail
  }
  request {
    id
    title
    status
    institution {
      id
      name
      country
    }
  }
  messages {
    ...MessageView
  }
}`) as unknown as TypedDocumentString<EngagementQuery, EngagementQueryVariables>;
export const ExpertDashboardDocument = new TypedDocumentString(`
    query ExpertDashboard($lang: String!) {
  recommendedRequests(first: 10) {
    score
    request {
      ...RequestSummary
    }
    explanation {
      matchedSkills {
        id
        label(lang: $lang)
      }
      missingSkills {
        id
        label(lang: $lang)
      }
      matchedLanguages
      countryMatch
    }
  }
  myEngagements {
    ...EngagementSummary
  }
}
    fragment RequestSummary on Request {
  id
  title
  kind
  status
  createdAt
  updatedAt
  institution {
    id
    name
    country
  }
}
fragment EngagementSummary on Engagement {
  id
  status
  initiatedBy
  proposedByProgramme
  hoursGiven
  createdAt
  updatedAt
  expert {
    id
    displayName
    headline
  }
  request {
    id
    title
    institution {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ExpertDashboardQuery, ExpertDashboardQueryVariables>;
export const StaffDashboardDocument = new TypedDocumentString(`
    query StaffDashboard {
  myEngagements {
    ...EngagementSummary
  }
  me {
    id
    institutions {
      id
      name
      verification
      requests {
        ...RequestSummary
      }
    }
  }
}
    fragment RequestSummary on Request {
  id
  title
  kind
  status
  createdAt
  updatedAt
  institution {
    id
    name
    country
  }
}
fragment EngagementSummary on Engagement {
  id
  status
  initiatedBy
  proposedByProgramme
  hoursGiven
  createdAt
  updatedAt
  expert {
    id
    displayName
    headline
  }
  request {
    id
    title
    institution {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<StaffDashboardQuery, StaffDashboardQueryVariables>;
export const ApplyToRequestDocument = new TypedDocumentString(`
    mutation ApplyToRequest($requestId: ID!, $message: String!) {
  applyToRequest(requestId: $requestId, message: $message) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApplyToRequestMutation, ApplyToRequestMutationVariables>;
export const InviteExpertDocument = new TypedDocumentString(`
    mutation InviteExpert($requestId: ID!, $expertId: ID!, $message: String!) {
  inviteExpert(requestId: $requestId, expertId: $expertId, message: $message) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<InviteExpertMutation, InviteExpertMutationVariables>;
export const RespondToEngagementDocument = new TypedDocumentString(`
    mutation RespondToEngagement($id: ID!, $accept: Boolean!, $reason: String) {
  respondToEngagement(id: $id, accept: $accept, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RespondToEngagementMutation, RespondToEngagementMutationVariables>;
export const WithdrawEngagementDocument = new TypedDocumentString(`
    mutation WithdrawEngagement($id: ID!) {
  withdrawEngagement(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<WithdrawEngagementMutation, WithdrawEngagementMutationVariables>;
export const CompleteEngagementDocument = new TypedDocumentString(`
    mutation CompleteEngagement($id: ID!, $hoursGiven: Int!, $feedback: String) {
  completeEngagement(id: $id, hoursGiven: $hoursGiven, feedback: $feedback) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CompleteEngagementMutation, CompleteEngagementMutationVariables>;
export const SendMessageDocument = new TypedDocumentString(`
    mutation SendMessage($engagementId: ID!, $body: String!) {
  sendMessage(engagementId: $engagementId, body: $body) {
    ...MessageView
  }
}
    fragment MessageView on Message {
  id
  body
  sentAt
  author {
    id
    displayName
  }
}`) as unknown as TypedDocumentString<SendMessageMutation, SendMessageMutationVariables>;
export const NetworkNumbersDocument = new TypedDocumentString(`
    query NetworkNumbers {
  networkStats {
    ...NetworkHeadline
  }
}
    fragment NetworkHeadline on NetworkStats {
  experts
  institutions
  openRequests
  engagementsCompleted
  hoursGiven
}`) as unknown as TypedDocumentString<NetworkNumbersQuery, NetworkNumbersQueryVariables>;
export const NetworkInsightDocument = new TypedDocumentString(`
    query NetworkInsight($lang: String!, $gaps: Int!, $months: Int!) {
  networkStats {
    ...NetworkHeadline
    expertsByResidence {
      country
      count
    }
    expertsByOrigin {
      country
      count
    }
    skillGaps(first: $gaps) {
      skill {
        id
        label(lang: $lang)
      }
      demand
      supply
    }
    activity(months: $months) {
      month
      engagementsStarted
      engagementsCompleted
      hoursGiven
    }
  }
}
    fragment NetworkHeadline on NetworkStats {
  experts
  institutions
  openRequests
  engagementsCompleted
  hoursGiven
}`) as unknown as TypedDocumentString<NetworkInsightQuery, NetworkInsightQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard {
  me {
    id
    email
    displayName
    role
    status
    expertProfile {
      id
      visibility
    }
    institutions {
      ...InstitutionView
    }
  }
}
    fragment InstitutionView on Institution {
  id
  name
  kind
  country
  city
  website
  description
  verification
  reviewReason
  createdAt
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const InstitutionDocument = new TypedDocumentString(`
    query Institution($id: ID!) {
  institution(id: $id) {
    ...InstitutionView
    requests {
      ...RequestSummary
    }
  }
  me {
    id
    institutions {
      id
    }
  }
}
    fragment InstitutionView on Institution {
  id
  name
  kind
  country
  city
  website
  description
  verification
  reviewReason
  createdAt
}
fragment RequestSummary on Request {
  id
  title
  kind
  status
  createdAt
  updatedAt
  institution {
    id
    name
    country
  }
}`) as unknown as TypedDocumentString<InstitutionQuery, InstitutionQueryVariables>;
export const CreateInstitutionDocument = new TypedDocumentString(`
    mutation CreateInstitution($input: InstitutionInput!) {
  createInstitution(input: $input) {
    ...InstitutionView
  }
}
    fragment InstitutionView on Institution {
  id
  name
  kind
  country
  city
  website
  description
  verification
  reviewReason
  createdAt
}`) as unknown as TypedDocumentString<CreateInstitutionMutation, CreateInstitutionMutationVariables>;
export const AddInstitutionMemberDocument = new TypedDocumentString(`
    mutation AddInstitutionMember($institutionId: ID!, $email: String!) {
  addInstitutionMember(institutionId: $institutionId, email: $email) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddInstitutionMemberMutation, AddInstitutionMemberMutationVariables>;
export const ModerationQueueDocument = new TypedDocumentString(`
    query ModerationQueue {
  moderationQueue {
    institutions {
      ...InstitutionView
    }
  }
}
    fragment InstitutionView on Institution {
  id
  name
  kind
  country
  city
  website
  description
  verification
  reviewReason
  createdAt
}`) as unknown as TypedDocumentString<ModerationQueueQuery, ModerationQueueQueryVariables>;
export const ReviewInstitutionDocument = new TypedDocumentString(`
    mutation ReviewInstitution($id: ID!, $decision: Decision!, $reason: String) {
  reviewInstitution(id: $id, decision: $decision, reason: $reason) {
    ...InstitutionView
  }
}
    fragment InstitutionView on Institution {
  id
  name
  kind
  country
  city
  website
  description
  verification
  reviewReason
  createdAt
}`) as unknown as TypedDocumentString<ReviewInstitutionMutation, ReviewInstitutionMutationVariables>;
export const ReportContentDocument = new TypedDocumentString(`
    mutation ReportContent($subjectId: ID!, $reason: String!) {
  reportContent(subjectId: $subjectId, reason: $reason)
}
    `) as unknown as TypedDocumentString<ReportContentMutation, ReportContentMutationVariables>;
export const ReportQueueDocument = new TypedDocumentString(`
    query ReportQueue {
  moderationQueue {
    reports {
      ...ReportView
    }
  }
}
    fragment ReportView on Report {
  id
  subjectId
  subjectType
  subjectSummary
  subjectLink
  reason
  createdAt
  status
  reporter {
    id
    displayName
  }
  subjectAccount {
    id
    displayName
    email
    role
    status
  }
  subject {
    __typename
    ... on ExpertProfile {
      id
      displayName
      headline
    }
    ... on Request {
      id
      title
      status
    }
    ... on Message {
      id
      body
      sentAt
      author {
        id
        displayName
      }
    }
  }
}`) as unknown as TypedDocumentString<ReportQueueQuery, ReportQueueQueryVariables>;
export const ResolveReportDocument = new TypedDocumentString(`
    mutation ResolveReport($id: ID!, $action: ReportAction!, $note: String!) {
  resolveReport(id: $id, action: $action, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResolveReportMutation, ResolveReportMutationVariables>;
export const SuspendAccountDocument = new TypedDocumentString(`
    mutation SuspendAccount($id: ID!, $reason: String!) {
  suspendAccount(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SuspendAccountMutation, SuspendAccountMutationVariables>;
export const StalledRequestsDocument = new TypedDocumentString(`
    query StalledRequests($olderThanDays: Int!) {
  stalledRequests(olderThanDays: $olderThanDays) {
    ...StalledRequest
  }
}
    fragment StalledRequest on Request {
  id
  title
  kind
  status
  updatedAt
  lastActivityAt
  institution {
    id
    name
    country
  }
}`) as unknown as TypedDocumentString<StalledRequestsQuery, StalledRequestsQueryVariables>;
export const HoldRequestDocument = new TypedDocumentString(`
    mutation HoldRequest($id: ID!, $reason: String!) {
  holdRequest(id: $id, reason: $reason) {
    id
    status
    updatedAt
    reviewReason
  }
}
    `) as unknown as TypedDocumentString<HoldRequestMutation, HoldRequestMutationVariables>;
export const ResumeRequestDocument = new TypedDocumentString(`
    mutation ResumeRequest($id: ID!, $reason: String) {
  resumeRequest(id: $id, reason: $reason) {
    id
    status
    updatedAt
    reviewReason
  }
}
    `) as unknown as TypedDocumentString<ResumeRequestMutation, ResumeRequestMutationVariables>;
export const ModeratorCloseRequestDocument = new TypedDocumentString(`
    mutation ModeratorCloseRequest($id: ID!, $completed: Boolean!, $reason: String) {
  closeRequest(id: $id, completed: $completed, reason: $reason) {
    id
    status
    updatedAt
    reviewReason
  }
}
    `) as unknown as TypedDocumentString<ModeratorCloseRequestMutation, ModeratorCloseRequestMutationVariables>;
export const ProposeExpertsDocument = new TypedDocumentString(`
    mutation ProposeExperts($requestId: ID!, $expertIds: [ID!]!, $message: String!) {
  proposeExperts(requestId: $requestId, expertIds: $expertIds, message: $message) {
    id
    status
    expert {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<ProposeExpertsMutation, ProposeExpertsMutationVariables>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($first: Int!, $after: String, $actorId: ID, $subjectId: ID) {
  auditLog(first: $first, after: $after, actorId: $actorId, subjectId: $subjectId) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...AuditRow
    }
  }
}
    fragment AuditRow on AuditEntry {
  cursor
  at
  actorId
  actor {
    id
    displayName
    role
  }
  action
  subjectType
  subjectId
  reason
  details
}`) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($unreadOnly: Boolean!, $first: Int!) {
  notifications(unreadOnly: $unreadOnly, first: $first) {
    ...NotificationView
  }
  unreadNotificationCount
}
    fragment NotificationView on Notification {
  id
  kind
  text
  link
  createdAt
  readAt
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]!) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const ExpertDocument = new TypedDocumentString(`
    query Expert($id: ID!, $lang: String!) {
  expert(id: $id) {
    ...ProfileView
  }
  me {
    id
    expertProfile {
      id
    }
  }
}
    fragment ProfileView on ExpertProfile {
  id
  displayName
  headline
  bio
  residenceCountry
  residenceCity
  originCountries
  languages {
    code
    level
  }
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    level
    years
  }
  engagementTypes
  workModes
  hoursPerMonth
  orcid
  visibility
  verified
  contactEmail
  updatedAt
  lastActiveAt
}`) as unknown as TypedDocumentString<ExpertQuery, ExpertQueryVariables>;
export const MyProfileDocument = new TypedDocumentString(`
    query MyProfile($lang: String!) {
  me {
    id
    displayName
    email
    expertProfile {
      ...ProfileView
    }
  }
}
    fragment ProfileView on ExpertProfile {
  id
  displayName
  headline
  bio
  residenceCountry
  residenceCity
  originCountries
  languages {
    code
    level
  }
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    level
    years
  }
  engagementTypes
  workModes
  hoursPerMonth
  orcid
  visibility
  verified
  contactEmail
  updatedAt
  lastActiveAt
}`) as unknown as TypedDocumentString<MyProfileQuery, MyProfileQueryVariables>;
export const SaveExpertProfileDocument = new TypedDocumentString(`
    mutation SaveExpertProfile($input: ExpertProfileInput!, $lang: String!) {
  saveExpertProfile(input: $input) {
    ...ProfileView
  }
}
    fragment ProfileView on ExpertProfile {
  id
  displayName
  headline
  bio
  residenceCountry
  residenceCity
  originCountries
  languages {
    code
    level
  }
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    level
    years
  }
  engagementTypes
  workModes
  hoursPerMonth
  orcid
  visibility
  verified
  contactEmail
  updatedAt
  lastActiveAt
}`) as unknown as TypedDocumentString<SaveExpertProfileMutation, SaveExpertProfileMutationVariables>;
export const SkillsDocument = new TypedDocumentString(`
    query Skills($query: String!, $lang: String!, $first: Int!) {
  skills(query: $query, lang: $lang, first: $first) {
    id
    label(lang: $lang)
    altLabels(lang: $lang)
    inTaxonomy
  }
}
    `) as unknown as TypedDocumentString<SkillsQuery, SkillsQueryVariables>;
export const RequestDocument = new TypedDocumentString(`
    query Request($id: ID!, $lang: String!) {
  request(id: $id) {
    ...RequestDetail
    engagements {
      ...EngagementSummary
    }
  }
  me {
    id
    role
    status
    expertProfile {
      id
    }
    institutions {
      id
    }
  }
}
    fragment RequestDetail on Request {
  id
  title
  description
  kind
  status
  reviewReason
  createdAt
  updatedAt
  languages
  workModes
  hoursPerMonth
  startsOn
  endsOn
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    minLevel
    required
  }
  institution {
    id
    name
    country
    city
    kind
    verification
  }
}
fragment EngagementSummary on Engagement {
  id
  status
  initiatedBy
  proposedByProgramme
  hoursGiven
  createdAt
  updatedAt
  expert {
    id
    displayName
    headline
  }
  request {
    id
    title
    institution {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<RequestQuery, RequestQueryVariables>;
export const MatchExpertsDocument = new TypedDocumentString(`
    query MatchExperts($requestId: ID!, $first: Int, $lang: String!) {
  matchExperts(requestId: $requestId, first: $first) {
    ...SearchHit
  }
}
    fragment SearchHit on ExpertHit {
  score
  expert {
    id
    displayName
    headline
    residenceCountry
    residenceCity
    originCountries
    languages {
      code
      level
    }
    engagementTypes
    workModes
    hoursPerMonth
    verified
    lastActiveAt
  }
  explanation {
    matchedSkills {
      id
      label(lang: $lang)
    }
    missingSkills {
      id
      label(lang: $lang)
    }
    matchedLanguages
    countryMatch
    highlights
  }
}`) as unknown as TypedDocumentString<MatchExpertsQuery, MatchExpertsQueryVariables>;
export const RequestReviewQueueDocument = new TypedDocumentString(`
    query RequestReviewQueue($lang: String!) {
  moderationQueue {
    requests {
      ...RequestDetail
    }
  }
}
    fragment RequestDetail on Request {
  id
  title
  description
  kind
  status
  reviewReason
  createdAt
  updatedAt
  languages
  workModes
  hoursPerMonth
  startsOn
  endsOn
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    minLevel
    required
  }
  institution {
    id
    name
    country
    city
    kind
    verification
  }
}`) as unknown as TypedDocumentString<RequestReviewQueueQuery, RequestReviewQueueQueryVariables>;
export const CreateRequestDocument = new TypedDocumentString(`
    mutation CreateRequest($input: RequestInput!, $lang: String!) {
  createRequest(input: $input) {
    ...RequestDetail
  }
}
    fragment RequestDetail on Request {
  id
  title
  description
  kind
  status
  reviewReason
  createdAt
  updatedAt
  languages
  workModes
  hoursPerMonth
  startsOn
  endsOn
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    minLevel
    required
  }
  institution {
    id
    name
    country
    city
    kind
    verification
  }
}`) as unknown as TypedDocumentString<CreateRequestMutation, CreateRequestMutationVariables>;
export const UpdateRequestDocument = new TypedDocumentString(`
    mutation UpdateRequest($id: ID!, $input: RequestInput!, $lang: String!) {
  updateRequest(id: $id, input: $input) {
    ...RequestDetail
  }
}
    fragment RequestDetail on Request {
  id
  title
  description
  kind
  status
  reviewReason
  createdAt
  updatedAt
  languages
  workModes
  hoursPerMonth
  startsOn
  endsOn
  skills {
    skill {
      id
      label(lang: $lang)
      inTaxonomy
    }
    minLevel
    required
  }
  institution {
    id
    name
    country
    city
    kind
    verification
  }
}`) as unknown as TypedDocumentString<UpdateRequestMutation, UpdateRequestMutationVariables>;
export const SubmitRequestDocument = new TypedDocumentString(`
    mutation SubmitRequest($id: ID!) {
  submitRequest(id: $id) {
    id
    status
    updatedAt
    reviewReason
  }
}
    `) as unknown as TypedDocumentString<SubmitRequestMutation, SubmitRequestMutationVariables>;
export const ReviewRequestDocument = new TypedDocumentString(`
    mutation ReviewRequest($id: ID!, $decision: Decision!, $reason: String) {
  reviewRequest(id: $id, decision: $decision, reason: $reason) {
    id
    status
    updatedAt
    reviewReason
  }
}
    `) as unknown as TypedDocumentString<ReviewRequestMutation, ReviewRequestMutationVariables>;
export const ReturnRequestForChangesDocument = new TypedDocumentString(`
    mutation ReturnRequestForChanges($id: ID!, $reason: String!) {
  returnRequestForChanges(id: $id, reason: $reason) {
    id
    status
    updatedAt
    reviewReason
  }
}
    `) as unknown as TypedDocumentString<ReturnRequestForChangesMutation, ReturnRequestForChangesMutationVariables>;
export const CloseRequestDocument = new TypedDocumentString(`
    mutation CloseRequest($id: ID!, $completed: Boolean!) {
  closeRequest(id: $id, completed: $completed) {
    id
    status
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<CloseRequestMutation, CloseRequestMutationVariables>;
export const SearchExpertsDocument = new TypedDocumentString(`
    query SearchExperts($query: String, $filter: ExpertFilter, $first: Int, $after: String, $lang: String!) {
  searchExperts(
    query: $query
    filter: $filter
    first: $first
    after: $after
    lang: $lang
  ) {
    totalCount
    hits {
      ...SearchHit
    }
    nextCursor
    residenceCountry: facets(field: "residenceCountry") {
      value
      count
    }
    originCountry: facets(field: "originCountry") {
      value
      count
    }
    language: facets(field: "language") {
      value
      count
    }
    engagementType: facets(field: "engagementType") {
      value
      count
    }
    workMode: facets(field: "workMode") {
      value
      count
    }
  }
}
    fragment SearchHit on ExpertHit {
  score
  expert {
    id
    displayName
    headline
    residenceCountry
    residenceCity
    originCountries
    languages {
      code
      level
    }
    engagementTypes
    workModes
    hoursPerMonth
    verified
    lastActiveAt
  }
  explanation {
    matchedSkills {
      id
      label(lang: $lang)
    }
    missingSkills {
      id
      label(lang: $lang)
    }
    matchedLanguages
    countryMatch
    highlights
  }
}`) as unknown as TypedDocumentString<SearchExpertsQuery, SearchExpertsQueryVariables>;
export const SearchExpertsMoreDocument = new TypedDocumentString(`
    query SearchExpertsMore($query: String, $filter: ExpertFilter, $first: Int, $after: String, $lang: String!) {
  searchExperts(
    query: $query
    filter: $filter
    first: $first
    after: $after
    lang: $lang
  ) {
    hits {
      ...SearchHit
    }
    nextCursor
  }
}
    fragment SearchHit on ExpertHit {
  score
  expert {
    id
    displayName
    headline
    residenceCountry
    residenceCity
    originCountries
    languages {
      code
      level
    }
    engagementTypes
    workModes
    hoursPerMonth
    verified
    lastActiveAt
  }
  explanation {
    matchedSkills {
      id
      label(lang: $lang)
    }
    missingSkills {
      id
      label(lang: $lang)
    }
    matchedLanguages
    countryMatch
    highlights
  }
}`) as unknown as TypedDocumentString<SearchExpertsMoreQuery, SearchExpertsMoreQueryVariables>;
export const SearchRequestsDocument = new TypedDocumentString(`
    query SearchRequests($query: String, $filter: RequestFilter, $first: Int, $after: String, $lang: String!) {
  searchRequests(
    query: $query
    filter: $filter
    first: $first
    after: $after
    lang: $lang
  ) {
    ...RequestSearchHit
  }
}
    fragment RequestSummary on Request {
  id
  title
  kind
  status
  createdAt
  updatedAt
  institution {
    id
    name
    country
  }
}
fragment RequestSearchHit on RequestHit {
  score
  cursor
  request {
    ...RequestSummary
    workModes
    hoursPerMonth
    startsOn
    languages
  }
  explanation {
    matchedSkills {
      id
      label(lang: $lang)
    }
    missingSkills {
      id
      label(lang: $lang)
    }
    matchedLanguages
    countryMatch
    highlights
  }
}`) as unknown as TypedDocumentString<SearchRequestsQuery, SearchRequestsQueryVariables>;