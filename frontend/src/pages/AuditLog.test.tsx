import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import type { AuditRowFragment } from "../graphql/generated/graphql";
import { Session } from "../lib/session";
import { fakeFetch, renderWithApp } from "../test/utils";
import AuditLog from "./AuditLog";

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.search}</div>;
}

const row = (n: number): AuditRowFragment => ({
  cursor: `c${n}`, at: "2026-11-20T10:00:00Z", actorId: "mod1", actor: { id: "mod1", displayName: "Esi", role: "MODERATOR" },
  action: n % 2 ? "request.hold" : "report.dismiss", subjectType: "request", subjectId: `r${n}`, reason: `reason ${n}`, details: n === 0 ? '{"from":"OPEN"}' : null,
});

describe("audit log page", () => {
  it("filters from the URL, pages with endCursor, and sets a filter from an entry", async () => {
    const f = fakeFetch((b) => {
      const after = b.variables.after as string | null;
      const nodes = after ? [row(50), row(51)] : Array.from({ length: 50 }, (_, i) => row(i));
      return { data: { auditLog: { totalCount: 52, pageInfo: { hasNextPage: !after, endCursor: after ? "c51" : "c49" }, nodes } } };
    });
    const session = new Session(sessionStorage);
    session.signedOut();
    render(renderWithApp(<><AuditLog /><Where /></>, { fetch: f, session, path: "/moderation/audit?actor=mod1" }).ui);
    expect(await screen.findByText("Entries: 52. Shown: 50.")).toBeTruthy();
    expect(f.calls[0].variables).toEqual({ first: 50, after: null, actorId: "mod1", subjectId: null });
    expect((screen.getByLabelText("Done by (account id)") as HTMLInputElement).value).toBe("mod1");
    expect(screen.getByText("reason 3")).toBeTruthy();
    expect(screen.getByRole("link", { name: "r3" }).getAttribute("href")).toBe("/requests/r3");
    fireEvent.click(screen.getByRole("button", { name: "Show older entries" }));
    expect(await screen.findByText("Entries: 52. Shown: 52.")).toBeTruthy();
    expect(f.calls[1].variables.after).toBe("c49");
    expect(screen.queryByRole("button", { name: "Show older entries" })).toBeNull();
    fireEvent.click(screen.getAllByRole("button", { name: "Only entries about this" })[3]);
    await waitFor(() => expect(screen.getByTestId("where").textContent).toBe("/moderation/audit?actor=mod1&subject=r3"));
    await waitFor(() => expect(f.calls.at(-1)!.variables).toEqual({ first: 50, after: null, actorId: "mod1", subjectId: "r3" }));
  });
});
