// /moderation/audit — the audit log for administrators: who did what to what, when and why,
// newest first, 50 at a time ("Show older entries" follows the connection's endCursor),
// filtered by the account that acted and by the thing acted on (both in the URL, so a view
// can be shared and survives a reload). Each entry links to its subject's page when there is
// one, and offers "only this account" / "only this subject".
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { AuditLogDocument, type AuditRowFragment } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { parseAuditFilter, prettyDetails, subjectPath, toAuditParams, type AuditFilter } from "../lib/audit";
import { errorMessage } from "../lib/errors";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";

const PAGE = 50;

export default function AuditLog() {
  const { t } = useI18n();
  const { client } = useApi();
  const { ready } = useSession();
  useTitle(t("audit.title"));
  const [params, setParams] = useSearchParams();
  const filter = parseAuditFilter(params);
  const [form, setForm] = useState<AuditFilter>(filter);
  const [seen, setSeen] = useState(JSON.stringify(filter));
  if (seen !== JSON.stringify(filter)) {
    setSeen(JSON.stringify(filter));
    setForm(filter);
  }
  const vars = { first: PAGE, after: null, actorId: filter.actor || null, subjectId: filter.subject || null };
  const key = JSON.stringify(vars);
  const q = useQuery(AuditLogDocument, vars, { skip: !ready });
  const [extra, setExtra] = useState<{ key: string; rows: AuditRowFragment[]; cursor: string | null; hasNext: boolean } | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  const page = q.data?.auditLog;
  const more = extra && extra.key === key && page ? extra : null;
  const rows = page ? [...page.nodes, ...(more?.rows ?? [])] : [];
  const hasNext = more ? more.hasNext : (page?.pageInfo.hasNextPage ?? false);
  const cursor = more ? more.cursor : (page?.pageInfo.endCursor ?? null);

  function apply(next: AuditFilter) {
    setParams(toAuditParams(next));
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    apply(form);
  }

  async function loadMore() {
    if (!cursor || moreBusy) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const r = await client.request(AuditLogDocument, { ...vars, after: cursor });
      setExtra({ key, rows: [...(more?.rows ?? []), ...r.auditLog.nodes], cursor: r.auditLog.pageInfo.endCursor ?? null, hasNext: r.auditLog.pageInfo.hasNextPage });
    } catch (err) {
      setMoreError(err);
    } finally {
      setMoreBusy(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/moderation">{t("moderation.title")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <form className="form audit-filter" onSubmit={onSubmit} aria-label={t("audit.filters")}>
        <div className="row">
          <div className="field">
            <label className="label" htmlFor="audit-actor">
              {t("audit.filter.actor")}
            </label>
            <input id="audit-actor" type="text" value={form.actor} autoComplete="off" spellCheck={false} onChange={(e) => setForm({ ...form, actor: e.target.value })} />
          </div>
          <div className="field">
            <label className="label" htmlFor="audit-subject">
              {t("audit.filter.subject")}
            </label>
            <input id="audit-subject" type="text" value={form.subject} autoComplete="off" spellCheck={false} onChange={(e) => setForm({ ...form, subject: e.target.value })} />
          </div>
        </div>
        <p className="actions">
          <button type="submit" className="button">
            {t("audit.filter.apply")}
          </button>
          {(filter.actor || filter.subject) && (
            <button type="button" className="button button-secondary" onClick={() => apply({ actor: "", subject: "" })}>
              {t("audit.filter.clear")}
            </button>
          )}
        </p>
      </form>

      <p className="result-count" role="status">
        {page ? t("audit.count", { total: page.totalCount, shown: rows.length }) : ""}
      </p>
      {!ready || (q.loading && !q.data) ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox message={errorMessage(t, q.error)} />
      ) : rows.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <>
          <ol className="plain-list audit-list">
            {rows.map((r) => (
              <li key={r.cursor}>
                <AuditEntryView row={r} onFilter={(f) => apply({ ...filter, ...f })} />
              </li>
            ))}
          </ol>
          {moreError != null && <ErrorBox message={errorMessage(t, moreError)} />}
          {hasNext && (
            <button type="button" className="button button-secondary" disabled={moreBusy} onClick={() => void loadMore()}>
              {moreBusy ? t("common.loading") : t("audit.more")}
            </button>
          )}
        </>
      )}
    </>
  );
}

function AuditEntryView(props: { row: AuditRowFragment; onFilter: (f: Partial<AuditFilter>) => void }) {
  const { t, lang } = useI18n();
  const r = props.row;
  const when = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "medium" }).format(new Date(r.at));
  const path = subjectPath(r.subjectType, r.subjectId);
  const details = prettyDetails(r.details);
  return (
    <article className="audit-entry">
      <p className="audit-head">
        <code className="audit-action">{r.action}</code> <time dateTime={r.at} className="meta">{when}</time>
      </p>
      <dl className="facts">
        <dt>{t("audit.who")}</dt>
        <dd>
          {r.actor ? `${r.actor.displayName} (${t(`role.${r.actor.role}`)})` : r.actorId ? t("audit.deletedAccount") : t("audit.system")}
          {r.actorId && (
            <>
              {" · "}
              <button type="button" className="link-button" onClick={() => props.onFilter({ actor: r.actorId! })}>
                {t("audit.onlyActor")}
              </button>
            </>
          )}
        </dd>
        <dt>{t("audit.about")}</dt>
        <dd>
          {r.subjectType}
          {r.subjectId && (
            <>
              {" "}
              {path ? <Link to={path}><code>{r.subjectId}</code></Link> : <code>{r.subjectId}</code>}
              {" · "}
              <button type="button" className="link-button" onClick={() => props.onFilter({ subject: r.subjectId! })}>
                {t("audit.onlySubject")}
              </button>
            </>
          )}
        </dd>
        {r.reason && (
          <>
            <dt>{t("audit.why")}</dt>
            <dd className="bio" dir="auto">
              {r.reason}
            </dd>
          </>
        )}
      </dl>
      {details && (
        <details className="audit-details">
          <summary>{t("audit.details")}</summary>
          <pre>{details}</pre>
        </details>
      )}
    </article>
  );
}
