import { describe, expect, it } from "vitest";
import { formatMonth, parseMonth, parsePeriod } from "./months";

describe("months", () => {
  it("parses YYYY-MM as the first day of the month in UTC", () => {
    expect(parseMonth("2026-03")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseMonth("2026-12")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
  it("refuses what is not a month", () => {
    expect(parseMonth("2026-13")).toBeNull();
    expect(parseMonth("2026-00")).toBeNull();
    expect(parseMonth("2026-3")).toBeNull();
    expect(parseMonth("March")).toBeNull();
  });
  it("formats in the reader's language, whatever the local time zone", () => {
    expect(formatMonth("en", "2026-01", "long")).toBe("January 2026");
    expect(formatMonth("fr", "2026-01", "long")).toBe("janvier 2026");
    expect(formatMonth("es", "2026-01", "long")).toMatch(/enero/);
    expect(formatMonth("en", "2026-01")).toBe("Jan 2026");
    expect(formatMonth("en", "bad")).toBe("bad");
  });
  it("accepts only the offered periods", () => {
    expect(parsePeriod("24")).toBe(24);
    expect(parsePeriod("7")).toBe(12);
    expect(parsePeriod(null)).toBe(12);
    expect(parsePeriod("60")).toBe(60);
  });
});
