// "Report" on an expert profile, a request or a message: a modal dialog (the native <dialog>,
// so focus stays inside and Escape closes it) asking why, then reportContent(subjectId,
// reason). Signed-in accounts only; the server refuses what the caller cannot see. Reporting
// the same thing twice is harmless (the server keeps the first open report).
import { useId, useRef, useState, type FormEvent } from "react";
import { ReportContentDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { splitFormErrors } from "../lib/errors";

export const REPORT_REASON_MAX = 2000;

export function ReportButton(props: { subjectId: string; what: "profile" | "request" | "message"; name?: string; small?: boolean }) {
  const { t } = useI18n();
  const { client } = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const fieldId = `report-reason-${uid}`;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  function open() {
    setError(null);
    const d = dialog.current;
    if (!d) return;
    if (typeof d.showModal === "function") d.showModal();
    else d.setAttribute("open", "");
    setTimeout(() => document.getElementById(fieldId)?.focus(), 0);
  }
  function close() {
    const d = dialog.current;
    if (d?.open) {
      if (typeof d.close === "function") d.close();
      else d.removeAttribute("open");
    }
    opener.current?.focus();
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const text = reason.trim();
    if (!text) return fail(t("validation.required"));
    if ([...text].length > REPORT_REASON_MAX) return fail(t("validation.maxLength", { max: REPORT_REASON_MAX }));
    setBusy(true);
    setError(null);
    try {
      await client.request(ReportContentDocument, { subjectId: props.subjectId, reason: text });
      setDone(true);
      setReason("");
      close();
    } catch (err) {
      const split = splitFormErrors(t, err, ["reason"]);
      fail(split.fields.reason ?? split.general ?? t("error.INTERNAL"));
    } finally {
      setBusy(false);
    }
  }
  function fail(msg: string) {
    setError(msg);
    document.getElementById(fieldId)?.focus();
  }

  const title = t(`report.title.${props.what}`);
  return (
    <>
      {done ? (
        <p className="report-done" role="status">
          {t("report.done")}
        </p>
      ) : (
        <button type="button" ref={opener} className={props.small ? "link-button report-link" : "button button-secondary small"} onClick={open} aria-haspopup="dialog">
          {t("report.button")}
          {props.name && <span className="visually-hidden"> ({props.name})</span>}
        </button>
      )}
      <dialog ref={dialog} className="dialog" aria-labelledby={`${fieldId}-title`} onClose={() => setError(null)}>
        <form onSubmit={send} noValidate>
          <h2 id={`${fieldId}-title`}>{title}</h2>
          <div className={error ? "field field-error-state" : "field"}>
            <label htmlFor={fieldId} className="label">
              {t("report.reason")}
            </label>
            <p className="hint" id={`${fieldId}-hint`}>
              {t("report.reasonHint")}
            </p>
            {error && (
              <p className="error-message" id={`${fieldId}-error`} role="alert">
                <span className="visually-hidden">{t("form.errorPrefix")} </span>
                {error}
              </p>
            )}
            <textarea
              id={fieldId}
              rows={4}
              value={reason}
              maxLength={REPORT_REASON_MAX}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${fieldId}-hint${error ? ` ${fieldId}-error` : ""}`}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <p className="actions">
            <button type="submit" className="button button-warning" disabled={busy}>
              {t("report.send")}
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              {t("common.cancel")}
            </button>
          </p>
        </form>
      </dialog>
    </>
  );
}
