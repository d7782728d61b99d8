// Experts ranked for a request (matchExperts), each with the reasons, and an invitation with
// a message for those not yet engaged on it.
import { useState } from "react";
import { Link } from "react-router";
import { InviteExpertDocument, MatchExpertsDocument, type EngagementSummaryFragment, type SearchHitFragment } from "../graphql/generated/graphql";
import { formatDate, useI18n } from "../i18n";
import { useApi, useQuery } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { isEngagementLive } from "../lib/lifecycle";
import { ExpertHitCard, HitSkeleton } from "./ExpertHitCard";
import { ErrorBox } from "./Layout";
import { EngagementStatusChip } from "./Lifecycle";
import { Notice } from "./forms";
import { MessageBox } from "./MessageBox";

export function MatchList(props: { requestId: string; engagements: EngagementSummaryFragment[]; onInvited: () => void }) {
  const { t, lang } = useI18n();
  const [first, setFirst] = useState(10);
  const q = useQuery(MatchExpertsDocument, { requestId: props.requestId, first, lang });
  const hits = q.data?.matchExperts ?? [];
  return (
    <section aria-labelledby="matches-title">
      <h2 id="matches-title">{t("match.title")}</h2>
      <p className="hint">{t("match.intro")}</p>
      {q.error ? (
        <ErrorBox message={errorMessage(t, q.error)} />
      ) : q.loading && !q.data ? (
        <div aria-busy="true">
          <HitSkeleton />
          <HitSkeleton />
        </div>
      ) : hits.length === 0 ? (
        <p>{t("match.none")}</p>
      ) : (
        <>
          <ol className="plain-list hits">
            {hits.map((h) => (
              <li key={h.expert.id}>
                <ExpertHitCard hit={h} headingLevel={3}>
                  <InvitePanel hit={h} requestId={props.requestId} engagement={props.engagements.find((e) => e.expert.id === h.expert.id && isEngagementLive(e.status))} onInvited={props.onInvited} />
                </ExpertHitCard>
              </li>
            ))}
          </ol>
          {hits.length >= first && first < 50 && (
            <button type="button" className="button button-secondary" onClick={() => setFirst((n) => n + 10)}>
              {t("search.more")}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function InvitePanel(props: { hit: SearchHitFragment; requestId: string; engagement?: EngagementSummaryFragment; onInvited: () => void }) {
  const { t } = useI18n();
  const { client } = useApi();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const name = props.hit.expert.displayName;
  if (sent)
    return (
      <Notice kind="success">
        {t("match.invited", { name })} <Link to={`/engagements/${sent}?request=${props.requestId}`}>{t("engagement.open")}</Link>
      </Notice>
    );
  if (props.engagement)
    return (
      <p className="engaged">
        <EngagementStatusChip status={props.engagement.status} />{" "}
        <Link to={`/engagements/${props.engagement.id}?request=${props.requestId}`}>
          {t("engagement.open")} <span className="visually-hidden">{name}</span>
        </Link>
      </p>
    );
  if (!open)
    return (
      <p>
        <button type="button" className="button button-secondary" aria-expanded={false} onClick={() => setOpen(true)}>
          {t("match.invite", { name })}
        </button>
      </p>
    );
  return (
    <MessageBox
      name={`invite-${props.hit.expert.id}`}
      label={t("match.inviteMessage", { name })}
      hint={t("match.inviteHint")}
      submitLabel={t("match.sendInvite")}
      onSend={async (message) => {
        const r = await client.request(InviteExpertDocument, { requestId: props.requestId, expertId: props.hit.expert.id, message });
        setSent(r.inviteExpert.id);
        props.onInvited();
      }}
    />
  );
}

export function EngagementList(props: { engagements: EngagementSummaryFragment[]; requestId?: string; showRequest?: boolean; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  if (props.engagements.length === 0) return <p>{t("engagement.none")}</p>;
  return (
    <ul className="plain-list engagement-list">
      {props.engagements.map((e) => (
        <li key={e.id} className="engagement-row">
          <Link to={`/engagements/${e.id}?request=${props.requestId ?? e.request.id}`}>
            {props.showRequest ? e.request.title : e.expert.displayName}
          </Link>{" "}
          <EngagementStatusChip status={e.status} />
          <br />
          <span className="meta">
            {props.showRequest ? `${e.expert.displayName} · ${e.request.institution.name} · ` : ""}
            {t(e.initiatedBy === "EXPERT" ? "engagement.byExpert" : "engagement.byInstitution")} · {t("lifecycle.since", { date: formatDate(lang, e.updatedAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
