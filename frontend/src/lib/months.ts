// Months as the API gives them (`YYYY-MM`, UTC calendar months) and as people read them.

/** `2026-03` → a Date at 00:00 UTC on the first of that month; null if not a month. */
export function parseMonth(month: string): Date | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return new Date(Date.UTC(Number(m[1]), mo - 1, 1));
}

/** `2026-03` → "Mar 2026" / "mars 2026" / "مارس ٢٠٢٦" (short), or "March 2026" (long). */
export function formatMonth(lang: string, month: string, style: "short" | "long" = "short"): string {
  const d = parseMonth(month);
  if (!d) return month;
  return new Intl.DateTimeFormat(lang, { month: style, year: "numeric", timeZone: "UTC" }).format(d);
}

/** The periods the insight page offers, in months. */
export const PERIODS = [6, 12, 24, 60] as const;

/** A `?months=` value, if it is one of the offered periods; else the default (12). */
export function parsePeriod(v: string | null): number {
  const n = Number(v);
  return (PERIODS as readonly number[]).includes(n) ? n : 12;
}
