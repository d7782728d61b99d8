import { describe, expect, it } from "vitest";
import { parseAuditFilter, prettyDetails, subjectPath, toAuditParams } from "./audit";

describe("audit log helpers", () => {
  it("reads and writes the filters, dropping what cannot be an id", () => {
    expect(parseAuditFilter(new URLSearchParams("actor=0190abcd-1234&subject=%20r-9%20"))).toEqual({ actor: "0190abcd-1234", subject: "r-9" });
    expect(parseAuditFilter(new URLSearchParams("actor=<script>&subject="))).toEqual({ actor: "", subject: "" });
    expect(toAuditParams({ actor: "a1", subject: "" }).toString()).toBe("actor=a1");
    expect(toAuditParams({ actor: "", subject: "" }).toString()).toBe("");
  });
  it("links the subjects that have a page", () => {
    expect(subjectPath("request", "r1")).toBe("/requests/r1");
    expect(subjectPath("engagement", "e1")).toBe("/engagements/e1");
    expect(subjectPath("institution", "i1")).toBe("/institutions/i1");
    expect(subjectPath("report", "x")).toBeNull();
    expect(subjectPath("request", null)).toBeNull();
    expect(subjectPath("request", "../../x")).toBeNull();
  });
  it("indents JSON details and hides empty ones", () => {
    expect(prettyDetails('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyDetails("{}")).toBeNull();
    expect(prettyDetails(null)).toBeNull();
    expect(prettyDetails("not json")).toBe("not json");
  });
});
