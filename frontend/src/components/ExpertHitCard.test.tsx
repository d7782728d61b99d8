import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import type { SearchHitFragment } from "../graphql/generated/graphql";
import { I18nProvider } from "../i18n";
import { MESSAGES } from "../test/utils";
import { ExpertHitCard } from "./ExpertHitCard";

const hit = (over: Partial<SearchHitFragment["explanation"]> = {}): SearchHitFragment => ({
  score: 3.2,
  expert: {
    id: "e 1", displayName: "Amara Okafor", headline: "Hydrologist, flood risk", residenceCountry: "NL", residenceCity: "Rotterdam",
    originCountries: ["NG"], languages: [{ code: "yo", level: "NATIVE" }], engagementTypes: ["MENTORING"], workModes: ["REMOTE", "SHORT_VISIT"],
    hoursPerMonth: 10, verified: true, lastActiveAt: "2026-11-20T00:00:00Z",
  },
  explanation: {
    matchedSkills: [{ id: "s1", label: "hydrologie" }], missingSkills: [], matchedLanguages: ["fr"], countryMatch: true,
    highlights: ["<mark>Flood</mark> risk &amp; deltas <img src=x onerror=alert(1)>"], ...over,
  },
});
const show = (h: SearchHitFragment, lang: "en" | "fr" = "en") =>
  render(
    <I18nProvider lang={lang} messages={MESSAGES[lang]}>
      <MemoryRouter>
        <ExpertHitCard hit={h} />
      </MemoryRouter>
    </I18nProvider>,
  );

describe("a search hit", () => {
  it("shows the name as a link to the profile, the headline and where the expert lives", () => {
    show(hit());
    const link = screen.getByRole("link", { name: "Amara Okafor" });
    expect(link.getAttribute("href")).toBe("/experts/e%201");
    expect(screen.getByRole("article", { name: "Amara Okafor" })).toBeTruthy();
    expect(screen.getByText("Hydrologist, flood risk")).toBeTruthy();
    expect(screen.getByText("Lives in Rotterdam, Netherlands")).toBeTruthy();
  });

  it("renders highlights with <mark> only; anything else stays text", () => {
    const { container } = show(hit());
    const list = screen.getByRole("list", { name: "Matching text" });
    expect(list.querySelectorAll("mark")).toHaveLength(1);
    expect(list.querySelector("mark")!.textContent).toBe("Flood");
    expect(container.querySelector("img")).toBeNull();
    expect(list.textContent).toBe("Flood risk & deltas <img src=x onerror=alert(1)>");
  });

  it("explains the match with chips in the UI language", () => {
    show(hit(), "fr");
    const chips = within(screen.getByRole("list", { name: "Pourquoi cet expert" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(chips).toEqual([
      "Vérifié par les modérateurs",
      "Compétence : hydrologie",
      "Parle français",
      "Originaire de Nigeria",
      "À distance possible",
      "Courtes visites",
      "10 heures par mois",
      expect.stringMatching(/^Dernière activité le 20 nov\. 2026$/),
    ]);
  });

  it("shows missing skills, no highlight list when there is none, and 'not active yet'", () => {
    const h = hit({ highlights: [], matchedSkills: [], matchedLanguages: [], missingSkills: [{ id: "s2", label: "GIS" }], countryMatch: false });
    h.expert = { ...h.expert, verified: false, workModes: ["REMOTE"], hoursPerMonth: null, lastActiveAt: null };
    show(h);
    expect(screen.queryByRole("list", { name: "Matching text" })).toBeNull();
    const chips = within(screen.getByRole("list", { name: "Why this expert" })).getAllByRole("listitem").map((li) => li.textContent);
    expect(chips).toEqual(["Missing: GIS", "Originally from Nigeria", "Remote OK", "Not active yet"]);
  });
});
