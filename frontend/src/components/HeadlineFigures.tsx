// The network's five headline figures (networkStats) as terms and numbers: on the landing
// page and on /insight.
import type { NetworkHeadlineFragment } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";

/** The five headline figures as a list of terms and numbers (also used on the landing page). */
export function HeadlineFigures(props: { stats: NetworkHeadlineFragment }) {
  const { t, lang } = useI18n();
  const nf = new Intl.NumberFormat(lang);
  const s = props.stats;
  const items: [string, number][] = [
    ["insight.figure.experts", s.experts],
    ["insight.figure.institutions", s.institutions],
    ["insight.figure.openRequests", s.openRequests],
    ["insight.figure.engagementsCompleted", s.engagementsCompleted],
    ["insight.figure.hoursGiven", s.hoursGiven],
  ];
  return (
    <dl className="figures">
      {items.map(([key, n]) => (
        <div key={key} className="figure">
          <dt>{t(key)}</dt>
          <dd>{nf.format(n)}</dd>
        </div>
      ))}
    </dl>
  );
}
