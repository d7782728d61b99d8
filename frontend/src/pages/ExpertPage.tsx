import { Link, useParams } from "react-router";
import { ExpertDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { ExpertProfileView } from "../components/ExpertProfileView";
import { ReportButton } from "../components/ReportButton";

export default function ExpertPage() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const { ready, account } = useSession();
  // Wait for the session so that members-only profiles are asked for as the member.
  const q = useQuery(ExpertDocument, { id, lang }, { skip: !ready });
  useTitle(q.data?.expert?.displayName ?? t("expert.title"));
  if (!ready || (q.loading && !q.data)) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  if (!q.data?.expert)
    return (
      <>
        <h1>{t("expert.notFound.title")}</h1>
        <p>{t("expert.notFound.body")}</p>
        {!account && (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(`/experts/${id}`)}`}>{t("expert.notFound.signIn")}</Link>
          </p>
        )}
      </>
    );
  const mine = q.data.me?.expertProfile?.id === q.data.expert.id;
  return (
    <>
      <ExpertProfileView profile={q.data.expert} viewer="server" />
      {account && !mine && (
        <p className="report-row">
          <ReportButton subjectId={q.data.expert.id} what="profile" name={q.data.expert.displayName} />
        </p>
      )}
    </>
  );
}
