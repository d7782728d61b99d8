// The request form's state, its checks before sending (the same bounds as the server's
// RequestDraft::validate, so most mistakes are named without a round trip) and its
// conversion to and from the API's RequestInput.
import type { RequestDetailFragment, RequestInput, RequestKind, WorkMode } from "../graphql/generated/graphql";
import type { TFunction } from "../i18n";

export const REQUEST_KINDS: RequestKind[] = ["PROJECT", "MENTORING", "LECTURE", "SUPERVISION", "CONSULTANCY", "TRAINING"];
export const WORK_MODES: WorkMode[] = ["REMOTE", "SHORT_VISIT", "LONG_STAY", "RETURN"];
export const LIMITS = { titleMin: 5, titleMax: 200, descriptionMin: 20, descriptionMax: 10_000, skillsMax: 30, languagesMax: 20, hoursMax: 200 };

export interface SkillNeed {
  skillId?: string;
  label: string;
  inTaxonomy: boolean;
  minLevel: number;
  required: boolean;
}

export interface RequestFormState {
  kind: RequestKind | "";
  title: string;
  description: string;
  skills: SkillNeed[];
  languages: string[];
  workModes: WorkMode[];
  hoursPerMonth: string;
  startsOn: string;
  endsOn: string;
}

export function emptyRequestForm(): RequestFormState {
  return { kind: "", title: "", description: "", skills: [], languages: [], workModes: [], hoursPerMonth: "", startsOn: "", endsOn: "" };
}

export function fromRequest(r: RequestDetailFragment): RequestFormState {
  return {
    kind: r.kind,
    title: r.title,
    description: r.description,
    skills: r.skills.map((s) => ({ skillId: s.skill.id, label: s.skill.label, inTaxonomy: s.skill.inTaxonomy, minLevel: s.minLevel, required: s.required })),
    languages: [...r.languages],
    workModes: [...r.workModes],
    hoursPerMonth: r.hoursPerMonth == null ? "" : String(r.hoursPerMonth),
    startsOn: r.startsOn ?? "",
    endsOn: r.endsOn ?? "",
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const chars = (s: string) => [...s].length;

/** Errors by field path (`title`, `skills`, `languages.1`, …); empty when the form may be sent. */
export function validateRequestForm(f: RequestFormState, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {};
  const title = f.title.trim().replace(/\s+/g, " ");
  if (!f.kind) e.kind = t("validation.chooseOne");
  if (!title) e.title = t("validation.required");
  else if (chars(title) < LIMITS.titleMin || chars(title) > LIMITS.titleMax) e.title = t("validation.length", { min: LIMITS.titleMin, max: LIMITS.titleMax });
  const description = f.description.trim();
  if (!description) e.description = t("validation.required");
  else if (chars(description) < LIMITS.descriptionMin || chars(description) > LIMITS.descriptionMax)
    e.description = t("validation.length", { min: LIMITS.descriptionMin, max: LIMITS.descriptionMax });
  if (f.skills.length === 0) e.skills = t("request.validation.skills");
  else if (f.skills.length > LIMITS.skillsMax) e.skills = t("request.validation.tooManySkills", { max: LIMITS.skillsMax });
  f.languages.forEach((l, i) => {
    if (!l) e[`languages.${i}`] = t("validation.chooseLanguage");
    else if (f.languages.indexOf(l) !== i) e[`languages.${i}`] = t("request.validation.duplicateLanguage");
  });
  const hours = f.hoursPerMonth.trim();
  if (hours && (!/^\d+$/.test(hours) || Number(hours) < 1 || Number(hours) > LIMITS.hoursMax))
    e.hoursPerMonth = t("validation.range", { min: 1, max: LIMITS.hoursMax });
  if (f.startsOn && !DATE.test(f.startsOn)) e.startsOn = t("validation.date");
  if (f.endsOn && !DATE.test(f.endsOn)) e.endsOn = t("validation.date");
  if (!e.startsOn && !e.endsOn && f.startsOn && f.endsOn && f.endsOn < f.startsOn) e.endsOn = t("request.validation.endBeforeStart");
  return e;
}

/** The API input for a valid form. */
export function toRequestInput(f: RequestFormState, institutionId: string): RequestInput {
  return {
    institutionId,
    kind: f.kind as RequestKind,
    title: f.title.trim().replace(/\s+/g, " "),
    description: f.description.trim(),
    skills: f.skills.map((s) => ({
      ...(s.inTaxonomy && s.skillId ? { skillId: s.skillId } : { label: s.label }),
      minLevel: s.minLevel,
      required: s.required,
    })),
    languages: f.languages,
    workModes: f.workModes,
    hoursPerMonth: f.hoursPerMonth.trim() ? Number.parseInt(f.hoursPerMonth.trim(), 10) : null,
    startsOn: f.startsOn || null,
    endsOn: f.endsOn || null,
  };
}

/** Adds a skill unless it is already listed (same taxonomy id, or same free text). */
export function addSkillNeed(skills: SkillNeed[], o: { id?: string; label: string; inTaxonomy: boolean }): SkillNeed[] {
  const dup = skills.some((s) => (o.id && o.inTaxonomy && s.skillId === o.id) || (!o.inTaxonomy && !s.inTaxonomy && s.label.toLowerCase() === o.label.toLowerCase()));
  if (dup) return skills;
  return [...skills, { skillId: o.id, label: o.label, inTaxonomy: o.inTaxonomy, minLevel: 3, required: true }];
}
