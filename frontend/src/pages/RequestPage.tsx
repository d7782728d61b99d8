// /requests/:id — a request for help. Everyone sees an OPEN, IN_PROGRESS or COMPLETED request;
// its institution's members and the moderators see it at every stage and manage it: edit and
// submit a draft, read the moderators' reason, see ranked experts and invite them, follow the
// engagements, complete or cancel it. Experts apply from here with a message.
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ApplyToRequestDocument, CloseRequestDocument, RequestDocument, SubmitRequestDocument, type RequestQuery } from "../graphql/generated/graphql";
import { displayName, useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { isEngagementLive, requestActions } from "../lib/lifecycle";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { Notice } from "../components/forms";
import { ConfirmButton } from "../components/Confirm";
import { EngagementStatusChip, RequestLifecycle } from "../components/Lifecycle";
import { EngagementList, MatchList } from "../components/MatchList";
import { MessageBox } from "../components/MessageBox";
import { RequestFacts } from "../components/RequestFacts";
import { RequestReviewCard } from "../components/RequestReviewCard";
import { ModeratorRequestTools } from "../components/ModeratorRequestTools";
import { ReportButton } from "../components/ReportButton";

type Req = NonNullable<RequestQuery["request"]>;
type Me = RequestQuery["me"];

export default function RequestPage() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const { ready, account } = useSession();
  const q = useQuery(RequestDocument, { id, lang }, { skip: !ready });
  const [notice, setNotice] = useState<string | null>(params.get("saved") ? t("request.saved") : null);
  useTitle(q.data?.request?.title ?? t("request.title"));

  if (!ready || (q.loading && !q.data)) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const r = q.data?.request;
  if (!r)
    return (
      <>
        <h1>{t("request.notFound.title")}</h1>
        <p>{t("request.notFound.body")}</p>
        {!account && (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(`/requests/${id}`)}`}>{t("nav.signIn")}</Link>
          </p>
        )}
      </>
    );
  const me = q.data?.me ?? null;
  const member = me?.institutions.some((i) => i.id === r.institution.id) ?? false;
  const moderator = me?.role === "MODERATOR" || me?.role === "ADMIN";
  const actions = requestActions(r.status, { member, moderator, expert: me?.role === "EXPERT" });
  const done = (msg: string) => {
    setNotice(msg);
    q.reload();
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/institutions/${r.institution.id}`}>{r.institution.name}</Link>
      </p>
      <h1>
        <bdi>{r.title}</bdi>
      </h1>
      <p className="meta">
        {t(`requestKind.${r.kind}`)} · {r.institution.name}, {r.institution.city ? `${r.institution.city}, ` : ""}
        {displayName(lang, "region", r.institution.country)}
      </p>
      {notice && <Notice kind="success">{notice}</Notice>}
      <RequestLifecycle status={r.status} since={r.updatedAt} />
      {(member || moderator) && r.reviewReason && ["DRAFT", "REJECTED", "ON_HOLD", "CANCELLED"].includes(r.status) && (
        <Notice kind="warning">{t("request.reviewReason", { reason: r.reviewReason })}</Notice>
      )}
      {member && <MemberActions request={r} actions={actions} onDone={done} />}
      {actions.includes("review") && (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t("review.title")}</h2>
          <RequestReviewCard request={r} showFacts={false} onDone={done} />
        </section>
      )}
      {moderator && (actions.includes("hold") || actions.includes("resume") || (!member && (actions.includes("complete") || actions.includes("cancel")))) && (
        <section className="card" aria-labelledby="mod-tools-title">
          <h2 id="mod-tools-title">{t("modTools.title")}</h2>
          <ModeratorRequestTools request={r} actions={member ? actions.filter((a) => a === "hold" || a === "resume") : actions} onDone={done} />
        </section>
      )}

      <RequestFacts request={r} />
      {account && !member && !moderator && (
        <p className="report-row">
          <ReportButton subjectId={r.id} what="request" name={r.title} />
        </p>
      )}

      {actions.includes("apply") && <ApplyPanel request={r} me={me} onApplied={done} />}
      {!account && (r.status === "OPEN" || r.status === "IN_PROGRESS") && (
        <Notice>
          <Link to={`/sign-in?next=${encodeURIComponent(`/requests/${r.id}`)}`}>{t("request.apply.signIn")}</Link>
        </Notice>
      )}

      {(member || moderator) && (
        <section aria-labelledby="engagements-title">
          <h2 id="engagements-title">{t("engagement.listTitle")}</h2>
          <EngagementList engagements={r.engagements} />
        </section>
      )}
      {actions.includes("match") && <MatchList requestId={r.id} engagements={r.engagements} onInvited={q.reload} propose={moderator && !member} />}
    </>
  );
}

function MemberActions(props: { request: Req; actions: string[]; onDone: (msg: string) => void }) {
  const { t } = useI18n();
  const { client } = useApi();
  const r = props.request;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = props.actions;
  if (!a.some((x) => x === "edit" || x === "submit" || x === "complete" || x === "cancel")) return null;

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

  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title">{t("request.manage.title")}</h2>
      {error && <ErrorBox message={error} />}
      {a.includes("submit") && <p className="hint">{t("request.manage.submitHint")}</p>}
      <div className="actions">
        {a.includes("edit") && (
          <Link to={`/requests/${r.id}/edit`} className="button button-secondary">
            {t("request.manage.edit")}
          </Link>
        )}
        {a.includes("submit") && (
          <button type="button" className="button" disabled={busy} onClick={() => run(() => client.request(SubmitRequestDocument, { id: r.id }), t("request.manage.submitted"))}>
            {t("request.manage.submit")}
          </button>
        )}
        {a.includes("complete") && (
          <ConfirmButton
            label={t("request.manage.complete")}
            question={t("request.manage.completeQuestion")}
            confirmLabel={t("request.manage.completeConfirm")}
            busy={busy}
            onConfirm={() => run(() => client.request(CloseRequestDocument, { id: r.id, completed: true }), t("request.manage.completed"))}
          />
        )}
        {a.includes("cancel") && (
          <ConfirmButton
            warning
            label={t("request.manage.cancel")}
            question={t("request.manage.cancelQuestion")}
            confirmLabel={t("request.manage.cancelConfirm")}
            busy={busy}
            onConfirm={() => run(() => client.request(CloseRequestDocument, { id: r.id, completed: false }), t("request.manage.cancelled"))}
          />
        )}
      </div>
    </section>
  );
}

function ApplyPanel(props: { request: Req; me: Me; onApplied: (msg: string) => void }) {
  const { t } = useI18n();
  const { client } = useApi();
  const r = props.request;
  const profileId = props.me?.expertProfile?.id;
  const mine = r.engagements.filter((e) => e.expert.id === profileId);
  const live = mine.find((e) => isEngagementLive(e.status));
  return (
    <section className="card" aria-labelledby="apply-title">
      <h2 id="apply-title">{t("request.apply.title")}</h2>
      {mine.length > 0 && (
        <ul className="plain-list">
          {mine.map((e) => (
            <li key={e.id}>
              <EngagementStatusChip status={e.status} /> <Link to={`/engagements/${e.id}`}>{t("engagement.open")}</Link>
            </li>
          ))}
        </ul>
      )}
      {live ? null : props.me?.status !== "ACTIVE" ? (
        <p>{t("auth.verify.pending")}</p>
      ) : !profileId ? (
        <p>
          {t("request.apply.noProfile")} <Link to="/me/profile">{t("dashboard.profile.edit")}</Link>
        </p>
      ) : (
        <MessageBox
          name="apply-message"
          label={t("request.apply.message")}
          hint={t("request.apply.hint")}
          submitLabel={t("request.apply.submit")}
          rows={6}
          onSend={async (message) => {
            await client.request(ApplyToRequestDocument, { requestId: r.id, message });
            props.onApplied(t("request.apply.done"));
          }}
        />
      )}
    </section>
  );
}
