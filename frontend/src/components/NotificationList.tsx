// A list of notifications: a translated title per kind (a link to the thing it is about), the
// server's sentence, when, "new" while unread, and "Mark as read". Following the link marks
// the notification read too.
import { useState } from "react";
import { Link } from "react-router";
import { MarkNotificationsReadDocument, type NotificationViewFragment } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { kindKey, notificationsChanged, safeLink } from "../lib/notifications";
import { ErrorBox } from "./Layout";

export function NotificationList(props: { items: NotificationViewFragment[]; onChanged: () => void; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const when = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  const H = props.headingLevel === 3 ? "h3" : "h2";

  async function markRead(id: string, quiet = false) {
    if (!quiet) setBusy(id);
    setError(null);
    try {
      await client.request(MarkNotificationsReadDocument, { ids: [id] });
      notificationsChanged();
      if (!quiet) props.onChanged();
    } catch (err) {
      if (!quiet) setError(errorMessage(t, err));
    } finally {
      if (!quiet) setBusy(null);
    }
  }

  return (
    <>
      {error && <ErrorBox message={error} />}
      <ul className="plain-list notifications">
        {props.items.map((n) => {
          const link = safeLink(n.link);
          const title = t(kindKey(n.kind));
          const unread = !n.readAt;
          return (
            <li key={n.id} className={unread ? "notification unread" : "notification"}>
              <article aria-labelledby={`n-${n.id}`}>
                <H id={`n-${n.id}`} className="notification-title">
                  {unread && <span className="chip chip-new">{t("notification.new")}</span>}{" "}
                  {link ? (
                    <Link to={link} onClick={() => unread && void markRead(n.id, true)}>
                      {title}
                    </Link>
                  ) : (
                    title
                  )}
                </H>
                {/* The server writes this sentence in English. */}
                <p className="notification-text" lang="en" dir="auto">
                  {n.text}
                </p>
                <p className="meta">
                  <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
                  {unread && (
                    <>
                      {" · "}
                      <button type="button" className="link-button" disabled={busy === n.id} onClick={() => void markRead(n.id)}>
                        {t("notification.markRead")}
                        <span className="visually-hidden"> ({title})</span>
                      </button>
                    </>
                  )}
                </p>
              </article>
            </li>
          );
        })}
      </ul>
    </>
  );
}
