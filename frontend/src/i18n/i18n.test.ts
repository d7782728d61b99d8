import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import fr from "./fr.json";
import es from "./es.json";
import ar from "./ar.json";
import { translate } from "./index";

const others = { fr, es, ar } as Record<string, Record<string, string>>;
const enKeys = Object.keys(en);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translation files", () => {
  for (const [lang, messages] of Object.entries(others)) {
    it(`${lang} has every English key, non-empty, with the same placeholders`, () => {
      const missing = enKeys.filter((k) => !(k in messages));
      expect(missing).toEqual([]);
      for (const k of enKeys) {
        expect(messages[k].trim(), `${lang}:${k}`).not.toBe("");
        expect(placeholders(messages[k]), `${lang}:${k}`).toEqual(placeholders((en as Record<string, string>)[k]));
      }
    });
    it(`${lang} has no key that English lacks`, () => {
      expect(Object.keys(messages).filter((k) => !(k in en))).toEqual([]);
    });
  }

  it("every literal t(\"…\") key used in the source exists in en.json", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = path.join(d, f);
        if (statSync(p).isDirectory()) {
          if (f !== "generated" && f !== "test") walk(p);
        } else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(root);
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, "utf8");
      for (const m of src.matchAll(/\bt\(\s*"([^"]+)"/g)) used.add(m[1]);
      for (const m of src.matchAll(/key: "([^"]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  it("every enum value the UI translates has a message", () => {
    const schema = buildSchema(readFileSync(path.resolve(import.meta.dirname, "../../../schema.graphql"), "utf8"));
    const families: Record<string, string> = {
      Role: "role",
      EngagementType: "engagement",
      WorkMode: "workMode",
      Visibility: "visibility",
      LanguageLevel: "level",
      InstitutionKind: "kind",
      VerificationStatus: "verification",
      RequestStatus: "requestStatus",
      RequestKind: "requestKind",
      EngagementStatus: "engagementStatus",
      AccountStatus: "accountStatus",
      ReportSubjectType: "reports.type",
    };
    const missing: string[] = [];
    for (const [typeName, prefix] of Object.entries(families)) {
      const type = schema.getType(typeName);
      if (!isEnumType(type)) throw new Error(`${typeName} is not an enum`);
      for (const v of type.getValues()) if (!(`${prefix}.${v.name}` in en)) missing.push(`${prefix}.${v.name}`);
    }
    for (const v of ["PUBLIC", "MEMBERS", "HIDDEN"]) if (!(`visibility.${v}.hint` in en)) missing.push(v);
    for (const v of ["REMOTE", "SHORT_VISIT", "LONG_STAY", "RETURN"]) if (!(`search.mode.${v}` in en)) missing.push(`search.mode.${v}`);
    for (const n of [1, 2, 3, 4, 5]) if (!(`skillLevel.${n}` in en)) missing.push(`skillLevel.${n}`);
    const more: Record<string, string> = { RequestStatus: "request.next", EngagementStatus: "engagement.next", WorkMode: "requestMode" };
    for (const [typeName, prefix] of Object.entries(more)) {
      const type = schema.getType(typeName);
      if (!isEnumType(type)) throw new Error(`${typeName} is not an enum`);
      for (const v of type.getValues()) if (!(`${prefix}.${v.name}` in en)) missing.push(`${prefix}.${v.name}`);
    }
    for (const d of ["APPROVE", "RETURN", "REJECT"]) if (!(`review.done.${d}` in en)) missing.push(`review.done.${d}`);
    expect(missing).toEqual([]);
  });

  it("translate fills placeholders and falls back to English, then to the key", () => {
    expect(translate(fr, "dashboard.welcome", { name: "Ada" })).toBe("Bienvenue, Ada");
    expect(translate({}, "dashboard.welcome", { name: "Ada" })).toBe("Welcome, Ada");
    expect(translate({}, "no.such.key")).toBe("no.such.key");
  });
});
