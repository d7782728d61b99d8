// /engagements/:id — one engagement between an expert and a request: where it stands, the two
// sides, the opening message, the actions open to the viewer's side, the expert's contact
// email once revealed, and the message thread. Loaded with `engagement(id)`, which answers for
// both sides and for moderators (read-only here). The thread refreshes after sending and
// every 20 s while the page is visible.
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { EngagementDocument, SendMessageDocument, type EngagementSide } from "../graphql/generated/graphql";
import { displayName, useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { Notice } from "../components/forms";
import { EngagementActions } from "../components/EngagementActions";
import { EngagementLifecycle } from "../components/Lifecycle";
import { MessageBox } from "../components/MessageBox";
import { MessageThread } from "../components/MessageThread";

const POLL_MS = 20_000;

export default function EngagementPage() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const { ready } = useSession();
  const { client } = useApi();
  const q = useQuery(EngagementDocument, { id }, { skip: !ready });
  const [notice, setNotice] = useState<string | null>(null);
  const reload = q.reload;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [id, reload]);

  const e = q.data?.engagement;
  useTitle(e ? t("engagement.pageTitle", { title: e.request.title }) : t("engagement.title"));

  if (!ready || (q.loading && !q.data)) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  if (!e)
    return (
      <>
        <h1>{t("engagement.notFound.title")}</h1>
        <p>{t("engagement.notFound.body")}</p>
      </>
    );

  const me = q.data?.me;
  const viewer: EngagementSide | null =
    me?.expertProfile?.id === e.expert.id ? "EXPERT" : me?.institutions.some((i) => i.id === e.request.institution.id) ? "INSTITUTION" : null;
  const inst = e.request.institution;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/requests/${e.request.id}`}>{e.request.title}</Link>
      </p>
      <h1>{t("engagement.heading", { expert: e.expert.displayName, institution: inst.name })}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <EngagementLifecycle status={e.status} initiatedBy={e.initiatedBy} since={e.updatedAt} viewer={viewer} />
      {!viewer && <p className="hint">{t("engagement.readOnly")}</p>}

      <section aria-labelledby="sides-title">
        <h2 id="sides-title">{t("engagement.sides")}</h2>
        <div className="two-col">
          <div className="card">
            <h3>{t("engagement.side.EXPERT")}</h3>
            <p>
              <Link to={`/experts/${e.expert.id}`}>{e.expert.displayName}</Link>
              {viewer === "EXPERT" && <span className="meta"> ({t("engagement.you")})</span>}
            </p>
            {e.expert.headline && (
              <p className="meta" dir="auto">
                {e.expert.headline}
              </p>
            )}
            <p>
              <strong>{t("profile.contact")}: </strong>
              {e.expert.contactEmail ? <a href={`mailto:${e.expert.contactEmail}`}>{e.expert.contactEmail}</a> : <span className="meta">{t("engagement.contactHidden")}</span>}
            </p>
          </div>
          <div className="card">
            <h3>{t("engagement.side.INSTITUTION")}</h3>
            <p>
              <Link to={`/institutions/${inst.id}`}>{inst.name}</Link>
              {viewer === "INSTITUTION" && <span className="meta"> ({t("engagement.you")})</span>}
            </p>
            <p className="meta">{displayName(lang, "region", inst.country)}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="opening-title">
        <h2 id="opening-title">{t(e.initiatedBy === "EXPERT" ? "engagement.openingApplication" : "engagement.openingInvitation")}</h2>
        {e.proposedByProgramme && <p className="hint">{t("engagement.proposedByProgramme")}</p>}
        <p className="bio quote" dir="auto">
          {e.message}
        </p>
        {e.declineReason && <p>{t("engagement.declineReason", { reason: e.declineReason })}</p>}
        {e.status === "COMPLETED" && (
          <p>
            {t("engagement.hoursGiven", { n: e.hoursGiven ?? 0 })}
            {e.feedback && (
              <>
                <br />
                {t("engagement.feedback")}: <span className="bio" dir="auto">
                  {e.feedback}
                </span>
              </>
            )}
          </p>
        )}
      </section>

      <EngagementActions
        engagement={e}
        viewer={viewer}
        onDone={(msg) => {
          setNotice(msg);
          q.reload();
        }}
      />

      <section aria-labelledby="thread-title">
        <h2 id="thread-title">{t("thread.title")}</h2>
        <MessageThread messages={e.messages} myAccountId={me?.id} canReport={viewer != null} />
        {viewer && (
          <MessageBox
            name="message-body"
            field="body"
            label={t("thread.write")}
            hint={t("thread.hint")}
            submitLabel={t("thread.send")}
            onSend={async (body) => {
              await client.request(SendMessageDocument, { engagementId: e.id, body });
              q.reload();
            }}
          />
        )}
        <p>
          <button type="button" className="button button-secondary small" onClick={q.reload}>
            {t("thread.refresh")}
          </button>
        </p>
      </section>
    </>
  );
}
