// A moderator's decision on a request in review: approve (it becomes a public call for
// help), send it back for changes, or reject it. Sending back and rejecting need a reason,
// which the institution's members read.
import { useState } from "react";
import { Link } from "react-router";
import { ReturnRequestForChangesDocument, ReviewRequestDocument, type RequestDetailFragment } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { errorMessage, fieldDomId } from "../lib/errors";
import { RequestFacts } from "./RequestFacts";

export type ReviewDecision = "APPROVE" | "RETURN" | "REJECT";

/** Whether a decision may be sent with this reason: returning and rejecting need one. */
export function reviewNeedsReason(d: ReviewDecision, reason: string) {
  return d !== "APPROVE" && reason.trim() === "";
}

export function RequestReviewCard(props: { request: RequestDetailFragment; onDone: (msg: string) => void; showFacts?: boolean }) {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const r = props.request;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = fieldDomId(`reason-${r.id}`);

  async function decide(d: ReviewDecision) {
    if (reviewNeedsReason(d, reason)) {
      setError(t(d === "RETURN" ? "review.reasonRequiredReturn" : "moderation.reasonRequired"));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const why = reason.trim();
      if (d === "RETURN") await client.request(ReturnRequestForChangesDocument, { id: r.id, reason: why });
      else await client.request(ReviewRequestDocument, { id: r.id, decision: d, reason: why || null });
      props.onDone(t(`review.done.${d}`, { title: r.title }));
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card" aria-labelledby={`req-${r.id}`}>
      <h3 id={`req-${r.id}`}>
        <Link to={`/requests/${r.id}`}>{r.title}</Link>
      </h3>
      <p className="meta">
        {t(`requestKind.${r.kind}`)} · <Link to={`/institutions/${r.institution.id}`}>{r.institution.name}</Link> · {displayName(lang, "region", r.institution.country)} ·{" "}
        {t("moderation.waitingSince", { date: formatDate(lang, r.updatedAt) })}
      </p>
      {props.showFacts !== false && (
        <details>
          <summary>{t("review.showDetails")}</summary>
          <RequestFacts request={r} headingLevel={3} />
        </details>
      )}
      <div className={error ? "field field-error-state" : "field"}>
        <label className="label" htmlFor={reasonId}>
          {t("moderation.reason")}
        </label>
        <p className="hint" id={`${reasonId}-hint`}>
          {t("review.reasonHint")}
        </p>
        {error && (
          <p className="error-message" id={`${reasonId}-error`} role="alert">
            {error}
          </p>
        )}
        <textarea id={reasonId} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={`${reasonId}-hint${error ? ` ${reasonId}-error` : ""}`} />
      </div>
      <p className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => decide("APPROVE")}>
          {t("moderation.approve")} <span className="visually-hidden">{r.title}</span>
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => decide("RETURN")}>
          {t("review.return")} <span className="visually-hidden">{r.title}</span>
        </button>
        <button type="button" className="button button-warning" disabled={busy} onClick={() => decide("REJECT")}>
          {t("moderation.reject")} <span className="visually-hidden">{r.title}</span>
        </button>
      </p>
    </article>
  );
}
