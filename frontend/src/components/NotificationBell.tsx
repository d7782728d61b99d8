// The header's bell: a link to /notifications with the unread count. The count is fetched
// when the account signs in, on every navigation, when the tab comes back into view, when a
// page says it changed (lib/notifications.ts), and every 60 s while the tab is visible — a
// small query, so a slow connection hardly notices. An error keeps the last count.
import { useCallback, useEffect, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { UnreadNotificationCountDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { badgeText, onNotificationsChanged } from "../lib/notifications";

const POLL_MS = 60_000;

export function NotificationBell(props: { accountId: string }) {
  const { t } = useI18n();
  const { client } = useApi();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);

  const fetchCount = useCallback(() => {
    client.request(UnreadNotificationCountDocument, {}).then(
      (r) => setCount(r.unreadNotificationCount),
      () => {},
    );
  }, [client]);

  useEffect(() => {
    setCount(null);
  }, [props.accountId]);

  useEffect(fetchCount, [fetchCount, pathname, props.accountId]);

  useEffect(() => {
    const visible = () => document.visibilityState === "visible";
    const timer = setInterval(() => visible() && fetchCount(), POLL_MS);
    const onVisible = () => visible() && fetchCount();
    document.addEventListener("visibilitychange", onVisible);
    const off = onNotificationsChanged(fetchCount);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      off();
    };
  }, [fetchCount]);

  const n = count ?? 0;
  return (
    <NavLink to="/notifications" className="bell" end>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      <span className="visually-hidden">{n > 0 ? t("notification.bellUnread", { n }) : t("notification.bell")}</span>
      {n > 0 && (
        <span className="badge" aria-hidden="true">
          {badgeText(n)}
        </span>
      )}
    </NavLink>
  );
}
