import { useState } from "react";
import { RequestPasswordResetDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { useFormErrors } from "../lib/useForm";
import { useTitle } from "../lib/useTitle";
import { ErrorSummary, Notice, TextField } from "../components/forms";

export default function ResetRequest() {
  const { t } = useI18n();
  const { client } = useApi();
  useTitle(t("auth.reset.title"));
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const form = useFormErrors(t, ["email"]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = t("validation.required");
    const ok = await form.run(() => client.request(RequestPasswordResetDocument, { email: email.trim() }, { auth: false }), local);
    if (ok) setSent(email.trim());
  }

  return (
    <>
      <h1>{t("auth.reset.title")}</h1>
      {sent ? (
        <Notice kind="success">{t("auth.reset.sent", { email: sent })}</Notice>
      ) : (
        <>
          <p>{t("auth.reset.intro")}</p>
          <ErrorSummary errors={form.fields} general={form.general} labels={{ email: t("auth.field.email") }} />
          <form onSubmit={submit} noValidate className="form">
            <TextField name="email" type="email" label={t("auth.field.email")} value={email} onChange={setEmail} error={form.fields.email} autoComplete="email" />
            <button type="submit" className="button" disabled={form.busy}>
              {t("auth.reset.submit")}
            </button>
          </form>
        </>
      )}
    </>
  );
}
