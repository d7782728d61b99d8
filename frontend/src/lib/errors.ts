// Errors from the API, as the contract defines them: every GraphQL error carries
// `extensions.code`; BAD_USER_INPUT (and sometimes CONFLICT) name the input `field`
// (e.g. `input.email`, `input.skills[2].skillId`); RATE_LIMITED gives `retryAfter` seconds.

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL",
  "NETWORK",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; retryAfter?: number; [k: string]: unknown };
}

/** One failed operation: the first error decides the code; all errors are kept. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly errors: GraphQLErrorShape[];
  constructor(errors: GraphQLErrorShape[], code?: ErrorCode) {
    super(errors[0]?.message ?? "error");
    this.name = "ApiError";
    this.errors = errors;
    this.code = code ?? normaliseCode(errors[0]?.extensions?.code);
  }
  get retryAfter(): number | undefined {
    const r = this.errors.find((e) => e.extensions?.retryAfter != null)?.extensions?.retryAfter;
    return typeof r === "number" ? r : undefined;
  }
  /** The errors that name an input field, as `{ fieldPath: serverMessage }`. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const f = e.extensions?.field;
      if (typeof f === "string" && f && !(fieldPath(f) in out)) out[fieldPath(f)] = e.message;
    }
    return out;
  }
}

function normaliseCode(code: unknown): ErrorCode {
  return typeof code === "string" && (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : "INTERNAL";
}

/** `input.skills[2].skillId` → `skills.2.skillId`; `input.email` → `email`. */
export function fieldPath(serverField: string): string {
  return serverField
    .replace(/^input\./, "")
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/^\./, "");
}

/**
 * Which form field an error belongs to: the most specific of `known` that is a prefix of the
 * path (`skills.2.skillId` → `skills.2.skillId`, else `skills.2`, else `skills`).
 */
export function matchField(path: string, known: readonly string[]): string | undefined {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    if (known.includes(candidate)) return candidate;
  }
  return undefined;
}

/** DOM id for a field path: `skills.2.level` → `f-skills-2-level`. */
export function fieldDomId(path: string): string {
  return "f-" + path.replace(/[^A-Za-z0-9]+/g, "-");
}

type T = (key: string, vars?: Record<string, string | number>) => string;

/** The translated sentence for an error, in the UI language. */
export function errorMessage(t: T, err: unknown): string {
  if (err instanceof ApiError) {
    switch (err.code) {
      case "RATE_LIMITED": {
        const s = err.retryAfter;
        return s != null
          ? t("error.RATE_LIMITED_after", { seconds: s, minutes: Math.ceil(s / 60) })
          : t("error.RATE_LIMITED");
      }
      default:
        return t(`error.${err.code}`);
    }
  }
  return t("error.NETWORK");
}

/**
 * Errors of a form submission, split into field errors (known fields, server message kept
 * because it says what is wrong with the value) and the rest (translated by code).
 */
export function splitFormErrors(
  t: T,
  err: unknown,
  known: readonly string[],
): { fields: Record<string, string>; general: string | null } {
  const fields: Record<string, string> = {};
  if (err instanceof ApiError && (err.code === "BAD_USER_INPUT" || err.code === "CONFLICT")) {
    for (const [path, msg] of Object.entries(err.fieldErrors)) {
      const f = matchField(path, known);
      if (f && !fields[f]) fields[f] = msg;
    }
    if (Object.keys(fields).length > 0) return { fields, general: null };
  }
  return { fields, general: errorMessage(t, err) };
}
