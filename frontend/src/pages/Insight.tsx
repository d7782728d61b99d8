// /insight — the network in numbers (networkStats, public aggregates): headline figures, where
// experts live and where they come from, the skills institutions ask for against the experts
// who offer them, engagements and hours. Each chart has a table with the same numbers behind a
// toggle. Chart.js is imported here only, so it loads with this page and not before.
import { NetworkInsightDocument } from "../graphql/generated/graphql";
import { displayName, useI18n } from "../i18n";
import { useQuery } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { BarChart } from "../components/BarChart";
import { HeadlineFigures } from "../components/HeadlineFigures";

const CHART_TOP = 12;
const COLORS = { experts: "#0b5c4a", origin: "#0b4fa3", demand: "#b00020", supply: "#0b5c4a" };

export default function Insight() {
  const { t, lang } = useI18n();
  useTitle(t("insight.title"));
  const q = useQuery(NetworkInsightDocument, { lang, gaps: 20 });
  if (q.loading && !q.data) return <Loading />;
  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  const s = q.data!.networkStats;
  const rtl = lang === "ar";
  const nf = new Intl.NumberFormat(lang);

  return (
    <>
      <h1>{t("insight.title")}</h1>
      <p className="lead">{t("insight.intro")}</p>
      <HeadlineFigures stats={s} />

      <section aria-labelledby="by-residence">
        <h2 id="by-residence">{t("insight.residence.title")}</h2>
        <p className="hint">{t("insight.residence.intro")}</p>
        <CountryChart rows={s.expertsByResidence} color={COLORS.experts} label={t("insight.residence.title")} column={t("insight.country")} rtl={rtl} />
      </section>

      <section aria-labelledby="by-origin">
        <h2 id="by-origin">{t("insight.origin.title")}</h2>
        <p className="hint">{t("insight.origin.intro")}</p>
        <CountryChart rows={s.expertsByOrigin} color={COLORS.origin} label={t("insight.origin.title")} column={t("insight.countryOfOrigin")} rtl={rtl} />
      </section>

      <section aria-labelledby="skills-gap">
        <h2 id="skills-gap">{t("insight.gap.title")}</h2>
        <p className="hint">{t("insight.gap.intro")}</p>
        {s.skillGaps.length === 0 ? (
          <p>{t("insight.noData")}</p>
        ) : (
          <>
            <BarChart
              label={t("insight.chartLabel", { title: t("insight.gap.title") })}
              labels={s.skillGaps.slice(0, CHART_TOP).map((g) => g.skill.label)}
              series={[
                { label: t("insight.gap.demand"), data: s.skillGaps.slice(0, CHART_TOP).map((g) => g.demand), color: COLORS.demand },
                { label: t("insight.gap.supply"), data: s.skillGaps.slice(0, CHART_TOP).map((g) => g.supply), color: COLORS.supply },
              ]}
              rtl={rtl}
              locale={lang}
            />
            <details className="data-table">
              <summary>{t("insight.showTable")}</summary>
              <table>
                <caption>{t("insight.gap.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("insight.gap.skill")}</th>
                    <th scope="col">{t("insight.gap.demand")}</th>
                    <th scope="col">{t("insight.gap.supply")}</th>
                    <th scope="col">{t("insight.gap.shortfall")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.skillGaps.map((g) => (
                    <tr key={g.skill.id}>
                      <th scope="row">{g.skill.label}</th>
                      <td>{nf.format(g.demand)}</td>
                      <td>{nf.format(g.supply)}</td>
                      <td>{nf.format(g.demand - g.supply)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="work-done">
        <h2 id="work-done">{t("insight.work.title")}</h2>
        <p>
          {t("insight.work.summary", {
            engagements: nf.format(s.engagementsCompleted),
            hours: nf.format(s.hoursGiven),
            average: s.engagementsCompleted > 0 ? new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(s.hoursGiven / s.engagementsCompleted) : "0",
          })}
        </p>
        <p className="hint">{t("insight.work.overTime")}</p>
      </section>
    </>
  );
}

function CountryChart(p: { rows: { country: string; count: number }[]; color: string; label: string; column: string; rtl: boolean }) {
  const { t, lang } = useI18n();
  const region = (c: string) => displayName(lang, "region", c);
  const nf = new Intl.NumberFormat(lang);
  if (p.rows.length === 0) return <p>{t("insight.noData")}</p>;
  const top = p.rows.slice(0, CHART_TOP);
  return (
    <>
      <BarChart label={t("insight.chartLabel", { title: p.label })} labels={top.map((r) => region(r.country))} series={[{ label: t("insight.experts"), data: top.map((r) => r.count), color: p.color }]} rtl={p.rtl} locale={lang} />
      <details className="data-table">
        <summary>{t("insight.showTable")}</summary>
        <table>
          <caption>{p.label}</caption>
          <thead>
            <tr>
              <th scope="col">{p.column}</th>
              <th scope="col">{t("insight.experts")}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.country}>
                <th scope="row">{region(r.country)}</th>
                <td>{nf.format(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
