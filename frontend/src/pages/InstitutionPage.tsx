import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { AddInstitutionMemberDocument, InstitutionDocument } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";
import { useApi, useQuery, useSession } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { useFormErrors } from "../lib/useForm";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { ErrorSummary, Notice, TextField } from "../components/forms";
import { RequestTable } from "../components/DashboardSections";

export default function InstitutionPage() {
  const { t, lang } = useI18n();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const { ready } = useSession();
  const { client } = useApi();
  const q = useQuery(InstitutionDocument, { id }, { skip: !ready });
  const [email, setEmail] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const form = useFormErrors(t, ["email"]);
  useTitle(q.data?.institution?.name ?? t("institution.title"));

  if (!ready || (q.loading && !q.data)) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const inst = q.data?.institution;
  if (!inst)
    return (
      <>
        <h1>{t("institution.notFound.title")}</h1>
        <p>{t("institution.notFound.body")}</p>
      </>
    );
  const isMember = q.data?.me?.institutions.some((i) => i.id === inst.id) ?? false;

  async function addMember(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = t("validation.required");
    const ok = await form.run(() => client.request(AddInstitutionMemberDocument, { institutionId: id, email: email.trim() }), local);
    if (ok) {
      setAdded(email.trim());
      setEmail("");
    }
  }

  return (
    <>
      {params.get("created") && <Notice kind="success">{t("institution.created")}</Notice>}
      <article aria-labelledby="inst-name">
        <h1 id="inst-name">{inst.name}</h1>
        <p className="meta">
          {t(`kind.${inst.kind}`)} · {inst.city ? `${inst.city}, ` : ""}
          {displayName(lang, "region", inst.country)} · {t("institution.joined", { date: formatDate(lang, inst.createdAt) })}
        </p>
        <p>
          <span className={`chip chip-${inst.verification.toLowerCase()}`}>{t(`verification.${inst.verification}`)}</span>
        </p>
        {inst.verification === "PENDING" && isMember && <p className="hint">{t("institution.pendingHint")}</p>}
        {inst.reviewReason && <p>{t("institution.reviewReason", { reason: inst.reviewReason })}</p>}
        <p className="bio">{inst.description}</p>
        {inst.website && (
          <p>
            <a href={inst.website} rel="noopener noreferrer">
              {inst.website}
            </a>
          </p>
        )}
      </article>

      <section aria-labelledby="inst-requests">
        <h2 id="inst-requests">{t("institution.requests.title")}</h2>
        {isMember && <p className="hint">{t("institution.requests.memberHint")}</p>}
        <RequestTable requests={inst.requests} />
        {isMember && inst.verification === "VERIFIED" && (
          <p>
            <Link to={`/institutions/${inst.id}/requests/new`} className="button">
              {t("request.new.title")}
            </Link>
          </p>
        )}
      </section>

      {isMember && (
        <section className="card" aria-labelledby="add-member">
          <h2 id="add-member">{t("institution.members.title")}</h2>
          {added && <Notice kind="success">{t("institution.members.done", { email: added })}</Notice>}
          <ErrorSummary errors={form.fields} general={form.general} labels={{ email: t("institution.members.email") }} />
          <form onSubmit={addMember} noValidate className="form">
            <TextField name="email" type="email" label={t("institution.members.email")} hint={t("institution.members.hint")} value={email} onChange={setEmail} error={form.fields.email} />
            <button type="submit" className="button" disabled={form.busy}>
              {t("institution.members.submit")}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
