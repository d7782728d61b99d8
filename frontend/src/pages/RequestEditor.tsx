// Writing a request: /institutions/:id/requests/new (a new DRAFT) and /requests/:id/edit
// (changing a DRAFT). Saving keeps it a draft; the request page submits it for review.
import { Link, useNavigate, useParams } from "react-router";
import { CreateRequestDocument, InstitutionDocument, RequestDocument, UpdateRequestDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { emptyRequestForm, fromRequest, toRequestInput } from "../lib/requestForm";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { Notice } from "../components/forms";
import { RequestForm } from "../components/RequestForm";

export default function RequestEditor(props: { mode: "new" | "edit" }) {
  return props.mode === "new" ? <NewRequest /> : <EditRequest />;
}

function NewRequest() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const { client } = useApi();
  const { ready } = useSession();
  const navigate = useNavigate();
  const q = useQuery(InstitutionDocument, { id }, { skip: !ready });
  useTitle(t("request.new.title"));
  if (!ready || (q.loading && !q.data)) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const inst = q.data?.institution;
  const member = !!inst && (q.data?.me?.institutions.some((i) => i.id === inst.id) ?? false);
  if (!inst || !member) return <ErrorBox message={t("error.FORBIDDEN")} />;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/institutions/${inst.id}`}>{inst.name}</Link>
      </p>
      <h1>{t("request.new.title")}</h1>
      <p>{t("request.new.intro")}</p>
      {inst.verification !== "VERIFIED" ? (
        <Notice kind="warning">{t("request.new.unverified")}</Notice>
      ) : (
        <RequestForm
          initial={emptyRequestForm()}
          submitLabel={t("request.new.submit")}
          onSubmit={async (f) => {
            const r = await client.request(CreateRequestDocument, { input: toRequestInput(f, inst.id), lang });
            navigate(`/requests/${r.createRequest.id}?saved=1`);
          }}
        />
      )}
    </>
  );
}

function EditRequest() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const { client } = useApi();
  const { ready } = useSession();
  const navigate = useNavigate();
  const q = useQuery(RequestDocument, { id, lang }, { skip: !ready });
  useTitle(t("request.edit.title"));
  if (!ready || (q.loading && !q.data)) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const r = q.data?.request;
  if (!r) return <ErrorBox message={t("error.NOT_FOUND")} />;
  const member = q.data?.me?.institutions.some((i) => i.id === r.institution.id) ?? false;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/requests/${r.id}`}>{r.title}</Link>
      </p>
      <h1>{t("request.edit.title")}</h1>
      {!member ? (
        <ErrorBox message={t("error.FORBIDDEN")} />
      ) : r.status !== "DRAFT" ? (
        <Notice kind="warning">{t("request.edit.notDraft")}</Notice>
      ) : (
        <>
          {r.reviewReason && <Notice kind="warning">{t("request.reviewReason", { reason: r.reviewReason })}</Notice>}
          <RequestForm
            initial={fromRequest(r)}
            submitLabel={t("request.edit.submit")}
            onSubmit={async (f) => {
              await client.request(UpdateRequestDocument, { id: r.id, input: toRequestInput(f, r.institution.id), lang });
              navigate(`/requests/${r.id}?saved=1`);
            }}
          />
        </>
      )}
    </>
  );
}
