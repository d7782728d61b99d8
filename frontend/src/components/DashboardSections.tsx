// The work parts of the dashboard (/me): the latest unread notifications; for an expert, the
// requests recommended for them with the reasons and their engagements; for institution staff,
// each institution's requests with their status and the engagements on them.
import { Link } from "react-router";
import { ExpertDashboardDocument, NotificationsDocument, StaffDashboardDocument, type ExpertDashboardQuery, type RequestSummaryFragment } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";
import { useQuery } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { ErrorBox, Loading } from "./Layout";
import { RequestStatusChip } from "./Lifecycle";
import { EngagementList } from "./MatchList";
import { NotificationList } from "./NotificationList";

/** Up to five unread notifications, with a link to all of them; nothing when all are read. */
export function LatestNotifications() {
  const { t } = useI18n();
  const q = useQuery(NotificationsDocument, { unreadOnly: true, first: 5 });
  const items = q.data?.notifications ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="dash-notifications">
      <h2 id="dash-notifications">{t("notification.latest")}</h2>
      <NotificationList items={items} onChanged={q.reload} headingLevel={3} />
      <p>
        <Link to="/notifications">{t("notification.all", { n: q.data?.unreadNotificationCount ?? items.length })}</Link>
      </p>
    </section>
  );
}

export function ExpertWork() {
  const { t, lang } = useI18n();
  const q = useQuery(ExpertDashboardDocument, { lang });
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const d = q.data!;
  return (
    <>
      <section className="card" aria-labelledby="dash-recommended">
        <h2 id="dash-recommended">{t("dashboard.recommended.title")}</h2>
        <p className="hint">{t("dashboard.recommended.intro")}</p>
        {d.recommendedRequests.length === 0 ? (
          <p>{t("dashboard.recommended.none")}</p>
        ) : (
          <ol className="plain-list">
            {d.recommendedRequests.map((h) => (
              <li key={h.request.id}>
                <RequestHitCard hit={h} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="card" aria-labelledby="dash-engagements">
        <h2 id="dash-engagements">{t("dashboard.engagements.title")}</h2>
        <EngagementList engagements={d.myEngagements} showRequest />
      </section>
    </>
  );
}

export function RequestHitCard(props: { hit: ExpertDashboardQuery["recommendedRequests"][number] }) {
  const { t, lang } = useI18n();
  const { request: r, explanation: x } = props.hit;
  const headingId = `rec-${r.id}`;
  return (
    <article className="hit rec" aria-labelledby={headingId}>
      <h3 id={headingId} className="hit-name">
        <Link to={`/requests/${r.id}`}>{r.title}</Link>
      </h3>
      <p className="meta">
        {t(`requestKind.${r.kind}`)} · {r.institution.name}, {displayName(lang, "region", r.institution.country)} · {t("dashboard.recommended.fit", { pct: Math.round(props.hit.score * 100) })}
      </p>
      <ul className="chips" aria-label={t("dashboard.recommended.why")}>
        {x.matchedSkills.map((s) => (
          <li key={`s-${s.id}`} className="chip chip-ok">
            {t("search.chip.skill", { skill: s.label })}
          </li>
        ))}
        {x.missingSkills.map((s) => (
          <li key={`m-${s.id}`} className="chip chip-missing">
            {t("search.chip.missingSkill", { skill: s.label })}
          </li>
        ))}
        {x.matchedLanguages.map((l) => (
          <li key={`l-${l}`} className="chip chip-ok">
            {t("search.chip.language", { language: displayName(lang, "language", l) })}
          </li>
        ))}
        {x.countryMatch && <li className="chip chip-ok">{t("dashboard.recommended.country", { country: displayName(lang, "region", r.institution.country) })}</li>}
      </ul>
    </article>
  );
}

export function StaffWork() {
  const { t } = useI18n();
  const q = useQuery(StaffDashboardDocument, {});
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const d = q.data!;
  const institutions = d.me?.institutions ?? [];
  return (
    <>
      {institutions.length > 0 && (
        <section className="card" aria-labelledby="dash-requests">
          <h2 id="dash-requests">{t("dashboard.requests.title")}</h2>
          {institutions.map((i) => (
            <div key={i.id}>
              <h3>{i.name}</h3>
              <RequestTable requests={i.requests} />
              {i.verification === "VERIFIED" ? (
                <p>
                  <Link to={`/institutions/${i.id}/requests/new`} className="button button-secondary">
                    {t("request.new.title")} <span className="visually-hidden">({i.name})</span>
                  </Link>
                </p>
              ) : (
                <p className="hint">{t("request.new.unverified")}</p>
              )}
            </div>
          ))}
        </section>
      )}
      <section className="card" aria-labelledby="dash-engagements">
        <h2 id="dash-engagements">{t("dashboard.engagements.title")}</h2>
        <EngagementList engagements={d.myEngagements} showRequest />
      </section>
    </>
  );
}

/** An institution's requests: title (link), status and last change. */
export function RequestTable(props: { requests: RequestSummaryFragment[] }) {
  const { t, lang } = useI18n();
  if (props.requests.length === 0) return <p>{t("institution.requests.none")}</p>;
  return (
    <ul className="plain-list request-list">
      {props.requests.map((r) => (
        <li key={r.id}>
          <Link to={`/requests/${r.id}`}>{r.title}</Link> <RequestStatusChip status={r.status} />{" "}
          <span className="meta">
            {t(`requestKind.${r.kind}`)} · {t("lifecycle.since", { date: formatDate(lang, r.updatedAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
