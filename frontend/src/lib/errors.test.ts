import { describe, expect, it } from "vitest";
import { translate, type Lang } from "../i18n";
import { MESSAGES } from "../test/utils";
import { ApiError, ERROR_CODES, errorMessage, fieldDomId, fieldPath, matchField, splitFormErrors } from "./errors";

const tFor = (lang: Lang) => (k: string, v?: Record<string, string | number>) => translate(MESSAGES[lang], k, v);
const err = (code: string, extra: Record<string, unknown> = {}, message = "server says no") =>
  new ApiError([{ message, extensions: { code, ...extra } }]);

describe("error code → message", () => {
  for (const lang of ["en", "fr", "es", "ar"] as Lang[]) {
    it(`every code has its own sentence in ${lang}`, () => {
      const t = tFor(lang);
      const texts = ERROR_CODES.map((c) => errorMessage(t, err(c)));
      for (const [i, text] of texts.entries()) {
        expect(text, ERROR_CODES[i]).not.toMatch(/^error\./);
        expect(text).not.toBe("server says no");
      }
      expect(new Set(texts).size).toBe(ERROR_CODES.length);
    });
    it(`RATE_LIMITED says how long to wait in ${lang}`, () => {
      expect(errorMessage(tFor(lang), err("RATE_LIMITED", { retryAfter: 42 }))).toContain("42");
    });
  }

  it("maps the exact English sentences", () => {
    const t = tFor("en");
    expect(errorMessage(t, err("FORBIDDEN"))).toBe("Your account is not allowed to do this.");
    expect(errorMessage(t, err("RATE_LIMITED", { retryAfter: 30 }))).toBe("Too many attempts. Try again in 30 seconds.");
    expect(errorMessage(t, err("SOMETHING_NEW"))).toBe(t("error.INTERNAL"));
    expect(errorMessage(t, new TypeError("fetch failed"))).toBe(t("error.NETWORK"));
  });
});

describe("field errors from extensions.field", () => {
  it("normalises the server's paths", () => {
    expect(fieldPath("input.email")).toBe("email");
    expect(fieldPath("input.skills[2].skillId")).toBe("skills.2.skillId");
    expect(fieldPath("input.originCountries[0]")).toBe("originCountries.0");
    expect(fieldPath("token")).toBe("token");
  });

  it("finds the most specific known field", () => {
    const known = ["skills", "skills.2", "email"];
    expect(matchField("skills.2.skillId", known)).toBe("skills.2");
    expect(matchField("skills.7.level", known)).toBe("skills");
    expect(matchField("email", known)).toBe("email");
    expect(matchField("password", known)).toBeUndefined();
  });

  it("gives each field a stable DOM id", () => {
    expect(fieldDomId("email")).toBe("f-email");
    expect(fieldDomId("skills.2.level")).toBe("f-skills-2-level");
  });

  it("routes BAD_USER_INPUT and CONFLICT to the named field, keeping the server's message", () => {
    const t = tFor("en");
    const e = new ApiError([
      { message: "enter a valid email address", extensions: { code: "BAD_USER_INPUT", field: "input.email" } },
      { message: "too short", extensions: { code: "BAD_USER_INPUT", field: "input.password" } },
    ]);
    expect(splitFormErrors(t, e, ["email", "password", "displayName"])).toEqual({
      fields: { email: "enter a valid email address", password: "too short" },
      general: null,
    });
    const conflict = err("CONFLICT", { field: "input.email" }, "an account with this email exists");
    expect(splitFormErrors(t, conflict, ["email"]).fields).toEqual({ email: "an account with this email exists" });
  });

  it("falls back to a general, translated message when no field matches", () => {
    const t = tFor("fr");
    const e = err("BAD_USER_INPUT", { field: "input.unknownThing" });
    expect(splitFormErrors(t, e, ["email"])).toEqual({ fields: {}, general: t("error.BAD_USER_INPUT") });
    expect(splitFormErrors(t, err("FORBIDDEN"), ["email"]).general).toBe(t("error.FORBIDDEN"));
  });
});
