import { useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { CreateInstitutionDocument, type InstitutionKind } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useSession } from "../lib/api";
import { COUNTRY_CODES, sortedOptions } from "../lib/codes";
import { useFormErrors } from "../lib/useForm";
import { useTitle } from "../lib/useTitle";
import { ErrorSummary, Notice, SelectField, TextField } from "../components/forms";

export const KINDS: InstitutionKind[] = ["UNIVERSITY", "RESEARCH_CENTRE", "HOSPITAL", "GOVERNMENT", "NGO", "COMPANY", "OTHER"];
const FIELDS = ["name", "kind", "country", "city", "website", "description"] as const;

export default function InstitutionNew() {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const navigate = useNavigate();
  const { account } = useSession();
  useTitle(t("institution.new.title"));
  const [v, setV] = useState({ name: "", kind: "", country: "", city: "", website: "", description: "" });
  const set = (k: keyof typeof v) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const form = useFormErrors(t, FIELDS);
  const countries = useMemo(() => sortedOptions(lang, "region", COUNTRY_CODES), [lang]);
  const labels = {
    name: t("institution.field.name"),
    kind: t("institution.field.kind"),
    country: t("institution.field.country"),
    city: t("institution.field.city"),
    website: t("institution.field.website"),
    description: t("institution.field.description"),
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!v.name.trim()) local.name = t("validation.required");
    if (!v.kind) local.kind = t("validation.chooseOne");
    if (!v.country) local.country = t("validation.chooseCountry");
    if (!v.description.trim()) local.description = t("validation.required");
    const res = await form.run(
      () =>
        client.request(CreateInstitutionDocument, {
          input: {
            name: v.name.trim(),
            kind: v.kind as InstitutionKind,
            country: v.country,
            city: v.city.trim() || null,
            website: v.website.trim() || null,
            description: v.description.trim(),
          },
        }),
      local,
    );
    if (res) navigate(`/institutions/${res.createInstitution.id}?created=1`);
  }

  return (
    <>
      <h1>{t("institution.new.title")}</h1>
      <p>{t("institution.new.intro")}</p>
      {account?.status === "PENDING_VERIFICATION" && <Notice kind="warning">{t("institution.new.verifyFirst")}</Notice>}
      <ErrorSummary errors={form.fields} general={form.general} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <TextField name="name" label={labels.name} value={v.name} onChange={set("name")} error={form.fields.name} autoComplete="organization" />
        <SelectField name="kind" label={labels.kind} value={v.kind} onChange={set("kind")} placeholder={t("institution.chooseKind")} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} error={form.fields.kind} />
        <SelectField name="country" label={labels.country} value={v.country} onChange={set("country")} placeholder={t("profile.chooseCountry")} options={countries} error={form.fields.country} />
        <TextField name="city" label={labels.city} optional value={v.city} onChange={set("city")} error={form.fields.city} />
        <TextField name="website" label={labels.website} hint={t("institution.field.websiteHint")} optional type="url" value={v.website} onChange={set("website")} error={form.fields.website} />
        <TextField name="description" label={labels.description} hint={t("institution.field.descriptionHint")} multiline value={v.description} onChange={set("description")} error={form.fields.description} />
        <button type="submit" className="button" disabled={form.busy}>
          {t("institution.new.submit")}
        </button>
      </form>
    </>
  );
}
