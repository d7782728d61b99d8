import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { LoginDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useSession } from "../lib/api";
import { ApiError } from "../lib/errors";
import { useFormErrors } from "../lib/useForm";
import { useTitle } from "../lib/useTitle";
import { ErrorSummary, TextField } from "../components/forms";

const FIELDS = ["email", "password"] as const;

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/me";
}

export default function SignIn() {
  const { t } = useI18n();
  const { client, session } = useApi();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useTitle(t("auth.signIn.title"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useFormErrors(t, FIELDS);
  const labels = { email: t("auth.field.email"), password: t("auth.field.password") };
  const { account } = useSession();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = t("validation.required");
    if (!password) local.password = t("validation.required");
    const res = await form.run(async () => {
      try {
        return await client.request(LoginDocument, { email: email.trim(), password }, { auth: false });
      } catch (err) {
        // A refused sign-in says so plainly instead of "sign in again".
        if (err instanceof ApiError && err.code === "UNAUTHENTICATED") {
          throw new ApiError([{ message: t("auth.signIn.failed"), extensions: { code: "BAD_USER_INPUT", field: "password" } }]);
        }
        throw err;
      }
    }, local);
    if (res) {
      session.signedIn(res.login);
      navigate(safeNext(params.get("next")));
    }
  }

  if (account && !form.busy) return <Navigate to={safeNext(params.get("next"))} replace />;

  return (
    <>
      <h1>{t("auth.signIn.title")}</h1>
      <ErrorSummary errors={form.fields} general={form.general} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <TextField name="email" type="email" label={labels.email} value={email} onChange={setEmail} error={form.fields.email} autoComplete="email" inputMode="email" />
        <TextField name="password" type="password" label={labels.password} value={password} onChange={setPassword} error={form.fields.password} autoComplete="current-password" />
        <button type="submit" className="button" disabled={form.busy}>
          {t("auth.signIn.submit")}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t("auth.signIn.forgot")}</Link>
      </p>
      <p>
        {t("auth.signIn.noAccount")} <Link to="/sign-up">{t("nav.signUp")}</Link>
      </p>
    </>
  );
}
