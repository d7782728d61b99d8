import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ReportViewFragment } from "../graphql/generated/graphql";
import { fakeFetch, renderWithApp } from "../test/utils";
import { ReportCard } from "./ReportQueue";

const report: ReportViewFragment = {
  id: "rep1", subjectId: "m1", subjectType: "MESSAGE", subjectSummary: "Message by Kojo: give me money", subjectLink: "/engagements/e1",
  reason: "Threats", createdAt: "2026-11-20T10:00:00Z", status: "OPEN", reporter: { id: "a1", displayName: "Abena" },
  subjectAccount: { id: "a2", displayName: "Kojo", email: "kojo@example.org", role: "INSTITUTION", status: "ACTIVE" },
  subject: { __typename: "Message", id: "m1", body: "give me <b>money</b>", sentAt: "2026-11-20T09:00:00Z", author: { id: "a2", displayName: "Kojo" } },
};

describe("report card", () => {
  it("shows the reported message as text, the reason, the reporter and the account behind it", () => {
    const f = fakeFetch(() => ({ data: {} }));
    const { container } = render(renderWithApp(<ReportCard report={report} onDone={() => {}} />, { fetch: f }).ui);
    expect(container.querySelector("blockquote")?.textContent).toBe("give me <b>money</b>");
    expect(container.querySelector("blockquote b")).toBeNull();
    expect(screen.getByText("Threats")).toBeTruthy();
    expect(screen.getByText("Abena, Nov 20, 2026")).toBeTruthy();
    expect(screen.getByText(/Kojo \(kojo@example.org\) · Institution staff · active/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "See it where it appears" }).getAttribute("href")).toBe("/engagements/e1");
  });

  it("needs a note, then dismisses", async () => {
    const f = fakeFetch(() => ({ data: { resolveReport: { id: "rep1", status: "DISMISSED" } } }));
    const onDone = vi.fn();
    render(renderWithApp(<ReportCard report={report} onDone={onDone} />, { fetch: f }).ui);
    fireEvent.click(screen.getByRole("button", { name: "Dismiss: nothing to do" }));
    expect(await screen.findByText("Write a note about your decision.")).toBeTruthy();
    expect(f.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Your note"), { target: { value: "Banter between colleagues" } });
    fireEvent.click(screen.getByRole("button", { name: "Dismiss: nothing to do" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith("The report is dismissed."));
    expect(f.calls[0].variables).toEqual({ id: "rep1", action: "DISMISS", note: "Banter between colleagues" });
  });

  it("suspends the account behind it with the note as the reason, then resolves", async () => {
    const f = fakeFetch((b) => (b.query.includes("suspendAccount") ? { data: { suspendAccount: { id: "a2", status: "SUSPENDED" } } } : { data: { resolveReport: { id: "rep1", status: "RESOLVED" } } }));
    const onDone = vi.fn();
    render(renderWithApp(<ReportCard report={report} onDone={onDone} />, { fetch: f }).ui);
    fireEvent.change(screen.getByLabelText("Your note"), { target: { value: "Extortion" } });
    fireEvent.click(screen.getByRole("button", { name: "Suspend Kojo and resolve" }));
    fireEvent.click(screen.getByRole("button", { name: "Yes, suspend the account" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith("Kojo is suspended and the report resolved."));
    expect(f.calls.map((c) => c.variables)).toEqual([{ id: "a2", reason: "Extortion" }, { id: "rep1", action: "RESOLVE", note: "Extortion" }]);
  });

  it("offers no suspension for an account already suspended or gone", () => {
    const f = fakeFetch(() => ({ data: {} }));
    render(renderWithApp(<ReportCard report={{ ...report, subjectAccount: { ...report.subjectAccount!, status: "SUSPENDED" } }} onDone={() => {}} />, { fetch: f }).ui);
    expect(screen.queryByRole("button", { name: /Suspend/ })).toBeNull();
  });
});
