import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { VerifyEmailDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useSession } from "../lib/api";
import type { Client } from "../lib/client";
import { errorMessage } from "../lib/errors";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { Notice } from "../components/forms";

// A token works once: one request per token, even if React runs the effect twice.
const attempts = new Map<string, Promise<unknown>>();
function verifyOnce(client: Client, token: string) {
  let p = attempts.get(token);
  if (!p) {
    p = client.request(VerifyEmailDocument, { token }, { auth: false });
    attempts.set(token, p);
  }
  return p;
}

export default function VerifyEmail() {
  const { t } = useI18n();
  const { client } = useApi();
  const { session, account } = useSession();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [state, setState] = useState<{ status: "busy" | "done" | "error"; error?: unknown }>({ status: "busy" });
  useTitle(t("auth.verify.title"));

  useEffect(() => {
    if (!token) return;
    verifyOnce(client, token).then(
      () => {
        session.updateAccount({ status: "ACTIVE" });
        setState({ status: "done" });
      },
      (error) => setState({ status: "error", error }),
    );
  }, [client, session, token]);

  return (
    <>
      <h1>{t("auth.verify.title")}</h1>
      {!token ? (
        <ErrorBox message={t("auth.verify.missing")} />
      ) : state.status === "busy" ? (
        <Loading />
      ) : state.status === "done" ? (
        <>
          <Notice kind="success">{t("auth.verify.done")}</Notice>
          <p>
            <Link to={account ? "/me" : "/sign-in"} className="button">
              {t("auth.verify.continue")}
            </Link>
          </p>
        </>
      ) : (
        <ErrorBox message={`${errorMessage(t, state.error)} ${t("auth.verify.failedHint")}`} />
      )}
    </>
  );
}
