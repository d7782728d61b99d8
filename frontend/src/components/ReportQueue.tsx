// The moderators' queue of open reports, oldest first: what was reported (its summary, the
// reported text itself for a message, a link to where it is seen), why and by whom, the
// account behind it; and the decision with a note kept in the audit log: dismiss (nothing to
// do), resolve (dealt with), or suspend that account and resolve.
import { useState } from "react";
import { Link } from "react-router";
import { ReportQueueDocument, ResolveReportDocument, SuspendAccountDocument, type ReportViewFragment } from "../graphql/generated/graphql";
import { formatDate, useI18n } from "../i18n";
import { useApi, useQuery } from "../lib/api";
import { errorMessage, fieldDomId } from "../lib/errors";
import { safeLink } from "../lib/notifications";
import { ConfirmButton } from "./Confirm";
import { ErrorBox, Loading } from "./Layout";
import { Notice } from "./forms";
import { RequestStatusChip } from "./Lifecycle";

export const NOTE_MAX = 2000;

export function ReportQueue() {
  const { t } = useI18n();
  const q = useQuery(ReportQueueDocument, {});
  const [done, setDone] = useState<string | null>(null);
  const list = q.data?.moderationQueue.reports ?? [];
  return (
    <section aria-labelledby="queue-reports" id="reports">
      <h2 id="queue-reports">{t("reports.title")}</h2>
      <p>{t("reports.intro")}</p>
      {done && <Notice kind="success">{done}</Notice>}
      {q.loading && !q.data ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox message={errorMessage(t, q.error)} />
      ) : list.length === 0 ? (
        <p>{t("reports.empty")}</p>
      ) : (
        <ul className="plain-list">
          {list.map((r) => (
            <li key={r.id}>
              <ReportCard
                report={r}
                onDone={(msg) => {
                  setDone(msg);
                  q.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReportCard(props: { report: ReportViewFragment; onDone: (msg: string) => void }) {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const r = props.report;
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = fieldDomId(`note-${r.id}`);
  const headingId = `report-${r.id}`;
  const link = r.subjectLink ? safeLink(r.subjectLink) : null;
  const who = r.subjectAccount;
  const canSuspend = who != null && who.status !== "SUSPENDED" && who.role !== "ADMIN";
  const s = r.subject;

  async function decide(kind: "DISMISS" | "RESOLVE" | "SUSPEND") {
    const text = note.trim();
    if (!text) {
      setError(t("reports.noteRequired"));
      document.getElementById(noteId)?.focus();
      return;
    }
    if ([...text].length > NOTE_MAX) {
      setError(t("validation.maxLength", { max: NOTE_MAX }));
      document.getElementById(noteId)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (kind === "SUSPEND" && who) await client.request(SuspendAccountDocument, { id: who.id, reason: text });
      await client.request(ResolveReportDocument, { id: r.id, action: kind === "DISMISS" ? "DISMISS" : "RESOLVE", note: text });
      props.onDone(kind === "SUSPEND" && who ? t("reports.done.SUSPEND", { name: who.displayName }) : t(`reports.done.${kind}`));
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card report" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="chip">{t(`reports.type.${r.subjectType}`)}</span> <bdi>{r.subjectSummary}</bdi>
      </h3>
      {s?.__typename === "Message" && (
        <blockquote className="bio quote" dir="auto">
          {s.body}
        </blockquote>
      )}
      {s?.__typename === "Request" && (
        <p>
          <bdi>{s.title}</bdi> <RequestStatusChip status={s.status} />
        </p>
      )}
      {s?.__typename === "ExpertProfile" && s.headline && (
        <p className="meta" dir="auto">
          {s.headline}
        </p>
      )}
      {!s && <p className="meta">{t("reports.subjectGone")}</p>}
      {link && (
        <p>
          <Link to={link}>{t("reports.open")}</Link>
        </p>
      )}
      <dl className="facts">
        <dt>{t("reports.reason")}</dt>
        <dd className="bio" dir="auto">
          {r.reason}
        </dd>
        <dt>{t("reports.reportedBy")}</dt>
        <dd>{t("reports.byOn", { name: r.reporter.displayName, date: formatDate(lang, r.createdAt) })}</dd>
        <dt>{t("reports.account")}</dt>
        <dd>
          {who ? (
            <>
              {who.displayName} ({who.email}) · {t(`role.${who.role}`)} · {t(`accountStatus.${who.status}`)}
            </>
          ) : (
            t("reports.accountGone")
          )}
        </dd>
      </dl>
      <div className={error ? "field field-error-state" : "field"}>
        <label className="label" htmlFor={noteId}>
          {t("reports.note")}
        </label>
        <p className="hint" id={`${noteId}-hint`}>
          {t("reports.noteHint")}
        </p>
        {error && (
          <p className="error-message" id={`${noteId}-error`} role="alert">
            {error}
          </p>
        )}
        <textarea id={noteId} rows={2} value={note} maxLength={NOTE_MAX} aria-invalid={error ? true : undefined} aria-describedby={`${noteId}-hint${error ? ` ${noteId}-error` : ""}`} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void decide("DISMISS")}>
          {t("reports.dismiss")}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void decide("RESOLVE")}>
          {t("reports.resolve")}
        </button>
        {canSuspend && (
          <ConfirmButton
            warning
            label={t("reports.suspend", { name: who.displayName })}
            question={t("reports.suspendQuestion", { name: who.displayName })}
            confirmLabel={t("reports.suspendConfirm")}
            busy={busy}
            onConfirm={() => decide("SUSPEND")}
          />
        )}
      </div>
    </article>
  );
}
