// One plain-text box and a send button: applying, inviting, writing on an engagement. The
// text is checked (required, at most `max` characters) before sending; a server error is shown
// beside the box; the text is kept on an error and cleared once sent.
import { useState } from "react";
import { useI18n } from "../i18n";
import { fieldDomId, splitFormErrors } from "../lib/errors";

export function MessageBox(props: {
  name: string;
  label: string;
  hint?: string;
  submitLabel: string;
  onSend: (text: string) => Promise<unknown>;
  max?: number;
  rows?: number;
  /** The server field the text goes to (`message`, `body`). */
  field?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = fieldDomId(props.name);
  const max = props.max ?? 5000;

  async function send(e: React.FormEvent) {
    e.preventDefault();
    const body = text.trim();
    if (!body) {
      setError(t("validation.required"));
      document.getElementById(id)?.focus();
      return;
    }
    if ([...body].length > max) {
      setError(t("validation.maxLength", { max }));
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSend(body);
      setText("");
    } catch (err) {
      const split = splitFormErrors(t, err, [props.field ?? "message"]);
      setError(Object.values(split.fields)[0] ?? split.general);
      document.getElementById(id)?.focus();
    } finally {
      setBusy(false);
    }
  }

  const describedBy = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form onSubmit={send} noValidate className="form message-box">
      <div className={error ? "field field-error-state" : "field"}>
        <label htmlFor={id} className="label">
          {props.label}
        </label>
        {props.hint && (
          <p className="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
        {error && (
          <p className="error-message" id={`${id}-error`} role="alert">
            <span className="visually-hidden">{t("form.errorPrefix")} </span>
            {error}
          </p>
        )}
        <textarea id={id} name={props.name} rows={props.rows ?? 4} value={text} maxLength={max} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
