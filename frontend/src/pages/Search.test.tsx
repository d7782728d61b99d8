import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useLocation } from "react-router";
import { describe, expect, it } from "vitest";
import type { SearchHitFragment } from "../graphql/generated/graphql";
import { Session } from "../lib/session";
import { fakeFetch, renderWithApp } from "../test/utils";
import Search from "./Search";

function Where() {
  const l = useLocation();
  return <div data-testid="where">{l.pathname + l.search}</div>;
}

const hit = (id: string, name: string): SearchHitFragment => ({
  score: 1,
  expert: {
    id, displayName: name, headline: `${name} headline`, residenceCountry: "NL", residenceCity: null, originCountries: ["NG"],
    languages: [], engagementTypes: [], workModes: ["REMOTE"], hoursPerMonth: null, verified: false, lastActiveAt: null,
  },
  explanation: { matchedSkills: [], missingSkills: [], matchedLanguages: [], countryMatch: false, highlights: [`<mark>${name}</mark>`] },
});

const page = (hits: SearchHitFragment[], totalCount: number, nextCursor: string | null) => ({
  data: {
    searchExperts: {
      totalCount, hits, nextCursor,
      residenceCountry: [{ value: "NL", count: 2 }, { value: "BE", count: 1 }],
      originCountry: [{ value: "NG", count: 3 }],
      language: [{ value: "fr", count: 1 }],
      engagementType: [{ value: "MENTORING", count: 2 }],
      workMode: [{ value: "REMOTE", count: 3 }],
    },
  },
});

function setup(path: string, handler: Parameters<typeof fakeFetch>[0]) {
  const f = fakeFetch(handler);
  const session = new Session(sessionStorage);
  session.signedOut(); // anonymous, session known
  render(renderWithApp(<><Search /><Where /></>, { fetch: f, path, session }).ui);
  return f;
}
const where = () => screen.getByTestId("where").textContent;

describe("expert search page", () => {
  it("reads the search from the URL, sends it, and shows facet counts with names in the UI language", async () => {
    const f = setup("/search?q=flood&residence=NL", () => page([hit("a", "Ada")], 1, null));
    await screen.findByRole("link", { name: "Ada" });
    expect(f.calls[0].variables).toEqual({ query: "flood", filter: { residenceCountries: ["NL"] }, first: 20, after: null, lang: "en" });
    expect((screen.getByLabelText("Search by skill, subject or name") as HTMLInputElement).value).toBe("flood");
    expect((screen.getByRole("checkbox", { name: "Netherlands (2)" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("checkbox", { name: "Belgium (1)" }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole("checkbox", { name: "Remote OK (3)" })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "Lectures and courses (0)" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Experts found: 1. Shown: 1.");
    expect(screen.getByText("Ada", { selector: "mark" })).toBeTruthy();
  });

  it("a facet click updates the URL and searches again; typing is debounced into the URL", async () => {
    const f = setup("/search", () => page([hit("a", "Ada")], 1, null));
    await screen.findByRole("link", { name: "Ada" });
    expect(f.calls[0].variables).toMatchObject({ query: null, filter: null });

    fireEvent.click(screen.getByRole("checkbox", { name: "Belgium (1)" }));
    expect(where()).toBe("/search?residence=BE");
    await waitFor(() => expect(f.calls).toHaveLength(2));
    expect(f.calls[1].variables).toMatchObject({ query: null, filter: { residenceCountries: ["BE"] } });

    const box = screen.getByLabelText("Search by skill, subject or name");
    fireEvent.change(box, { target: { value: "h" } });
    fireEvent.change(box, { target: { value: "hydro" } });
    expect(where()).toBe("/search?residence=BE"); // not yet
    await waitFor(() => expect(where()).toBe("/search?q=hydro&residence=BE"));
    await waitFor(() => expect(f.calls).toHaveLength(3));
    expect(f.calls[2].variables).toMatchObject({ query: "hydro", filter: { residenceCountries: ["BE"] } });
    expect((box as HTMLInputElement).value).toBe("hydro");

    fireEvent.click(screen.getByRole("checkbox", { name: /Verified experts only/ }));
    fireEvent.change(screen.getByLabelText("At least this many hours a month"), { target: { value: "12" } });
    await waitFor(() => expect(where()).toBe("/search?q=hydro&residence=BE&verified=1&hours=12"));
    fireEvent.click(screen.getByRole("button", { name: "Clear all filters" }));
    expect(where()).toBe("/search?q=hydro");
    expect((screen.getByLabelText("At least this many hours a month") as HTMLInputElement).value).toBe("");
  });

  it("'Show more' appends the next page with the cursor and moves focus to the first new expert", async () => {
    const f = setup("/search?q=x", (body) =>
      body.variables.after === "c1" ? { data: { searchExperts: { hits: [hit("c", "Chidi")], nextCursor: null } } } : page([hit("a", "Ada"), hit("b", "Bola")], 3, "c1"),
    );
    await screen.findByRole("link", { name: "Ada" });
    fireEvent.click(screen.getByRole("button", { name: "Show more experts" }));
    const chidi = await screen.findByRole("link", { name: "Chidi" });
    expect(f.calls[1].variables).toMatchObject({ query: "x", after: "c1" });
    expect(screen.getAllByRole("article").map((a) => a.getAttribute("aria-labelledby"))).toEqual(["hit-a", "hit-b", "hit-c"]);
    await waitFor(() => expect(document.activeElement).toBe(chidi));
    expect(screen.getByRole("status").textContent).toBe("Experts found: 3. Shown: 3.");
    expect(screen.queryByRole("button", { name: "Show more experts" })).toBeNull();
  });

  it("says when nothing matches, and shows the server's error with a retry", async () => {
    let fail = true;
    setup("/search?q=zzz&verified=1", () =>
      fail
        ? { data: null, errors: [{ message: "slow down", extensions: { code: "RATE_LIMITED", retryAfter: 5 } }] }
        : page([], 0, null),
    );
    expect((await screen.findByRole("alert")).textContent).toBe("Too many attempts. Try again in 5 seconds.");
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No expert matches your search.")).toBeTruthy();
    expect(screen.getByText("Try removing some filters or using other words.")).toBeTruthy();
  });
});
