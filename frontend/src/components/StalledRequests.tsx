// Requests gone quiet (stalledRequests): OPEN or IN_PROGRESS with no move, engagement or
// message for a number of days (21 by default, chosen here), the longest quiet first, each
// with the moderator's tools: put on hold or close, with a reason the institution reads.
import { useState } from "react";
import { Link } from "react-router";
import { StalledRequestsDocument } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";
import { useQuery } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { requestActions } from "../lib/lifecycle";
import { ErrorBox, Loading } from "./Layout";
import { Notice } from "./forms";
import { RequestStatusChip } from "./Lifecycle";
import { ModeratorRequestTools } from "./ModeratorRequestTools";

export const STALLED_DAYS = [7, 21, 60, 180] as const;

export function StalledRequests() {
  const { t, lang } = useI18n();
  const [days, setDays] = useState(21);
  const q = useQuery(StalledRequestsDocument, { olderThanDays: days });
  const [done, setDone] = useState<string | null>(null);
  const list = q.data?.stalledRequests ?? [];
  return (
    <section aria-labelledby="stalled-title" id="stalled">
      <h2 id="stalled-title">{t("stalled.title")}</h2>
      <p>{t("stalled.intro")}</p>
      <div className="field">
        <label className="label" htmlFor="stalled-days">
          {t("stalled.days")}
        </label>
        <select id="stalled-days" className="input-short" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {STALLED_DAYS.map((d) => (
            <option key={d} value={d}>
              {t("stalled.daysOption", { n: d })}
            </option>
          ))}
        </select>
      </div>
      {done && <Notice kind="success">{done}</Notice>}
      {q.loading && !q.data ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox message={errorMessage(t, q.error)} />
      ) : list.length === 0 ? (
        <p>{t("stalled.empty", { n: days })}</p>
      ) : (
        <ul className="plain-list">
          {list.map((r) => (
            <li key={r.id}>
              <article className="card" aria-labelledby={`stalled-${r.id}`}>
                <h3 id={`stalled-${r.id}`}>
                  <Link to={`/requests/${r.id}`}>
                    <bdi>{r.title}</bdi>
                  </Link>
                </h3>
                <p className="meta">
                  <RequestStatusChip status={r.status} /> {r.institution.name}, {displayName(lang, "region", r.institution.country)} ·{" "}
                  {t("stalled.quietSince", { date: formatDate(lang, r.lastActivityAt ?? r.updatedAt) })}
                </p>
                <ModeratorRequestTools
                  request={r}
                  idPrefix="stalled"
                  actions={requestActions(r.status, { member: false, moderator: true, expert: false })}
                  onDone={(msg) => {
                    setDone(msg);
                    q.reload();
                  }}
                />
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
