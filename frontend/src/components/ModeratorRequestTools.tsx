// A moderator's tools on a request page, beyond the review: put a request that has gone quiet
// on hold, resume it, or close it (completed or cancelled), each with a reason the
// institution's members read (and are told of). Closing asks twice.
import { useState } from "react";
import { HoldRequestDocument, ModeratorCloseRequestDocument, ResumeRequestDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { errorMessage, fieldDomId } from "../lib/errors";
import type { RequestAction } from "../lib/lifecycle";
import { ConfirmButton } from "./Confirm";

export const MODERATOR_REASON_MAX = 2000;

export function ModeratorRequestTools(props: { request: { id: string; title: string }; actions: RequestAction[]; onDone: (msg: string) => void; idPrefix?: string }) {
  const { t } = useI18n();
  const { client } = useApi();
  const a = props.actions.filter((x) => x === "hold" || x === "resume" || x === "complete" || x === "cancel");
  const id = fieldDomId(`${props.idPrefix ?? "mod"}-reason-${props.request.id}`);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (a.length === 0) return null;

  async function run(kind: "hold" | "resume" | "complete" | "cancel") {
    const text = reason.trim();
    if (kind !== "resume" && !text) {
      setError(t("modTools.reasonRequired"));
      document.getElementById(id)?.focus();
      return;
    }
    if ([...text].length > MODERATOR_REASON_MAX) {
      setError(t("validation.maxLength", { max: MODERATOR_REASON_MAX }));
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const rid = props.request.id;
      if (kind === "hold") await client.request(HoldRequestDocument, { id: rid, reason: text });
      else if (kind === "resume") await client.request(ResumeRequestDocument, { id: rid, reason: text || null });
      else await client.request(ModeratorCloseRequestDocument, { id: rid, completed: kind === "complete", reason: text });
      setReason("");
      props.onDone(t(`modTools.done.${kind}`, { title: props.request.title }));
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mod-tools">
      <div className={error ? "field field-error-state" : "field"}>
        <label className="label" htmlFor={id}>
          {t("modTools.reason")}
          <span className="visually-hidden"> ({props.request.title})</span>
        </label>
        <p className="hint" id={`${id}-hint`}>
          {t(a.includes("resume") ? "modTools.reasonHintResume" : "modTools.reasonHint")}
        </p>
        {error && (
          <p className="error-message" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
        <textarea id={id} rows={2} value={reason} maxLength={MODERATOR_REASON_MAX} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="actions">
        {a.includes("hold") && (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run("hold")}>
            {t("modTools.hold")}
            <span className="visually-hidden"> ({props.request.title})</span>
          </button>
        )}
        {a.includes("resume") && (
          <button type="button" className="button" disabled={busy} onClick={() => void run("resume")}>
            {t("modTools.resume")}
            <span className="visually-hidden"> ({props.request.title})</span>
          </button>
        )}
        {a.includes("complete") && (
          <ConfirmButton label={t("modTools.complete")} question={t("request.manage.completeQuestion")} confirmLabel={t("request.manage.completeConfirm")} busy={busy} onConfirm={() => run("complete")} />
        )}
        {a.includes("cancel") && (
          <ConfirmButton warning label={t("modTools.cancel")} question={t("modTools.cancelQuestion")} confirmLabel={t("request.manage.cancelConfirm")} busy={busy} onConfirm={() => run("cancel")} />
        )}
      </div>
    </div>
  );
}
