import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ResetPasswordDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { useFormErrors } from "../lib/useForm";
import { useTitle } from "../lib/useTitle";
import { ErrorBox } from "../components/Layout";
import { ErrorSummary, Notice, TextField } from "../components/forms";

/** /reset-password?token=… (forgotten password) and /set-password?token=… (imported experts). */
export default function ResetPassword(props: { mode: "reset" | "set" }) {
  const { t } = useI18n();
  const { client } = useApi();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const title = props.mode === "set" ? t("auth.newPassword.setTitle") : t("auth.newPassword.title");
  useTitle(title);
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const form = useFormErrors(t, ["password", "token"]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < 10) local.password = t("validation.passwordLength");
    const ok = await form.run(() => client.request(ResetPasswordDocument, { token, password }, { auth: false }), local);
    if (ok) setDone(true);
  }

  if (!token) return (<><h1>{title}</h1><ErrorBox message={t("auth.newPassword.missing")} /></>);
  return (
    <>
      <h1>{title}</h1>
      {done ? (
        <>
          <Notice kind="success">{t("auth.newPassword.done")}</Notice>
          <p>
            <Link to="/sign-in" className="button">{t("nav.signIn")}</Link>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary
            errors={form.fields.password ? { password: form.fields.password } : {}}
            general={form.fields.token ? `${form.fields.token} ${t("auth.verify.failedHint")}` : form.general}
            labels={{ password: t("auth.newPassword.field") }}
          />
          <form onSubmit={submit} noValidate className="form">
            <TextField name="password" type="password" label={t("auth.newPassword.field")} hint={t("auth.field.passwordHint")} value={password} onChange={setPassword} error={form.fields.password} autoComplete="new-password" />
            <button type="submit" className="button" disabled={form.busy}>
              {t("auth.newPassword.submit")}
            </button>
          </form>
        </>
      )}
    </>
  );
}
