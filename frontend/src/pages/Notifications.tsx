// /notifications — what happened that concerns the signed-in account, newest first: each with
// a link to the engagement, request or institution, "Mark as read" one by one or all at once,
// "only unread" kept in the URL (?unread=1), and "Show more" (50 at a time, up to 200, the
// API's limit).
import { useState } from "react";
import { useSearchParams } from "react-router";
import { MarkNotificationsReadDocument, NotificationsDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { notificationsChanged } from "../lib/notifications";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { Notice } from "../components/forms";
import { NotificationList } from "../components/NotificationList";

const PAGE = 50;
const MAX = 200;

export default function Notifications() {
  const { t } = useI18n();
  const { client } = useApi();
  const { ready } = useSession();
  useTitle(t("notification.title"));
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get("unread") === "1";
  const [first, setFirst] = useState(PAGE);
  const q = useQuery(NotificationsDocument, { unreadOnly, first }, { skip: !ready });
  // Kept as a number, so the sentence follows a change of language.
  const [marked, setMarked] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const items = q.data?.notifications ?? [];
  const unread = q.data?.unreadNotificationCount ?? 0;
  const reload = () => {
    q.reload();
    notificationsChanged();
  };

  async function markAll() {
    const ids = items.filter((n) => !n.readAt).map((n) => n.id);
    if (ids.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const n = (await client.request(MarkNotificationsReadDocument, { ids })).markNotificationsRead;
      setMarked(n);
      reload();
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t("notification.title")}</h1>
      <p className="lead">{t("notification.intro")}</p>
      {marked != null && <Notice kind="success">{t("notification.markedAll", { n: marked })}</Notice>}
      {error && <ErrorBox message={error} />}
      <div className="toolbar">
        <div className="choice">
          <input
            type="checkbox"
            id="unread-only"
            checked={unreadOnly}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              if (e.target.checked) next.set("unread", "1");
              else next.delete("unread");
              setParams(next, { replace: true });
              setFirst(PAGE);
            }}
          />
          <label htmlFor="unread-only">{t("notification.unreadOnly")}</label>
        </div>
        {items.some((n) => !n.readAt) && (
          <button type="button" className="button button-secondary small" disabled={busy} onClick={() => void markAll()}>
            {t("notification.markAll")}
          </button>
        )}
      </div>
      <p className="result-count" role="status">
        {q.data ? (unread > 0 ? t("notification.unreadCount", { n: unread }) : t("notification.allRead")) : ""}
      </p>
      {!ready || (q.loading && !q.data) ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox message={errorMessage(t, q.error)} />
      ) : items.length === 0 ? (
        <p>{t(unreadOnly ? "notification.noneUnread" : "notification.none")}</p>
      ) : (
        <>
          <NotificationList items={items} onChanged={reload} />
          {items.length >= first && first < MAX && (
            <button type="button" className="button button-secondary" disabled={q.loading} onClick={() => setFirst((n) => Math.min(MAX, n + PAGE))}>
              {t("notification.more")}
            </button>
          )}
        </>
      )}
    </>
  );
}
