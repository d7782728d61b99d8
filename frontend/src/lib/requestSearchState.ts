// The request search's state lives in the URL (/requests?q=groundwater&kind=MENTORING
// &mode=REMOTE), so a search survives a reload and can be shared. Unknown values are dropped.
import type { RequestFilter, RequestKind, WorkMode } from "../graphql/generated/graphql";
import { WORK_MODES } from "./searchState";

export const REQUEST_KINDS: RequestKind[] = ["PROJECT", "MENTORING", "LECTURE", "SUPERVISION", "CONSULTANCY", "TRAINING"];

export interface RequestSearchState {
  q: string;
  kinds: RequestKind[];
  modes: WorkMode[];
}

function pick<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const out: T[] = [];
  for (const raw of params.getAll(name))
    for (const part of raw.split(",")) {
      const v = part.trim().toUpperCase();
      if ((allowed as readonly string[]).includes(v) && !out.includes(v as T)) out.push(v as T);
    }
  return out;
}

export function parseRequestSearch(params: URLSearchParams): RequestSearchState {
  return { q: (params.get("q") ?? "").trim(), kinds: pick(params, "kind", REQUEST_KINDS), modes: pick(params, "mode", WORK_MODES) };
}

/** The canonical query string (empty parts left out, stable order). */
export function toRequestSearchParams(s: RequestSearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set("q", s.q.trim());
  for (const k of s.kinds) p.append("kind", k);
  for (const m of s.modes) p.append("mode", m);
  return p;
}

/** The `searchRequests` arguments: no empty strings or lists. */
export function toRequestSearchVariables(s: RequestSearchState): { query: string | null; filter: RequestFilter | null } {
  const filter: RequestFilter = {};
  if (s.kinds.length) filter.kinds = s.kinds;
  if (s.modes.length) filter.workModes = s.modes;
  return { query: s.q.trim() || null, filter: Object.keys(filter).length ? filter : null };
}

/** One value added to or removed from a list. */
export function toggleValue<T extends string>(list: T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
}
