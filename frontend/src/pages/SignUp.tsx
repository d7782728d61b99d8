import { useState } from "react";
import { Link } from "react-router";
import { RegisterDocument, type Role } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { useFormErrors } from "../lib/useForm";
import { useTitle } from "../lib/useTitle";
import { ChoiceGroup, ErrorSummary, Notice, TextField } from "../components/forms";

const FIELDS = ["role", "displayName", "email", "password"] as const;

export default function SignUp() {
  const { t } = useI18n();
  const { client, session } = useApi();
  useTitle(t("auth.signUp.title"));
  const [role, setRole] = useState<Role | "">("");
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const form = useFormErrors(t, FIELDS);
  const labels = {
    role: t("auth.signUp.roleLegend"),
    displayName: t("auth.field.displayName"),
    email: t("auth.field.email"),
    password: t("auth.field.password"),
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!role) local.role = t("validation.chooseRole");
    if (!displayName.trim()) local.displayName = t("validation.required");
    if (!email.trim()) local.email = t("validation.required");
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) local.email = t("validation.email");
    if (password.length < 10) local.password = t("validation.passwordLength");
    const res = await form.run(
      () =>
        client.request(
          RegisterDocument,
          { input: { email: email.trim(), password, displayName: displayName.trim(), role: role as Role } },
          { auth: false },
        ),
      local,
    );
    if (res) {
      session.signedIn(res.register);
      setDone(res.register.account.email);
    }
  }

  if (done) {
    return (
      <>
        <h1>{t("auth.signUp.doneTitle")}</h1>
        <Notice kind="success">{t("auth.signUp.done", { email: done })}</Notice>
        <p>
          <Link to={role === "EXPERT" ? "/me/profile" : "/me"} className="button">
            {role === "EXPERT" ? t("auth.signUp.nextExpert") : t("auth.signUp.nextInstitution")}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t("auth.signUp.title")}</h1>
      <ErrorSummary errors={form.fields} general={form.general} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <ChoiceGroup
          type="radio"
          name="role"
          label={labels.role}
          error={form.fields.role}
          selected={role ? [role] : []}
          onChange={(v) => setRole(v[0] as Role)}
          options={[
            { value: "EXPERT", label: t("auth.signUp.roleExpert"), hint: t("auth.signUp.roleExpertHint") },
            { value: "INSTITUTION", label: t("auth.signUp.roleInstitution"), hint: t("auth.signUp.roleInstitutionHint") },
          ]}
        />
        <TextField name="displayName" label={labels.displayName} hint={t("auth.field.displayNameHint")} value={displayName} onChange={setDisplayName} error={form.fields.displayName} autoComplete="name" maxLength={100} />
        <TextField name="email" type="email" label={labels.email} hint={t("auth.field.emailHint")} value={email} onChange={setEmail} error={form.fields.email} autoComplete="email" inputMode="email" />
        <TextField name="password" type="password" label={labels.password} hint={t("auth.field.passwordHint")} value={password} onChange={setPassword} error={form.fields.password} autoComplete="new-password" />
        <button type="submit" className="button" disabled={form.busy}>
          {t("auth.signUp.submit")}
        </button>
      </form>
      <p>
        {t("auth.signUp.haveAccount")} <Link to="/sign-in">{t("nav.signIn")}</Link>
      </p>
    </>
  );
}
