import { describe, expect, it } from "vitest";
import en from "../i18n/en.json";
import { translate } from "../i18n";
import { addSkillNeed, emptyRequestForm, fromRequest, toRequestInput, validateRequestForm, type RequestFormState } from "./requestForm";

const t = (k: string, v?: Record<string, string | number>) => translate(en, k, v);
const valid = (): RequestFormState => ({
  ...emptyRequestForm(),
  kind: "MENTORING",
  title: "  Flood   risk model ",
  description: "We need help building a flood risk model for the delta.",
  skills: [{ skillId: "esco-1", label: "hydrology", inTaxonomy: true, minLevel: 3, required: true }],
});

describe("request form checks", () => {
  it("names every missing field of an empty form", () => {
    expect(Object.keys(validateRequestForm(emptyRequestForm(), t)).sort()).toEqual(["description", "kind", "skills", "title"]);
  });
  it("accepts a complete form", () => {
    expect(validateRequestForm(valid(), t)).toEqual({});
  });
  it("checks lengths as the server counts them (characters, spaces collapsed)", () => {
    expect(validateRequestForm({ ...valid(), title: "abcd" }, t).title).toBe("Use between 5 and 200 characters.");
    expect(validateRequestForm({ ...valid(), title: "a   b c" }, t).title).toBeUndefined();
    expect(validateRequestForm({ ...valid(), title: "é".repeat(200) }, t).title).toBeUndefined();
    expect(validateRequestForm({ ...valid(), description: "too short" }, t).description).toBe("Use between 20 and 10000 characters.");
  });
  it("checks hours, dates and their order", () => {
    expect(validateRequestForm({ ...valid(), hoursPerMonth: "0" }, t).hoursPerMonth).toBe("Enter a whole number from 1 to 200.");
    expect(validateRequestForm({ ...valid(), hoursPerMonth: "201" }, t).hoursPerMonth).toBeDefined();
    expect(validateRequestForm({ ...valid(), hoursPerMonth: "1.5" }, t).hoursPerMonth).toBeDefined();
    expect(validateRequestForm({ ...valid(), hoursPerMonth: "12" }, t).hoursPerMonth).toBeUndefined();
    expect(validateRequestForm({ ...valid(), startsOn: "2026-05-01", endsOn: "2026-04-30" }, t).endsOn).toBe("The last day cannot be before the first day.");
    expect(validateRequestForm({ ...valid(), startsOn: "2026-05-01", endsOn: "2026-05-01" }, t)).toEqual({});
    expect(validateRequestForm({ ...valid(), startsOn: "01/05/2026" }, t).startsOn).toBe("Enter a date like 2026-03-31.");
  });
  it("flags an unchosen or repeated language at its row", () => {
    const e = validateRequestForm({ ...valid(), languages: ["fr", "", "fr"] }, t);
    expect(e["languages.1"]).toBe("Choose a language.");
    expect(e["languages.2"]).toBe("This language is already listed.");
    expect(e["languages.0"]).toBeUndefined();
  });
});

describe("request input", () => {
  it("sends taxonomy skills by id and free text by label, empty optionals as null", () => {
    const f = valid();
    f.skills = addSkillNeed(f.skills, { label: "Delta Hydraulics", inTaxonomy: false });
    const input = toRequestInput(f, "inst-1");
    expect(input).toEqual({
      institutionId: "inst-1",
      kind: "MENTORING",
      title: "Flood risk model",
      description: "We need help building a flood risk model for the delta.",
      skills: [
        { skillId: "esco-1", minLevel: 3, required: true },
        { label: "Delta Hydraulics", minLevel: 3, required: true },
      ],
      languages: [],
      workModes: [],
      hoursPerMonth: null,
      startsOn: null,
      endsOn: null,
    });
  });
  it("does not add the same skill twice", () => {
    let s = addSkillNeed([], { id: "x", label: "hydrology", inTaxonomy: true });
    s = addSkillNeed(s, { id: "x", label: "hydrology", inTaxonomy: true });
    s = addSkillNeed(s, { label: "Own words", inTaxonomy: false });
    s = addSkillNeed(s, { label: "own WORDS", inTaxonomy: false });
    expect(s.map((x) => x.label)).toEqual(["hydrology", "Own words"]);
  });
  it("reads a saved request back into the form", () => {
    const f = fromRequest({
      id: "r1", title: "T", description: "D", kind: "LECTURE", status: "DRAFT", reviewReason: null, createdAt: "", updatedAt: "",
      languages: ["fr"], workModes: ["REMOTE"], hoursPerMonth: 8, startsOn: "2026-01-01", endsOn: null,
      skills: [{ skill: { id: "s", label: "hydrology", inTaxonomy: true }, minLevel: 4, required: false }],
      institution: { id: "i", name: "U", country: "GH", city: null, kind: "UNIVERSITY", verification: "VERIFIED" },
    });
    expect(f).toMatchObject({ kind: "LECTURE", hoursPerMonth: "8", startsOn: "2026-01-01", endsOn: "", languages: ["fr"] });
    expect(f.skills[0]).toEqual({ skillId: "s", label: "hydrology", inTaxonomy: true, minLevel: 4, required: false });
  });
});
