import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProfileViewFragment, Visibility } from "../graphql/generated/graphql";
import { I18nProvider } from "../i18n";
import { MESSAGES } from "../test/utils";
import { ExpertProfileView, type Viewer } from "./ExpertProfileView";

const profile = (visibility: Visibility, contactEmail: string | null = null): ProfileViewFragment => ({
  id: "p1", displayName: "Amara Okafor", headline: "Hydrologist", bio: "Floods.", residenceCountry: "NL", residenceCity: "Rotterdam",
  originCountries: ["NG"], languages: [{ code: "yo", level: "NATIVE" }],
  skills: [{ skill: { id: "s1", label: "hydrologie", inTaxonomy: true }, level: 4, years: 6 }],
  engagementTypes: ["MENTORING"], workModes: ["REMOTE"], hoursPerMonth: 10, orcid: null, visibility, verified: true,
  contactEmail, updatedAt: "2026-11-01T00:00:00Z", lastActiveAt: "2026-11-20T00:00:00Z",
});
const show = (p: ProfileViewFragment, viewer: Viewer, lang: "en" | "fr" = "en") =>
  render(<I18nProvider lang={lang} messages={MESSAGES[lang]}><ExpertProfileView profile={p} viewer={viewer} /></I18nProvider>);

describe("profile preview rules", () => {
  it("HIDDEN: nobody sees it, as the public or as a member", () => {
    for (const v of ["public", "member"] as const) {
      const { unmount } = show(profile("HIDDEN"), v);
      expect(screen.queryByText("Amara Okafor")).toBeNull();
      expect(screen.getByText(/it is hidden/)).toBeTruthy();
      unmount();
    }
  });

  it("MEMBERS: not visible to the public, visible to a member", () => {
    const a = show(profile("MEMBERS"), "public");
    expect(screen.queryByText("Amara Okafor")).toBeNull();
    expect(screen.getByText(/visible to signed-in members only/)).toBeTruthy();
    a.unmount();
    show(profile("MEMBERS"), "member");
    expect(screen.getByRole("heading", { name: "Amara Okafor" })).toBeTruthy();
  });

  it("the contact email is hidden in previews, with the reason, even if known", () => {
    show(profile("PUBLIC", "amara@example.org"), "public");
    expect(screen.queryByText("amara@example.org")).toBeNull();
    expect(screen.getByText(/Hidden\. It is shown only to moderators/)).toBeTruthy();
  });

  it("on the real page, shows what the server returned, with names in the UI language", () => {
    show(profile("PUBLIC", "amara@example.org"), "server", "fr");
    expect(screen.getByText("amara@example.org")).toBeTruthy();
    expect(screen.getByText(/Vit à Rotterdam, Pays-Bas/)).toBeTruthy();
    expect(screen.getByText(/origine : Nigeria/)).toBeTruthy();
    expect(screen.getByText(/yoruba \(langue maternelle\)/)).toBeTruthy();
    expect(screen.getByText("hydrologie")).toBeTruthy();
  });
});
