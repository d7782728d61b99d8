// The request and engagement lifecycles as the web app shows them: the steps, who must act
// next, and which actions a viewer has. The server decides; these rules only choose which
// buttons to show, mirroring domain/request/lifecycle.rs and domain/engagement.rs.
import type { EngagementSide, EngagementStatus, RequestStatus } from "../graphql/generated/graphql";

/** The main line of a request's life; CANCELLED and REJECTED leave it. */
export const REQUEST_STEPS: RequestStatus[] = ["DRAFT", "IN_REVIEW", "OPEN", "IN_PROGRESS", "COMPLETED"];
/** The main line of an engagement's life; DECLINED and WITHDRAWN leave it. */
export const ENGAGEMENT_STEPS = ["ASKED", "ACCEPTED", "COMPLETED"] as const;

export function isRequestPublic(s: RequestStatus) {
  return s === "OPEN" || s === "IN_PROGRESS" || s === "COMPLETED";
}
export function isRequestFinal(s: RequestStatus) {
  return s === "COMPLETED" || s === "CANCELLED" || s === "REJECTED";
}

/** Who must act next on a request: its institution, the moderators, or nobody. */
export function requestNextActor(s: RequestStatus): "institution" | "moderator" | "none" {
  switch (s) {
    case "DRAFT":
    case "OPEN":
    case "IN_PROGRESS":
      return "institution";
    case "IN_REVIEW":
    case "ON_HOLD":
      return "moderator";
    default:
      return "none";
  }
}

export interface RequestViewer {
  /** A member of the request's institution. */
  member: boolean;
  /** A moderator or administrator. */
  moderator: boolean;
  /** An expert account. */
  expert: boolean;
}

export type RequestAction = "edit" | "submit" | "cancel" | "complete" | "review" | "match" | "apply" | "hold" | "resume";

/** The actions a viewer has on a request in status `s`. */
export function requestActions(s: RequestStatus, v: RequestViewer): RequestAction[] {
  const out: RequestAction[] = [];
  const manager = v.member || v.moderator;
  if (v.member && s === "DRAFT") out.push("edit", "submit");
  if (v.moderator && s === "IN_REVIEW") out.push("review");
  if (manager && (s === "OPEN" || s === "IN_PROGRESS")) out.push("match");
  if (manager && s === "IN_PROGRESS") out.push("complete");
  if (manager && !isRequestFinal(s)) out.push("cancel");
  if (v.expert && (s === "OPEN" || s === "IN_PROGRESS")) out.push("apply");
  // A moderator pauses a request that takes experts and resumes it (ON_HOLD takes none).
  if (v.moderator && (s === "OPEN" || s === "IN_PROGRESS")) out.push("hold");
  if (v.moderator && s === "ON_HOLD") out.push("resume");
  return out;
}

export function isEngagementLive(s: EngagementStatus) {
  return s === "INVITED" || s === "APPLIED" || s === "ACCEPTED";
}

export type EngagementAction = "accept" | "decline" | "withdraw" | "complete";

/** What the viewer's side may do; a viewer on neither side (a moderator) does nothing. */
export function engagementActions(s: EngagementStatus, initiatedBy: EngagementSide, viewer: EngagementSide | null): EngagementAction[] {
  if (!viewer) return [];
  if (s === "APPLIED" || s === "INVITED") return viewer === initiatedBy ? ["withdraw"] : ["accept", "decline"];
  if (s === "ACCEPTED") return ["complete", "withdraw"];
  return [];
}

/** Who must act next: the side that did not start an unanswered engagement, either side of
 * accepted work ("both"), or nobody once it is over. */
export function engagementNextActor(s: EngagementStatus, initiatedBy: EngagementSide): EngagementSide | "both" | "none" {
  if (s === "APPLIED" || s === "INVITED") return initiatedBy === "EXPERT" ? "INSTITUTION" : "EXPERT";
  if (s === "ACCEPTED") return "both";
  return "none";
}

/** The index of the engagement's step on its main line, or -1 when it left it. */
export function engagementStep(s: EngagementStatus): number {
  switch (s) {
    case "APPLIED":
    case "INVITED":
      return 0;
    case "ACCEPTED":
      return 1;
    case "COMPLETED":
      return 2;
    default:
      return -1;
  }
}
