import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import type { RequestSearchHitFragment } from "../graphql/generated/graphql";
import { Session } from "../lib/session";
import { fakeFetch, renderWithApp } from "../test/utils";
import RequestSearch from "./RequestSearch";

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.search}</div>;
}

const hit = (n: number): RequestSearchHitFragment => ({
  score: 1,
  cursor: `c${n}`,
  request: {
    id: `r${n}`, title: `Groundwater model ${n}`, kind: "PROJECT", status: "OPEN", createdAt: "2026-11-01T00:00:00Z", updatedAt: "2026-11-01T00:00:00Z",
    institution: { id: "i1", name: "Volta Institute", country: "GH" }, workModes: ["REMOTE"], hoursPerMonth: 10, startsOn: null, languages: ["en"],
  },
  explanation: { matchedSkills: [{ id: "s1", label: "model groundwater" }], missingSkills: [], matchedLanguages: [], countryMatch: false, highlights: ["a <mark>groundwater</mark> model &lt;b&gt;"] },
});

describe("request search", () => {
  it("searches from the URL, shows highlights safely, and pages with the last hit's cursor", async () => {
    const f = fakeFetch((b) => {
      const after = b.variables.after as string | null;
      const start = after ? Number(after.slice(1)) + 1 : 0;
      const count = after ? 3 : 20;
      return { data: { searchRequests: Array.from({ length: count }, (_, i) => hit(start + i)) } };
    });
    const session = new Session(sessionStorage);
    session.signedOut();
    const { container } = render(renderWithApp(<><RequestSearch /><Where /></>, { fetch: f, path: "/requests?q=groundwater&kind=PROJECT", session }).ui);
    expect(await screen.findByRole("link", { name: "Groundwater model 0" })).toBeTruthy();
    expect(f.calls[0].variables).toEqual({ query: "groundwater", filter: { kinds: ["PROJECT"] }, first: 20, after: null, lang: "en" });
    expect(container.querySelector("mark")?.textContent).toBe("groundwater");
    expect(container.querySelector(".hit-highlights b")).toBeNull();
    expect(container.querySelector(".hit-highlights li")?.textContent).toBe("a groundwater model <b>");
    expect(screen.getByText("Requests shown: 20. There are more.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show more requests" }));
    await waitFor(() => expect(screen.getByRole("link", { name: "Groundwater model 22" })).toBeTruthy());
    expect(f.calls[1].variables.after).toBe("c19");
    expect(document.activeElement?.textContent).toBe("Groundwater model 20");
    expect(screen.getByText("Requests found: 23.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Show more requests" })).toBeNull();
  });

  it("puts a filter in the URL at once and the typed query after a pause", async () => {
    const f = fakeFetch(() => ({ data: { searchRequests: [] } }));
    const session = new Session(sessionStorage);
    session.signedOut();
    render(renderWithApp(<><RequestSearch /><Where /></>, { fetch: f, path: "/requests", session }).ui);
    expect(await screen.findByText("No open request matches your search.")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Remotely"));
    await waitFor(() => expect(screen.getByTestId("where").textContent).toBe("/requests?mode=REMOTE"));
    fireEvent.change(screen.getByLabelText("Search by subject, skill or institution"), { target: { value: "surgery" } });
    await waitFor(() => expect(screen.getByTestId("where").textContent).toBe("/requests?q=surgery&mode=REMOTE"));
    await waitFor(() => expect(f.calls.at(-1)!.variables).toMatchObject({ query: "surgery", filter: { workModes: ["REMOTE"] } }));
  });
});
