import { Link } from "react-router";
import { useI18n } from "../i18n";
import { useQuery, useSession } from "../lib/api";
import { NetworkNumbersDocument } from "../graphql/generated/graphql";
import { HeadlineFigures } from "../components/HeadlineFigures";
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

      <section aria-labelledby="stats" className="card">
        <h2 id="stats">{t("landing.stats.title")}</h2>
        <LiveNumbers />
      </section>
    </>
  );
}

/** The network's live figures, linked to the insight dashboard; nothing is shown until they
 * arrive (no invented numbers), and a failure only says they are unavailable. */
function LiveNumbers() {
  const { t } = useI18n();
  const q = useQuery(NetworkNumbersDocument, {});
  if (q.error) return <p className="meta">{t("landing.stats.unavailable")}</p>;
  if (!q.data)
    return (
      <div className="skeleton" aria-hidden="true">
        <div className="skeleton-line short" />
      </div>
    );
  return (
    <>
      <HeadlineFigures stats={q.data.networkStats} />
      <p>
        <Link to="/insight">{t("landing.stats.more")}</Link>
      </p>
    </>
  );
}
