import { describe, expect, it } from "vitest";
import { engagementActions, engagementNextActor, engagementStep, isRequestPublic, requestActions, requestNextActor } from "./lifecycle";

const member = { member: true, moderator: false, expert: false };
const moderator = { member: false, moderator: true, expert: false };
const expert = { member: false, moderator: false, expert: true };
const stranger = { member: false, moderator: false, expert: false };

describe("request actions by status and viewer", () => {
  it("a member edits and submits a draft, and may cancel it", () => {
    expect(requestActions("DRAFT", member)).toEqual(["edit", "submit", "cancel"]);
    expect(requestActions("DRAFT", moderator)).toEqual(["cancel"]);
    expect(requestActions("DRAFT", expert)).toEqual([]);
  });
  it("only a moderator reviews a request in review; nobody edits it", () => {
    expect(requestActions("IN_REVIEW", moderator)).toEqual(["review", "cancel"]);
    expect(requestActions("IN_REVIEW", member)).toEqual(["cancel"]);
  });
  it("an open request is matched by its managers and applied to by experts, not completed", () => {
    expect(requestActions("OPEN", member)).toEqual(["match", "cancel"]);
    expect(requestActions("OPEN", expert)).toEqual(["apply"]);
    expect(requestActions("OPEN", stranger)).toEqual([]);
  });
  it("work under way can be completed or cancelled, and still takes applications", () => {
    expect(requestActions("IN_PROGRESS", member)).toEqual(["match", "complete", "cancel"]);
    expect(requestActions("IN_PROGRESS", expert)).toEqual(["apply"]);
  });
  it("final requests offer nothing", () => {
    for (const s of ["COMPLETED", "CANCELLED", "REJECTED"] as const) {
      expect(requestActions(s, member)).toEqual([]);
      expect(requestActions(s, { member: true, moderator: true, expert: false })).toEqual([]);
      expect(requestActions(s, expert)).toEqual([]);
    }
  });
  it("a moderator holds a request that takes experts and resumes it; on hold it takes none", () => {
    expect(requestActions("OPEN", moderator)).toEqual(["match", "cancel", "hold"]);
    expect(requestActions("IN_PROGRESS", moderator)).toEqual(["match", "complete", "cancel", "hold"]);
    expect(requestActions("ON_HOLD", moderator)).toEqual(["cancel", "resume"]);
    expect(requestActions("ON_HOLD", member)).toEqual(["cancel"]);
    expect(requestActions("ON_HOLD", expert)).toEqual([]);
    expect(requestActions("OPEN", member)).not.toContain("hold");
    expect(requestNextActor("ON_HOLD")).toBe("moderator");
    expect(isRequestPublic("ON_HOLD")).toBe(false);
  });
  it("says who acts next and which statuses are public", () => {
    expect(requestNextActor("DRAFT")).toBe("institution");
    expect(requestNextActor("IN_REVIEW")).toBe("moderator");
    expect(requestNextActor("REJECTED")).toBe("none");
    expect(["DRAFT", "IN_REVIEW", "OPEN", "IN_PROGRESS", "COMPLETED", "CANCELLED", "REJECTED"].filter((s) => isRequestPublic(s as never))).toEqual(["OPEN", "IN_PROGRESS", "COMPLETED"]);
  });
});

describe("engagement actions by status and side", () => {
  it("the side that did not start it answers; the side that started it withdraws", () => {
    expect(engagementActions("APPLIED", "EXPERT", "INSTITUTION")).toEqual(["accept", "decline"]);
    expect(engagementActions("APPLIED", "EXPERT", "EXPERT")).toEqual(["withdraw"]);
    expect(engagementActions("INVITED", "INSTITUTION", "EXPERT")).toEqual(["accept", "decline"]);
    expect(engagementActions("INVITED", "INSTITUTION", "INSTITUTION")).toEqual(["withdraw"]);
  });
  it("either side completes or withdraws from accepted work", () => {
    expect(engagementActions("ACCEPTED", "EXPERT", "EXPERT")).toEqual(["complete", "withdraw"]);
    expect(engagementActions("ACCEPTED", "EXPERT", "INSTITUTION")).toEqual(["complete", "withdraw"]);
  });
  it("final engagements and viewers on neither side get nothing", () => {
    for (const s of ["DECLINED", "WITHDRAWN", "COMPLETED"] as const) expect(engagementActions(s, "EXPERT", "INSTITUTION")).toEqual([]);
    expect(engagementActions("APPLIED", "EXPERT", null)).toEqual([]);
  });
  it("says who must act next and the step on the main line", () => {
    expect(engagementNextActor("APPLIED", "EXPERT")).toBe("INSTITUTION");
    expect(engagementNextActor("INVITED", "INSTITUTION")).toBe("EXPERT");
    expect(engagementNextActor("ACCEPTED", "EXPERT")).toBe("both");
    expect(engagementNextActor("COMPLETED", "EXPERT")).toBe("none");
    expect([engagementStep("INVITED"), engagementStep("ACCEPTED"), engagementStep("COMPLETED"), engagementStep("DECLINED")]).toEqual([0, 1, 2, -1]);
  });
});
