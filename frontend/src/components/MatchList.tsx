// Experts ranked for a request (matchExperts), each with the reasons, and an invitation with
// a message for those not yet engaged on it. A moderator (`propose`) instead ticks experts and
// proposes them together on the institution's behalf (proposeExperts: all or none).
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
import { ProposePanel } from "./ProposePanel";

export function MatchList(props: { requestId: string; engagements: EngagementSummaryFragment[]; onInvited: () => void; propose?: boolean }) {
  const { t, lang } = useI18n();
  const [first, setFirst] = useState(10);
  const [chosen, setChosen] = useState<string[]>([]);
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
            {hits.map((h) => {
              const live = props.engagements.find((e) => e.expert.id === h.expert.id && isEngagementLive(e.status));
              return (
                <li key={h.expert.id}>
                  <ExpertHitCard hit={h} headingLevel={3}>
                    {props.propose && !live ? (
                      <p className="choice propose-choice">
                        <input
                          type="checkbox"
                          id={`propose-${h.expert.id}`}
                          checked={chosen.includes(h.expert.id)}
                          onChange={(e) => setChosen((c) => (e.target.checked ? [...c, h.expert.id] : c.filter((x) => x !== h.expert.id)))}
                        />
                        <label htmlFor={`propose-${h.expert.id}`}>{t("propose.choose", { name: h.expert.displayName })}</label>
                      </p>
                    ) : (
                      <InvitePanel hit={h} engagement={live} requestId={props.requestId} onInvited={props.onInvited} readOnly={props.propose} />
                    )}
                  </ExpertHitCard>
                </li>
              );
            })}
          </ol>
          {props.propose && (
            <ProposePanel
              requestId={props.requestId}
              chosen={hits.filter((h) => chosen.includes(h.expert.id)).map((h) => ({ id: h.expert.id, name: h.expert.displayName }))}
              onProposed={() => {
                setChosen([]);
                props.onInvited();
              }}
            />
          )}
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

function InvitePanel(props: { hit: SearchHitFragment; requestId: string; engagement?: EngagementSummaryFragment; onInvited: () => void; readOnly?: boolean }) {
  const { t } = useI18n();
  const { client } = useApi();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const name = props.hit.expert.displayName;
  if (sent)
    return (
      <Notice kind="success">
        {t("match.invited", { name })} <Link to={`/engagements/${sent}`}>{t("engagement.open")}</Link>
      </Notice>
    );
  if (props.engagement)
    return (
      <p className="engaged">
        <EngagementStatusChip status={props.engagement.status} />{" "}
        <Link to={`/engagements/${props.engagement.id}`}>
          {t("engagement.open")} <span className="visually-hidden">{name}</span>
        </Link>
      </p>
    );
  if (props.readOnly) return null;
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

export function EngagementList(props: { engagements: EngagementSummaryFragment[]; showRequest?: boolean; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  if (props.engagements.length === 0) return <p>{t("engagement.none")}</p>;
  return (
    <ul className="plain-list engagement-list">
      {props.engagements.map((e) => (
        <li key={e.id} className="engagement-row">
          <Link to={`/engagements/${e.id}`}>
            {props.showRequest ? e.request.title : e.expert.displayName}
          </Link>{" "}
          <EngagementStatusChip status={e.status} />
          <br />
          <span className="meta">
            {props.showRequest ? `${e.expert.displayName} · ${e.request.institution.name} · ` : ""}
            {t(e.proposedByProgramme ? "engagement.byProgramme" : e.initiatedBy === "EXPERT" ? "engagement.byExpert" : "engagement.byInstitution")} · {t("lifecycle.since", { date: formatDate(lang, e.updatedAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
