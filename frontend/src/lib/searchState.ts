// The expert search's state lives in the URL query string, so a search survives a reload and
// can be shared: /search?q=hydrology&residence=NL&residence=BE&language=fr&engagement=MENTORING
// &mode=REMOTE&verified=1&hours=10. Unknown or malformed values are dropped, never sent.
import type { EngagementType, ExpertFilter, WorkMode } from "../graphql/generated/graphql";
import { COUNTRY_CODES, LANGUAGE_CODES } from "./codes";

export const ENGAGEMENT_TYPES: EngagementType[] = ["MENTORING", "LECTURING", "JOINT_RESEARCH", "SUPERVISION", "CONSULTING", "TRAINING", "INVESTMENT", "INTERNSHIP_HOSTING"];
export const WORK_MODES: WorkMode[] = ["REMOTE", "SHORT_VISIT", "LONG_STAY", "RETURN"];
export const MAX_HOURS = 200;

export interface SearchState {
  q: string;
  residence: string[];
  origin: string[];
  languages: string[];
  engagement: EngagementType[];
  modes: WorkMode[];
  verified: boolean;
  minHours: number | null;
}

export type ListKey = "residence" | "origin" | "languages" | "engagement" | "modes";

/** URL parameter name of each list filter (repeated once per value). */
export const PARAM: Record<ListKey, string> = {
  residence: "residence",
  origin: "origin",
  languages: "language",
  engagement: "engagement",
  modes: "mode",
};

export const EMPTY_SEARCH: SearchState = { q: "", residence: [], origin: [], languages: [], engagement: [], modes: [], verified: false, minHours: null };

function list<T extends string>(params: URLSearchParams, name: string, valid: (v: string) => T | null): T[] {
  const out: T[] = [];
  for (const raw of params.getAll(name)) {
    for (const part of raw.split(",")) {
      const v = valid(part.trim());
      if (v && !out.includes(v)) out.push(v);
    }
  }
  return out;
}

const country = (v: string) => (COUNTRY_CODES.includes(v.toUpperCase()) ? v.toUpperCase() : null);
const language = (v: string) => (LANGUAGE_CODES.includes(v.toLowerCase()) ? v.toLowerCase() : null);
const member = <T extends string>(values: readonly T[]) => (v: string) => (values as readonly string[]).includes(v.toUpperCase()) ? (v.toUpperCase() as T) : null;

/** Whole hours from 0 to 200, else null ("" and "abc" are no filter). */
export function parseHours(raw: string | null | undefined): number | null {
  if (raw == null || !/^\s*\d{1,4}\s*$/.test(raw)) return null;
  const n = Number.parseInt(raw, 10);
  return n >= 0 && n <= MAX_HOURS ? n : null;
}

export function parseSearch(params: URLSearchParams): SearchState {
  const verified = params.get("verified");
  return {
    q: (params.get("q") ?? "").trim(),
    residence: list(params, PARAM.residence, country),
    origin: list(params, PARAM.origin, country),
    languages: list(params, PARAM.languages, language),
    engagement: list(params, PARAM.engagement, member(ENGAGEMENT_TYPES)),
    modes: list(params, PARAM.modes, member(WORK_MODES)),
    verified: verified === "1" || verified === "true",
    minHours: parseHours(params.get("hours")),
  };
}

/** The canonical query string of a state (empty parts left out, stable order). */
export function toSearchParams(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set("q", s.q.trim());
  for (const key of ["residence", "origin", "languages", "engagement", "modes"] as const) {
    for (const v of s[key]) p.append(PARAM[key], v);
  }
  if (s.verified) p.set("verified", "1");
  if (s.minHours != null) p.set("hours", String(s.minHours));
  return p;
}

/** The `searchExperts` arguments of a state: no empty strings, lists or false flags. */
export function toSearchVariables(s: SearchState): { query: string | null; filter: ExpertFilter | null } {
  const filter: ExpertFilter = {};
  if (s.residence.length) filter.residenceCountries = s.residence;
  if (s.origin.length) filter.originCountries = s.origin;
  if (s.languages.length) filter.languages = s.languages;
  if (s.engagement.length) filter.engagementTypes = s.engagement;
  if (s.modes.length) filter.workModes = s.modes;
  if (s.verified) filter.verifiedOnly = true;
  if (s.minHours != null && s.minHours > 0) filter.minHoursPerMonth = s.minHours;
  return { query: s.q.trim() || null, filter: Object.keys(filter).length ? filter : null };
}

export function hasFilters(s: SearchState): boolean {
  return toSearchVariables(s).filter != null;
}

/** The state with `value` added to or removed from one list filter. */
export function toggle(s: SearchState, key: ListKey, value: string, on: boolean): SearchState {
  const current = s[key] as string[];
  const next = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  return { ...s, [key]: next };
}
