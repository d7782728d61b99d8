// One request in the request search: title (link), kind, institution and country, the
// server's highlighted snippets (the <mark>-only renderer), and why it is there: the skills,
// languages and country it shares with the expert (or with the query), missing skills shown
// honestly, ways of working, hours and start.
import type { Ref } from "react";
import { Link } from "react-router";
import type { RequestSearchHitFragment } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";
import { Highlight } from "../lib/highlight";

export function RequestSearchHitCard(props: { hit: RequestSearchHitFragment; linkRef?: Ref<HTMLAnchorElement>; signedInExpert: boolean }) {
  const { t, lang } = useI18n();
  const { request: r, explanation: x } = props.hit;
  const headingId = `req-${r.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const country = displayName(lang, "region", r.institution.country);
  return (
    <article className="card hit" aria-labelledby={headingId}>
      <h2 className="hit-name" id={headingId} dir="auto">
        <Link to={`/requests/${encodeURIComponent(r.id)}`} ref={props.linkRef}>
          <bdi>{r.title}</bdi>
        </Link>
      </h2>
      <p className="meta">
        {t(`requestKind.${r.kind}`)} · <bdi>{r.institution.name}</bdi>, {country} · {t("requestSearch.published", { date: formatDate(lang, r.createdAt) })}
      </p>
      {x.highlights.length > 0 && (
        <ul className="hit-highlights" aria-label={t("search.hit.highlights")}>
          {x.highlights.map((h, i) => (
            <li key={i} dir="auto">
              <Highlight snippet={h} />
            </li>
          ))}
        </ul>
      )}
      <ul className="chips" aria-label={t("requestSearch.why")}>
        {x.matchedSkills.map((s) => (
          <li key={`s-${s.id}`} className="chip chip-ok">
            {t("search.chip.skill", { skill: s.label })}
          </li>
        ))}
        {x.missingSkills.map((s) => (
          <li key={`m-${s.id}`} className="chip chip-missing">
            {t(props.signedInExpert ? "requestSearch.chip.youLack" : "search.chip.missingSkill", { skill: s.label })}
          </li>
        ))}
        {x.matchedLanguages.map((l) => (
          <li key={`l-${l}`} className="chip chip-ok">
            {t(props.signedInExpert ? "search.chip.language" : "requestSearch.chip.language", { language: displayName(lang, "language", l) })}
          </li>
        ))}
        {x.countryMatch && props.signedInExpert && <li className="chip chip-ok">{t("dashboard.recommended.country", { country })}</li>}
        {r.workModes.map((m) => (
          <li key={`w-${m}`} className="chip">
            {t(`requestMode.${m}`)}
          </li>
        ))}
        {r.hoursPerMonth != null && <li className="chip">{t("requestSearch.chip.hours", { n: r.hoursPerMonth })}</li>}
        {r.startsOn && <li className="chip">{t("requestSearch.chip.starts", { date: formatDate(lang, r.startsOn) })}</li>}
      </ul>
    </article>
  );
}
