// Where a request or an engagement stands: its status as a step of its lifecycle, since when,
// and who must act next (the UX principle "state is obvious").
import type { EngagementSide, EngagementStatus, RequestStatus } from "../graphql/generated/graphql";
import { formatDate, useI18n } from "../i18n";
import { ENGAGEMENT_STEPS, REQUEST_STEPS, engagementNextActor, engagementStep } from "../lib/lifecycle";

function Track(props: { label: string; steps: string[]; current: number }) {
  const { t } = useI18n();
  return (
    <ol className="track" aria-label={props.label}>
      {props.steps.map((s, i) => {
        const state = i < props.current ? "done" : i === props.current ? "current" : "todo";
        return (
          <li key={s} className={`track-step track-${state}`} aria-current={state === "current" ? "step" : undefined}>
            {s}
            {state === "done" && <span className="visually-hidden"> ({t("lifecycle.done")})</span>}
          </li>
        );
      })}
    </ol>
  );
}

export function RequestStatusChip(props: { status: RequestStatus }) {
  const { t } = useI18n();
  return <span className={`chip status-${props.status.toLowerCase()}`}>{t(`requestStatus.${props.status}`)}</span>;
}

export function EngagementStatusChip(props: { status: EngagementStatus }) {
  const { t } = useI18n();
  return <span className={`chip status-${props.status.toLowerCase()}`}>{t(`engagementStatus.${props.status}`)}</span>;
}

export function RequestLifecycle(props: { status: RequestStatus; since: string }) {
  const { t, lang } = useI18n();
  const current = REQUEST_STEPS.indexOf(props.status);
  return (
    <section className="lifecycle" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title" className="visually-hidden">{t("lifecycle.title")}</h2>
      <p>
        <RequestStatusChip status={props.status} /> <span className="meta">{t("lifecycle.since", { date: formatDate(lang, props.since) })}</span>
      </p>
      {current >= 0 && <Track label={t("lifecycle.requestSteps")} steps={REQUEST_STEPS.map((s) => t(`requestStatus.${s}`))} current={current} />}
      <p className="next-step">{t(`request.next.${props.status}`)}</p>
    </section>
  );
}

export function EngagementLifecycle(props: { status: EngagementStatus; initiatedBy: EngagementSide; since: string; viewer: EngagementSide | null }) {
  const { t, lang } = useI18n();
  const step = engagementStep(props.status);
  const next = engagementNextActor(props.status, props.initiatedBy);
  const steps = ENGAGEMENT_STEPS.map((s) => (s === "ASKED" ? t(props.initiatedBy === "EXPERT" ? "engagementStatus.APPLIED" : "engagementStatus.INVITED") : t(`engagementStatus.${s}`)));
  const yourTurn = props.viewer != null && (next === props.viewer || next === "both");
  return (
    <section className="lifecycle" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title" className="visually-hidden">{t("lifecycle.title")}</h2>
      <p>
        <EngagementStatusChip status={props.status} /> <span className="meta">{t("lifecycle.since", { date: formatDate(lang, props.since) })}</span>
      </p>
      {step >= 0 && <Track label={t("lifecycle.engagementSteps")} steps={steps} current={step} />}
      <p className="next-step">
        {t(`engagement.next.${props.status}`)}
        {yourTurn && next !== "both" && <strong> {t("engagement.yourTurn")}</strong>}
      </p>
    </section>
  );
}
