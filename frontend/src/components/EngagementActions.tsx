// What the viewer's side may do with an engagement (lib/lifecycle.ts engagementActions):
// accept or decline (with an optional reason) what the other side started, withdraw, or
// record accepted work as completed with the hours given and optional feedback.
import { useState } from "react";
import { CompleteEngagementDocument, RespondToEngagementDocument, WithdrawEngagementDocument, type EngagementDetailFragment, type EngagementSide } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { engagementActions } from "../lib/lifecycle";
import { ErrorBox } from "./Layout";
import { ConfirmButton } from "./Confirm";
import { TextField } from "./forms";

/** Hours as typed → a whole number from 0 to 10,000, or an error key. */
export function parseHours(raw: string): { hours: number } | { error: string } {
  const s = raw.trim();
  if (!s) return { error: "validation.required" };
  if (!/^\d+$/.test(s)) return { error: "validation.number" };
  const n = Number(s);
  if (n > 10_000) return { error: "engagement.complete.hoursRange" };
  return { hours: n };
}

export function EngagementActions(props: { engagement: EngagementDetailFragment; viewer: EngagementSide | null; onDone: (msg: string) => void }) {
  const { t } = useI18n();
  const { client } = useApi();
  const e = props.engagement;
  const actions = engagementActions(e.status, e.initiatedBy, props.viewer);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [hours, setHours] = useState("");
  const [feedback, setFeedback] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  if (actions.length === 0) return null;

  async function run(action: () => Promise<unknown>, msg: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      props.onDone(msg);
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  async function complete(ev: React.FormEvent) {
    ev.preventDefault();
    const parsed = parseHours(hours);
    if ("error" in parsed) {
      setFieldErrors({ hoursGiven: t(parsed.error, { max: 10000 }) });
      document.getElementById("f-hoursGiven")?.focus();
      return;
    }
    setFieldErrors({});
    await run(() => client.request(CompleteEngagementDocument, { id: e.id, hoursGiven: parsed.hours, feedback: feedback.trim() || null }), t("engagement.done.complete"));
  }

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t("engagement.actions")}</h2>
      {error && <ErrorBox message={error} />}
      {actions.includes("accept") && (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => run(() => client.request(RespondToEngagementDocument, { id: e.id, accept: true, reason: null }), t("engagement.done.accept"))}>
            {t("engagement.accept")}
          </button>
          {!declining && (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => setDeclining(true)} aria-expanded={false}>
              {t("engagement.decline")}
            </button>
          )}
        </div>
      )}
      {declining && (
        <form
          className="form"
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void run(() => client.request(RespondToEngagementDocument, { id: e.id, accept: false, reason: reason.trim() || null }), t("engagement.done.decline"));
          }}
        >
          <TextField name="declineReason" label={t("engagement.declineReasonLabel")} hint={t("engagement.declineReasonHint")} optional multiline maxLength={2000} value={reason} onChange={setReason} />
          <div className="actions">
            <button type="submit" className="button button-warning" disabled={busy}>
              {t("engagement.declineConfirm")}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDeclining(false)}>
              {t("common.keep")}
            </button>
          </div>
        </form>
      )}
      {actions.includes("complete") && (
        <form className="form" noValidate onSubmit={complete} aria-labelledby="complete-title">
          <h3 id="complete-title">{t("engagement.complete.title")}</h3>
          <p className="hint">{t("engagement.complete.intro")}</p>
          <TextField name="hoursGiven" label={t("engagement.complete.hours")} hint={t("engagement.complete.hoursHint")} inputMode="numeric" value={hours} onChange={setHours} error={fieldErrors.hoursGiven} />
          <TextField name="feedback" label={t("engagement.feedback")} hint={t("engagement.complete.feedbackHint")} optional multiline maxLength={5000} value={feedback} onChange={setFeedback} />
          <button type="submit" className="button" disabled={busy}>
            {t("engagement.complete.submit")}
          </button>
        </form>
      )}
      {actions.includes("withdraw") && (
        <div className="withdraw">
          <ConfirmButton
            warning
            busy={busy}
            label={t("engagement.withdraw")}
            question={t(e.status === "ACCEPTED" ? "engagement.withdrawQuestionAccepted" : "engagement.withdrawQuestion")}
            confirmLabel={t("engagement.withdrawConfirm")}
            onConfirm={() => run(() => client.request(WithdrawEngagementDocument, { id: e.id }), t("engagement.done.withdraw"))}
          />
        </div>
      )}
    </section>
  );
}
