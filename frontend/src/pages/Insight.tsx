// /insight — the network in numbers (networkStats, public aggregates): headline figures, where
// experts live and where they come from, the skills institutions ask for against the experts
// who offer them, engagements and hours month by month (the period in the URL, `?months=24`).
// Each chart has a table with the same numbers behind a toggle. Chart.js is imported here only,
// so it loads with this page and not before.
import { useSearchParams } from "react-router";
import { NetworkInsightDocument, type NetworkInsightQuery } from "../graphql/generated/graphql";
import { displayName, useI18n } from "../i18n";
import { useQuery } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { PERIODS, formatMonth, parsePeriod } from "../lib/months";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { BarChart } from "../components/BarChart";
import { HeadlineFigures } from "../components/HeadlineFigures";
import { TimeChart } from "../components/TimeChart";

const CHART_TOP = 12;
const COLORS = { experts: "#0b5c4a", origin: "#0b4fa3", demand: "#b00020", supply: "#0b5c4a", started: "#0b4fa3", completed: "#0b5c4a", hours: "#8a4b00" };

export default function Insight() {
  const { t, lang } = useI18n();
  useTitle(t("insight.title"));
  const [params, setParams] = useSearchParams();
  const months = parsePeriod(params.get("months"));
  const q = useQuery(NetworkInsightDocument, { lang, gaps: 20, months });
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
        <div className="field">
          <label className="label" htmlFor="period">
            {t("insight.period")}
          </label>
          <select
            id="period"
            className="input-short"
            value={months}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set("months", e.target.value);
              setParams(next, { replace: true });
            }}
          >
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t("insight.periodMonths", { n })}
              </option>
            ))}
          </select>
        </div>
        <ActivityChart rows={s.activity} rtl={rtl} />
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

type Month = NetworkInsightQuery["networkStats"]["activity"][number];

function ActivityChart(p: { rows: Month[]; rtl: boolean }) {
  const { t, lang } = useI18n();
  const nf = new Intl.NumberFormat(lang);
  if (p.rows.every((r) => r.engagementsStarted === 0 && r.engagementsCompleted === 0)) return <p>{t("insight.work.none")}</p>;
  const title = t("insight.work.chartTitle");
  return (
    <>
      <TimeChart
        label={t("insight.timeChartLabel", { title })}
        labels={p.rows.map((r) => formatMonth(lang, r.month))}
        bars={[
          { label: t("insight.work.started"), data: p.rows.map((r) => r.engagementsStarted), color: COLORS.started },
          { label: t("insight.work.completed"), data: p.rows.map((r) => r.engagementsCompleted), color: COLORS.completed },
        ]}
        line={{ label: t("insight.work.hours"), axis: t("insight.work.hoursAxis"), data: p.rows.map((r) => r.hoursGiven), color: COLORS.hours }}
        rtl={p.rtl}
        locale={lang}
      />
      <details className="data-table">
        <summary>{t("insight.showTable")}</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("insight.work.month")}</th>
              <th scope="col">{t("insight.work.started")}</th>
              <th scope="col">{t("insight.work.completed")}</th>
              <th scope="col">{t("insight.work.hours")}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.month}>
                <th scope="row">{formatMonth(lang, r.month, "long")}</th>
                <td>{nf.format(r.engagementsStarted)}</td>
                <td>{nf.format(r.engagementsCompleted)}</td>
                <td>{nf.format(r.hoursGiven)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
