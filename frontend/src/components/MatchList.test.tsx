import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { EngagementSummaryFragment, SearchHitFragment } from "../graphql/generated/graphql";
import { fakeFetch, renderWithApp } from "../test/utils";
import { MatchList } from "./MatchList";

const hit = (id: string, name: string): SearchHitFragment => ({
  score: 0.8,
  expert: { id, displayName: name, headline: "Hydrogeologist", residenceCountry: "NL", residenceCity: null, originCountries: ["GH"], languages: [], engagementTypes: [], workModes: ["REMOTE"], hoursPerMonth: 10, verified: false, lastActiveAt: null },
  explanation: { matchedSkills: [{ id: "s1", label: "model groundwater" }], missingSkills: [{ id: "s2", label: "hydrography" }], matchedLanguages: ["en"], countryMatch: true, highlights: [] },
});
const engaged: EngagementSummaryFragment = {
  id: "e9", status: "APPLIED", initiatedBy: "EXPERT", proposedByProgramme: false, hoursGiven: null, createdAt: "2026-11-01T00:00:00Z", updatedAt: "2026-11-01T00:00:00Z",
  expert: { id: "p2", displayName: "Kwesi", headline: "" }, request: { id: "r1", title: "T", institution: { id: "i1", name: "U" } },
};

describe("ranked matches", () => {
  it("shows each expert with the reasons, and the engagement instead of an invitation when one is live", async () => {
    const f = fakeFetch(() => ({ data: { matchExperts: [hit("p1", "Efua"), hit("p2", "Kwesi")] } }));
    render(renderWithApp(<MatchList requestId="r1" engagements={[engaged]} onInvited={() => {}} />, { fetch: f }).ui);
    expect(await screen.findByRole("heading", { level: 3, name: "Efua" })).toBeTruthy();
    expect(screen.getAllByText("Skill: model groundwater")).toHaveLength(2);
    expect(screen.getAllByText("Missing: hydrography")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Invite Efua" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Invite Kwesi" })).toBeNull();
    expect(screen.getByRole("link", { name: "Open the engagement Kwesi" }).getAttribute("href")).toBe("/engagements/e9");
    expect(f.calls[0].variables).toEqual({ requestId: "r1", first: 10, lang: "en" });
  });

  it("invites with a message: empty is refused, then inviteExpert is sent and the link shown", async () => {
    const f = fakeFetch((b) => (b.query.includes("inviteExpert") ? { data: { inviteExpert: { id: "e1", status: "INVITED" } } } : { data: { matchExperts: [hit("p1", "Efua")] } }));
    const onInvited = vi.fn();
    render(renderWithApp(<MatchList requestId="r1" engagements={[]} onInvited={onInvited} />, { fetch: f }).ui);
    fireEvent.click(await screen.findByRole("button", { name: "Invite Efua" }));
    fireEvent.click(screen.getByRole("button", { name: "Send the invitation" }));
    expect(await screen.findByText("Fill in this field.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Your message to Efua"), { target: { value: "Would you guide our team?" } });
    fireEvent.click(screen.getByRole("button", { name: "Send the invitation" }));
    await waitFor(() => expect(onInvited).toHaveBeenCalled());
    const invite = f.calls.find((c) => c.query.includes("inviteExpert"))!;
    expect(invite.variables).toEqual({ requestId: "r1", expertId: "p1", message: "Would you guide our team?" });
    expect(screen.getByText("Efua is invited.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open the engagement" }).getAttribute("href")).toBe("/engagements/e1");
  });
});
