import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { EngagementDetailFragment } from "../graphql/generated/graphql";
import { fakeFetch, renderWithApp } from "../test/utils";
import { EngagementActions, parseHours } from "./EngagementActions";

const eng = (over: Partial<EngagementDetailFragment> = {}): EngagementDetailFragment => ({
  id: "e1", status: "APPLIED", initiatedBy: "EXPERT", message: "Hello", declineReason: null, feedback: null, hoursGiven: null, proposedByProgramme: false,
  createdAt: "2026-11-01T00:00:00Z", updatedAt: "2026-11-01T00:00:00Z",
  expert: { id: "p1", displayName: "Ada", headline: "", residenceCountry: "FR", contactEmail: null },
  request: { id: "r1", title: "Flood model", status: "OPEN", institution: { id: "i1", name: "Uni", country: "GH" } },
  messages: [], ...over,
});

function show(e: EngagementDetailFragment, viewer: "EXPERT" | "INSTITUTION" | null, handler: () => unknown = () => ({ data: {} })) {
  const f = fakeFetch(handler);
  const onDone = vi.fn();
  render(renderWithApp(<EngagementActions engagement={e} viewer={viewer} onDone={onDone} />, { fetch: f }).ui);
  return { f, onDone };
}

describe("engagement actions", () => {
  it("the institution answers an application: accept sends respondToEngagement(accept: true)", async () => {
    const { f, onDone } = show(eng(), "INSTITUTION", () => ({ data: { respondToEngagement: { id: "e1", status: "ACCEPTED" } } }));
    expect(screen.queryByRole("button", { name: "Withdraw" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Accept" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(f.calls[0].query).toContain("respondToEngagement");
    expect(f.calls[0].variables).toEqual({ id: "e1", accept: true, reason: null });
  });

  it("declining asks for an optional reason and sends it", async () => {
    const { f, onDone } = show(eng({ status: "INVITED", initiatedBy: "INSTITUTION" }), "EXPERT", () => ({ data: { respondToEngagement: { id: "e1", status: "DECLINED" } } }));
    fireEvent.click(screen.getByRole("button", { name: "Decline" }));
    fireEvent.change(screen.getByLabelText(/Why you decline/), { target: { value: "No time this year" } });
    fireEvent.click(screen.getByRole("button", { name: "Decline it" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(f.calls[0].variables).toEqual({ id: "e1", accept: false, reason: "No time this year" });
  });

  it("the side that started it may only withdraw, after confirming", async () => {
    const { f } = show(eng(), "EXPERT", () => ({ data: { withdrawEngagement: { id: "e1", status: "WITHDRAWN" } } }));
    expect(screen.queryByRole("button", { name: "Accept" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Withdraw" }));
    expect(f.calls).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Yes, withdraw" }));
    await waitFor(() => expect(f.calls).toHaveLength(1));
    expect(f.calls[0].query).toContain("withdrawEngagement");
  });

  it("completing checks the hours before sending them with the feedback", async () => {
    const { f, onDone } = show(eng({ status: "ACCEPTED" }), "EXPERT", () => ({ data: { completeEngagement: { id: "e1", status: "COMPLETED" } } }));
    fireEvent.click(screen.getByRole("button", { name: "Record as completed" }));
    expect(await screen.findByText("Fill in this field.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Hours given/), { target: { value: "12.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Record as completed" }));
    expect(await screen.findByText("Enter a whole number, like 12.")).toBeTruthy();
    expect(f.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Hours given/), { target: { value: "24" } });
    fireEvent.change(screen.getByLabelText(/^Feedback/), { target: { value: "Great work" } });
    fireEvent.click(screen.getByRole("button", { name: "Record as completed" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(f.calls[0].variables).toEqual({ id: "e1", hoursGiven: 24, feedback: "Great work" });
  });

  it("shows nothing on a final engagement or to a viewer on neither side", () => {
    const { container } = render(renderWithApp(<EngagementActions engagement={eng({ status: "COMPLETED" })} viewer="EXPERT" onDone={() => {}} />, { fetch: fakeFetch(() => ({})) }).ui);
    expect(container.textContent).toBe("");
    show(eng(), null);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("parses hours: whole numbers from 0 to 10,000", () => {
    expect(parseHours(" 0 ")).toEqual({ hours: 0 });
    expect(parseHours("10000")).toEqual({ hours: 10000 });
    expect(parseHours("10001")).toEqual({ error: "engagement.complete.hoursRange" });
    expect(parseHours("-1")).toEqual({ error: "validation.number" });
    expect(parseHours("")).toEqual({ error: "validation.required" });
  });
});
