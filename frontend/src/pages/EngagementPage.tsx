// /engagements/:id — one engagement between an expert and a request: where it stands, the two
// sides, the opening message, the actions open to the viewer's side, the expert's contact
// email once revealed, and the message thread. The API has no `engagement(id)` query: the page
// finds the request through `myEngagements` (or `?request=` in links from the request page),
// then reads the engagement from `request.engagements`. The thread refreshes after sending and
// every 20 s while the page is visible.
import { useEffect, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { EngagementLookupDocument, EngagementOnRequestDocument, SendMessageDocument, type EngagementSide } from "../graphql/generated/graphql";
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
  const [params] = useSearchParams();
  const { ready } = useSession();
  const { client } = useApi();
  const given = params.get("request");
  const lookup = useQuery(EngagementLookupDocument, {}, { skip: !ready || !!given });
  const requestId = given ?? lookup.data?.myEngagements.find((e) => e.id === id)?.request.id ?? null;
  const q = useQuery(EngagementOnRequestDocument, { requestId: requestId ?? "" }, { skip: !ready || !requestId });
  const [notice, setNotice] = useState<string | null>(null);
  const reload = q.reload;

  useEffect(() => {
    if (!requestId) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [requestId, reload]);

  const e = q.data?.request?.engagements.find((x) => x.id === id);
  useTitle(e ? t("engagement.pageTitle", { title: e.request.title }) : t("engagement.title"));

  if (!ready || (lookup.loading && !lookup.data) || (requestId && q.loading && !q.data)) return <Loading />;
  const err = lookup.error ?? q.error;
  if (err) return <ErrorBox message={errorMessage(t, err)} />;
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
        <MessageThread messages={e.messages} myAccountId={me?.id} />
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
