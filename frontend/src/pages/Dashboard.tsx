import { Link } from "react-router";
import { DashboardDocument, ResendVerificationDocument } from "../graphql/generated/graphql";
import { displayName, useI18n } from "../i18n";
import { useApi, useQuery } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { ExpertWork, LatestNotifications, StaffWork } from "../components/DashboardSections";
import { useState } from "react";

export default function Dashboard() {
  const { t, lang } = useI18n();
  const { client } = useApi();
  useTitle(t("dashboard.title"));
  const q = useQuery(DashboardDocument, {});
  const [resent, setResent] = useState<string | null>(null);
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const me = q.data?.me;
  if (!me) return <ErrorBox message={t("error.UNAUTHENTICATED")} />;
  const isStaff = me.role === "INSTITUTION" || me.role === "ADMIN";
  const isModerator = me.role === "MODERATOR" || me.role === "ADMIN";

  return (
    <>
      <h1>{t("dashboard.welcome", { name: me.displayName })}</h1>
      <p className="meta">{t("dashboard.role", { role: t(`role.${me.role}`) })}</p>

      {me.status === "PENDING_VERIFICATION" && (
        <div className="notice notice-warning">
          <p>{t("auth.verify.pending")}</p>
          {resent ? (
            <p role="status">{resent}</p>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                client.request(ResendVerificationDocument, {}).then(
                  () => setResent(t("auth.verify.resent")),
                  (err) => setResent(errorMessage(t, err)),
                )
              }
            >
              {t("auth.verify.resend")}
            </button>
          )}
        </div>
      )}

      <LatestNotifications />

      {me.role === "EXPERT" && (
        <section className="card" aria-labelledby="dash-profile">
          <h2 id="dash-profile">{t("dashboard.profile.title")}</h2>
          {me.expertProfile ? (
            <p>{t("dashboard.profile.visibility", { visibility: t(`visibility.${me.expertProfile.visibility}`) })}</p>
          ) : (
            <p>{t("dashboard.profile.none")}</p>
          )}
          <p className="actions">
            <Link to="/me/profile" className="button">{t("dashboard.profile.edit")}</Link>{" "}
            {me.expertProfile && <Link to={`/experts/${me.expertProfile.id}`}>{t("dashboard.profile.view")}</Link>}
          </p>
        </section>
      )}

      {(isStaff || me.institutions.length > 0) && (
        <section className="card" aria-labelledby="dash-inst">
          <h2 id="dash-inst">{t("dashboard.institutions.title")}</h2>
          {me.institutions.length === 0 ? (
            <p>{t("dashboard.institutions.none")}</p>
          ) : (
            <ul className="plain-list">
              {me.institutions.map((i) => (
                <li key={i.id}>
                  <Link to={`/institutions/${i.id}`}>{i.name}</Link>{" "}
                  <span className="meta">
                    {displayName(lang, "region", i.country)} ·{" "}
                    <span className={`chip chip-${i.verification.toLowerCase()}`}>{t(`verification.${i.verification}`)}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {isStaff && (
            <p>
              <Link to="/institutions/new" className="button button-secondary">{t("dashboard.institutions.create")}</Link>
            </p>
          )}
        </section>
      )}

      {isModerator && (
        <section className="card" aria-labelledby="dash-mod">
          <h2 id="dash-mod">{t("dashboard.moderation.title")}</h2>
          <p>
            <Link to="/moderation">{t("dashboard.moderation.link")}</Link>
          </p>
        </section>
      )}

      {me.role === "EXPERT" && <ExpertWork />}
      {me.role === "INSTITUTION" && <StaffWork />}
    </>
  );
}
