// The audit log page's pure parts: its filters in the URL (?actor=<account id>&subject=<id>),
// where an entry's subject is seen in the app, and its details made readable.

export interface AuditFilter {
  actor: string;
  subject: string;
}

const ID = /^[A-Za-z0-9:_-]{1,100}$/;

/** The filters from the URL; a value that cannot be an id is dropped. */
export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  const clean = (v: string | null) => {
    const s = (v ?? "").trim();
    return ID.test(s) ? s : "";
  };
  return { actor: clean(params.get("actor")), subject: clean(params.get("subject")) };
}

export function toAuditParams(f: AuditFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.actor.trim()) p.set("actor", f.actor.trim());
  if (f.subject.trim()) p.set("subject", f.subject.trim());
  return p;
}

/** The app page of an audit subject, for the kinds that have one. */
export function subjectPath(type: string, id: string | null | undefined): string | null {
  if (!id || !ID.test(id)) return null;
  switch (type) {
    case "request":
      return `/requests/${id}`;
    case "engagement":
      return `/engagements/${id}`;
    case "institution":
      return `/institutions/${id}`;
    case "expert_profile":
    case "profile":
      return `/experts/${id}`;
    default:
      return null;
  }
}

/** `details` (a JSON object in a string) as indented text; anything else as it is. */
export function prettyDetails(details: string | null | undefined): string | null {
  if (!details) return null;
  try {
    const v = JSON.parse(details) as unknown;
    if (v == null || (typeof v === "object" && Object.keys(v as object).length === 0)) return null;
    return JSON.stringify(v, null, 2);
  } catch {
    return details;
  }
}
