import { describe, expect, it } from "vitest";
import { parseRequestSearch, toRequestSearchParams, toRequestSearchVariables, toggleValue } from "./requestSearchState";

describe("request search state", () => {
  it("reads the URL, dropping unknown and repeated values", () => {
    const s = parseRequestSearch(new URLSearchParams("q=%20groundwater%20&kind=mentoring&kind=BOGUS&kind=MENTORING&mode=REMOTE,SHORT_VISIT&mode=x"));
    expect(s).toEqual({ q: "groundwater", kinds: ["MENTORING"], modes: ["REMOTE", "SHORT_VISIT"] });
  });
  it("writes a canonical query string and round-trips", () => {
    const s = { q: "flood model", kinds: ["PROJECT" as const], modes: ["REMOTE" as const] };
    const p = toRequestSearchParams(s);
    expect(p.toString()).toBe("q=flood+model&kind=PROJECT&mode=REMOTE");
    expect(parseRequestSearch(p)).toEqual(s);
    expect(toRequestSearchParams({ q: " ", kinds: [], modes: [] }).toString()).toBe("");
  });
  it("sends no empty query or filter", () => {
    expect(toRequestSearchVariables({ q: "", kinds: [], modes: [] })).toEqual({ query: null, filter: null });
    expect(toRequestSearchVariables({ q: "x", kinds: ["TRAINING"], modes: [] })).toEqual({ query: "x", filter: { kinds: ["TRAINING"] } });
  });
  it("toggles values", () => {
    expect(toggleValue(["A"], "B", true)).toEqual(["A", "B"]);
    expect(toggleValue(["A", "B"], "A", false)).toEqual(["B"]);
    expect(toggleValue(["A"], "A", true)).toEqual(["A"]);
  });
});
