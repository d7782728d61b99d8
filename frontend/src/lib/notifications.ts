// Notifications as the web app shows them: the unread count shared by the header's bell and the
// pages that change it, the title of each kind in the UI language, and which links are safe.
// The server writes `text` in English (one sentence naming the request or the reason); the
// app adds a translated title for each known kind.

/** The kinds the API writes (Notification.kind and the moderation notices); others get a
 * generic title. */
export const NOTIFICATION_KINDS = [
  "ENGAGEMENT_APPLIED",
  "ENGAGEMENT_INVITED",
  "ENGAGEMENT_ACCEPTED",
  "ENGAGEMENT_DECLINED",
  "ENGAGEMENT_WITHDRAWN",
  "ENGAGEMENT_COMPLETED",
  "MESSAGE_RECEIVED",
  "REQUEST_APPROVED",
  "REQUEST_REJECTED",
  "REQUEST_RETURNED",
  "REQUEST_CHANGED",
  "INSTITUTION_VERIFIED",
  "INSTITUTION_REJECTED",
  "REMINDER_INVITATION",
  "REMINDER_APPLICATION",
  "REQUEST_ON_HOLD",
  "REQUEST_RESUMED",
  "REQUEST_CLOSED",
  "ENGAGEMENT_PROPOSED",
  "EXPERTS_PROPOSED",
] as const;

/** The translation key of a kind's title. */
export function kindKey(kind: string): string {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind) ? `notification.kind.${kind}` : "notification.kind.OTHER";
}

/** An in-app path to follow, or null: only same-origin paths (`/…`, not `//host`). */
export function safeLink(link: string): string | null {
  return /^\/(?!\/)[^\s\\]*$/.test(link) ? link : null;
}

/** The badge text: the count, or "99+". */
export function badgeText(n: number): string {
  return n > 99 ? "99+" : String(n);
}

// The unread count, kept here so that the bell and the pages that mark notifications read
// agree without a reload: pages call `notificationsChanged()`, the bell refetches.
const EVENT = "braingain:notifications";

export function notificationsChanged() {
  window.dispatchEvent(new Event(EVENT));
}

export function onNotificationsChanged(cb: () => void): () => void {
  window.addEventListener(EVENT, cb);
  return () => window.removeEventListener(EVENT, cb);
}
