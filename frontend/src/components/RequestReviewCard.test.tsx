import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { RequestDetailFragment } from "../graphql/generated/graphql";
import { fakeFetch, renderWithApp } from "../test/utils";
import { RequestReviewCard, reviewNeedsReason } from "./RequestReviewCard";

const req: RequestDetailFragment = {
  id: "r1", title: "Flood risk model", description: "We need a model.", kind: "PROJECT", status: "IN_REVIEW", reviewReason: null,
  createdAt: "2026-11-01T00:00:00Z", updatedAt: "2026-11-02T00:00:00Z", languages: ["fr"], workModes: [], hoursPerMonth: null, startsOn: null, endsOn: null,
  skills: [{ skill: { id: "s1", label: "hydrology", inTaxonomy: true }, minLevel: 3, required: true }],
  institution: { id: "i1", name: "University of Ghana", country: "GH", city: "Accra", kind: "UNIVERSITY", verification: "VERIFIED" },
};

describe("a moderator's review of a request", () => {
  it("needs a reason to send back or reject, not to approve", () => {
    expect(reviewNeedsReason("APPROVE", "")).toBe(false);
    expect(reviewNeedsReason("RETURN", "  ")).toBe(true);
    expect(reviewNeedsReason("REJECT", "")).toBe(true);
    expect(reviewNeedsReason("REJECT", "spam")).toBe(false);
  });

  it("refuses to send back without a reason, then sends returnRequestForChanges with it", async () => {
    const f = fakeFetch(() => ({ data: { returnRequestForChanges: { id: "r1", status: "DRAFT", updatedAt: "", reviewReason: "x" } } }));
    const onDone = vi.fn();
    render(renderWithApp(<RequestReviewCard request={req} onDone={onDone} />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: /Send back for changes/ }));
    expect(await screen.findByText("Write what the institution should change.")).toBeTruthy();
    expect(f.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Reason for your decision"), { target: { value: "Name the dates" } });
    fireEvent.click(screen.getByRole("button", { name: /Send back for changes/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith("“Flood risk model” is sent back to its institution with your reason."));
    expect(f.calls[0].query).toContain("returnRequestForChanges");
    expect(f.calls[0].variables).toEqual({ id: "r1", reason: "Name the dates" });
  });

  it("approves with reviewRequest(APPROVE)", async () => {
    const f = fakeFetch(() => ({ data: { reviewRequest: { id: "r1", status: "OPEN", updatedAt: "", reviewReason: null } } }));
    const onDone = vi.fn();
    render(renderWithApp(<RequestReviewCard request={req} onDone={onDone} />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Approve Flood risk model" }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(f.calls[0].variables).toEqual({ id: "r1", decision: "APPROVE", reason: null });
  });
});
