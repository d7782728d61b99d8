import { useState } from "react";
import { Link } from "react-router";
import { ModerationQueueDocument, ReviewInstitutionDocument, type InstitutionViewFragment } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage, fieldDomId } from "../lib/errors";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { Notice } from "../components/forms";
import { RequestReviewQueue } from "../components/RequestReviewQueue";
import { ReportQueue } from "../components/ReportQueue";
import { StalledRequests } from "../components/StalledRequests";

export default function Moderation() {
  const { t } = useI18n();
  useTitle(t("moderation.title"));
  const q = useQuery(ModerationQueueDocument, {});
  const [done, setDone] = useState<string | null>(null);
  const { account } = useSession();

  return (
    <>
      <h1>{t("moderation.title")}</h1>
      <nav aria-label={t("moderation.sections")} className="jump-links">
        <ul className="inline-list">
          <li>
            <a href="#institutions">{t("moderation.institutions.title")}</a>
          </li>
          <li>
            <a href="#queue-requests">{t("review.queueTitle")}</a>
          </li>
          <li>
            <a href="#reports">{t("reports.title")}</a>
          </li>
          <li>
            <a href="#stalled">{t("stalled.title")}</a>
          </li>
          {account?.role === "ADMIN" && (
            <li>
              <Link to="/moderation/audit">{t("audit.title")}</Link>
            </li>
          )}
        </ul>
      </nav>
      <h2 id="institutions">{t("moderation.institutions.title")}</h2>
      <p>{t("moderation.institutions.intro")}</p>
      {done && <Notice kind="success">{done}</Notice>}
      {q.loading && !q.data ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox message={errorMessage(t, q.error)} />
      ) : q.data!.moderationQueue.institutions.length === 0 ? (
        <p>{t("moderation.empty")}</p>
      ) : (
        <ul className="plain-list">
          {q.data!.moderationQueue.institutions.map((i) => (
            <li key={i.id}>
              <ReviewCard
                inst={i}
                onDone={(msg) => {
                  setDone(msg);
                  q.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <RequestReviewQueue />
      <ReportQueue />
      <StalledRequests />
    </>
  );
}

function ReviewCard(props: { inst: InstitutionViewFragment; onDone: (msg: string) => void }) {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const i = props.inst;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = fieldDomId(`reason-${i.id}`);

  async function decide(decision: "APPROVE" | "REJECT") {
    if (decision === "REJECT" && !reason.trim()) {
      setError(t("moderation.reasonRequired"));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await client.request(ReviewInstitutionDocument, { id: i.id, decision, reason: reason.trim() || null });
      props.onDone(t(decision === "APPROVE" ? "moderation.approved" : "moderation.rejected", { name: i.name }));
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card" aria-labelledby={`inst-${i.id}`}>
      <h3 id={`inst-${i.id}`}>
        <Link to={`/institutions/${i.id}`}>{i.name}</Link>
      </h3>
      <p className="meta">
        {t(`kind.${i.kind}`)} · {i.city ? `${i.city}, ` : ""}
        {displayName(lang, "region", i.country)} · {t("moderation.waitingSince", { date: formatDate(lang, i.createdAt) })}
      </p>
      <p className="bio">{i.description}</p>
      {i.website && <p>{i.website}</p>}
      <div className={error ? "field field-error-state" : "field"}>
        <label className="label" htmlFor={reasonId}>
          {t("moderation.reason")}
        </label>
        <p className="hint" id={`${reasonId}-hint`}>
          {t("moderation.reasonHint")}
        </p>
        {error && (
          <p className="error-message" id={`${reasonId}-error`} role="alert">
            {error}
          </p>
        )}
        <textarea
          id={reasonId}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${reasonId}-hint${error ? ` ${reasonId}-error` : ""}`}
        />
      </div>
      <p className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => decide("APPROVE")}>
          {t("moderation.approve")} <span className="visually-hidden">{i.name}</span>
        </button>{" "}
        <button type="button" className="button button-warning" disabled={busy} onClick={() => decide("REJECT")}>
          {t("moderation.reject")} <span className="visually-hidden">{i.name}</span>
        </button>
      </p>
    </article>
  );
}
