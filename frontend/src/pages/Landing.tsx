import { Link } from "react-router";
import { useI18n } from "../i18n";
import { useSession } from "../lib/api";
import { useTitle } from "../lib/useTitle";

export default function Landing() {
  const { t } = useI18n();
  const { account } = useSession();
  useTitle("");
  return (
    <>
      <section className="hero">
        <h1>{t("landing.title")}</h1>
        <p className="lead">{t("landing.intro")}</p>
        {!account && (
          <p className="actions">
            <Link to="/sign-up" className="button">
              {t("landing.join")}
            </Link>{" "}
            <Link to="/sign-in" className="button button-secondary">
              {t("nav.signIn")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="how">
        <h2 id="how">{t("landing.howTitle")}</h2>
        <ol className="steps">
          <li>{t("landing.step1")}</li>
          <li>{t("landing.step2")}</li>
          <li>{t("landing.step3")}</li>
        </ol>
      </section>

      <div className="two-col">
        <section aria-labelledby="for-experts" className="card">
          <h2 id="for-experts">{t("landing.experts.title")}</h2>
          <p>{t("landing.experts.body")}</p>
        </section>
        <section aria-labelledby="for-institutions" className="card">
          <h2 id="for-institutions">{t("landing.institutions.title")}</h2>
          <p>{t("landing.institutions.body")}</p>
        </section>
      </div>

      {/* SLOT: live network numbers (networkStats) — not in the API yet; no numbers are invented. */}
      <section aria-labelledby="stats" className="card stats-slot" data-slot="network-stats">
        <h2 id="stats">{t("landing.stats.title")}</h2>
        <p className="meta">{t("landing.stats.pending")}</p>
      </section>
    </>
  );
}
