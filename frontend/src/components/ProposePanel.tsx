// The moderator's "propose these experts" form under the ranked matches: the experts ticked
// above, one message, and proposeExperts(requestId, expertIds, message). Each expert gets an
// invitation marked as proposed by the programme; all are proposed or none is.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ProposeExpertsDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { fieldDomId, splitFormErrors } from "../lib/errors";
import { Notice } from "./forms";

export const MAX_PROPOSED = 20;
const MESSAGE_MAX = 5000;

export function ProposePanel(props: { requestId: string; chosen: { id: string; name: string }[]; onProposed: () => void }) {
  const { t } = useI18n();
  const { client } = useApi();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; name: string }[] | null>(null);
  const id = fieldDomId("propose-message");
  const n = props.chosen.length;

  async function send(e: FormEvent) {
    e.preventDefault();
    const text = message.trim();
    const fail = (msg: string) => {
      setError(msg);
      document.getElementById(id)?.focus();
    };
    if (n === 0) return fail(t("propose.noneChosen"));
    if (n > MAX_PROPOSED) return fail(t("propose.tooMany", { max: MAX_PROPOSED }));
    if (!text) return fail(t("validation.required"));
    if ([...text].length > MESSAGE_MAX) return fail(t("validation.maxLength", { max: MESSAGE_MAX }));
    setBusy(true);
    setError(null);
    try {
      const r = await client.request(ProposeExpertsDocument, { requestId: props.requestId, expertIds: props.chosen.map((c) => c.id), message: text });
      setDone(r.proposeExperts.map((e) => ({ id: e.id, name: e.expert.displayName })));
      setMessage("");
      props.onProposed();
    } catch (err) {
      const split = splitFormErrors(t, err, ["message", "expertIds"]);
      fail(Object.values(split.fields)[0] ?? split.general ?? t("error.INTERNAL"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card propose" aria-labelledby="propose-title">
      <h3 id="propose-title">{t("propose.title")}</h3>
      {done && (
        <Notice kind="success">
          <p>{t("propose.done", { n: done.length })}</p>
          <ul>
            {done.map((d) => (
              <li key={d.id}>
                <Link to={`/engagements/${d.id}`}>{d.name}</Link>
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <p className="hint">{t("propose.intro")}</p>
      <p role="status">{n === 0 ? t("propose.noneYet") : t("propose.chosen", { n, names: props.chosen.map((c) => c.name).join(", ") })}</p>
      <form onSubmit={send} noValidate className="form">
        <div className={error ? "field field-error-state" : "field"}>
          <label htmlFor={id} className="label">
            {t("propose.message")}
          </label>
          <p className="hint" id={`${id}-hint`}>
            {t("propose.messageHint")}
          </p>
          {error && (
            <p className="error-message" id={`${id}-error`} role="alert">
              <span className="visually-hidden">{t("form.errorPrefix")} </span>
              {error}
            </p>
          )}
          <textarea id={id} rows={4} value={message} maxLength={MESSAGE_MAX} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`} onChange={(e) => setMessage(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("propose.submit")}
        </button>
      </form>
    </section>
  );
}
