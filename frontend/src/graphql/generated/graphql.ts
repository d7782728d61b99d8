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

export type InstitutionViewFragment = { id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { me: { id: string, email: string, displayName: string, role: Role, status: AccountStatus, expertProfile: { id: string, visibility: Visibility } | null, institutions: Array<{ id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string }> } | null };

export type InstitutionQueryVariables = Exact<{
  id: string | number;
}>;


export type InstitutionQuery = { institution: { id: string, name: string, kind: InstitutionKind, country: string, city: string | null, website: string | null, description: string, verification: VerificationStatus, reviewReason: string | null, createdAt: string } | null, me: { id: string, institutions: Array<{ id: string }> } | null };

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

export type ProfileViewFragment = { id: string, displayName: string, headline: string, bio: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, orcid: string | null, visibility: Visibility, verified: boolean, contactEmail: string | null, updatedAt: string, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }>, skills: Array<{ level: number, years: number | null, skill: { id: string, label: string, inTaxonomy: boolean } }> };

export type ExpertQueryVariables = Exact<{
  id: string | number;
  lang: string;
}>;


export type ExpertQuery = { expert: { id: string, displayName: string, headline: string, bio: string, residenceCountry: string, residenceCity: string | null, originCountries: Array<string>, engagementTypes: Array<EngagementType>, workModes: Array<WorkMode>, hoursPerMonth: number | null, orcid: string | null, visibility: Visibility, verified: boolean, contactEmail: string | null, updatedAt: string, lastActiveAt: string | null, languages: Array<{ code: string, level: LanguageLevel }>, skills: Array<{ level: number, years: number | null, skill: { id: string, label: string, inTaxonomy: boolean } }> } | null };

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
export const ExpertDocument = new TypedDocumentString(`
    query Expert($id: ID!, $lang: String!) {
  expert(id: $id) {
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