import { describe, expect, it } from "vitest";
import { EMPTY_SEARCH, parseHours, parseSearch, toSearchParams, toSearchVariables, toggle, type SearchState } from "./searchState";

const full: SearchState = {
  q: "flood risk",
  residence: ["NL", "BE"],
  origin: ["NG"],
  languages: ["fr", "yo"],
  engagement: ["MENTORING", "SUPERVISION"],
  modes: ["REMOTE"],
  verified: true,
  minHours: 10,
};

describe("search state ↔ URL", () => {
  it("an empty URL is an empty search, and an empty search is an empty URL", () => {
    expect(parseSearch(new URLSearchParams(""))).toEqual(EMPTY_SEARCH);
    expect(toSearchParams(EMPTY_SEARCH).toString()).toBe("");
  });

  it("round-trips every filter through a readable query string", () => {
    const qs = toSearchParams(full).toString();
    expect(qs).toBe("q=flood+risk&residence=NL&residence=BE&origin=NG&language=fr&language=yo&engagement=MENTORING&engagement=SUPERVISION&mode=REMOTE&verified=1&hours=10");
    expect(parseSearch(new URLSearchParams(qs))).toEqual(full);
  });

  it("accepts comma lists and other cases, drops unknown, malformed and repeated values", () => {
    const s = parseSearch(new URLSearchParams("q=%20ada%20&residence=nl,XX,NL&language=FR&language=klingon&engagement=mentoring&engagement=NOPE&mode=remote&verified=yes&hours=500"));
    expect(s).toEqual({ ...EMPTY_SEARCH, q: "ada", residence: ["NL"], languages: ["fr"], engagement: ["MENTORING"], modes: ["REMOTE"] });
  });

  it("hours: whole numbers from 0 to 200 only", () => {
    expect(parseHours("12")).toBe(12);
    expect(parseHours(" 0 ")).toBe(0);
    expect(parseHours("200")).toBe(200);
    expect(parseHours("201")).toBeNull();
    expect(parseHours("-1")).toBeNull();
    expect(parseHours("1.5")).toBeNull();
    expect(parseHours("")).toBeNull();
    expect(parseHours(null)).toBeNull();
  });

  it("maps to the searchExperts arguments without empty parts", () => {
    expect(toSearchVariables(EMPTY_SEARCH)).toEqual({ query: null, filter: null });
    expect(toSearchVariables({ ...EMPTY_SEARCH, q: "  ", minHours: 0 })).toEqual({ query: null, filter: null });
    expect(toSearchVariables(full)).toEqual({
      query: "flood risk",
      filter: {
        residenceCountries: ["NL", "BE"],
        originCountries: ["NG"],
        languages: ["fr", "yo"],
        engagementTypes: ["MENTORING", "SUPERVISION"],
        workModes: ["REMOTE"],
        verifiedOnly: true,
        minHoursPerMonth: 10,
      },
    });
  });

  it("toggles a value of one list filter", () => {
    const on = toggle(EMPTY_SEARCH, "residence", "FR", true);
    expect(on.residence).toEqual(["FR"]);
    expect(toggle(on, "residence", "FR", true).residence).toEqual(["FR"]);
    expect(toggle(on, "residence", "FR", false).residence).toEqual([]);
    expect(EMPTY_SEARCH.residence).toEqual([]);
  });
});
