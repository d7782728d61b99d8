// One expert in the search results: who, where, and why they matched (explanation chips and
// the server's highlighted snippets, rendered with the <mark>-only renderer).
import type { ReactNode, Ref } from "react";
import { Link } from "react-router";
import type { SearchHitFragment } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";
import { Highlight } from "../lib/highlight";

export function ExpertHitCard(props: { hit: SearchHitFragment; linkRef?: Ref<HTMLAnchorElement>; headingLevel?: 2 | 3; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const { expert: e, explanation: x } = props.hit;
  const region = (c: string) => displayName(lang, "region", c);
  const headingId = `hit-${e.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const H = props.headingLevel === 3 ? "h3" : "h2";
  const place = e.residenceCountry
    ? e.residenceCity
      ? `${e.residenceCity}, ${region(e.residenceCountry)}`
      : region(e.residenceCountry)
    : "";

  return (
    <article className="card hit" aria-labelledby={headingId}>
      <H className="hit-name" id={headingId}>
        <Link to={`/experts/${encodeURIComponent(e.id)}`} ref={props.linkRef}>
          {e.displayName}
        </Link>
      </H>
      {e.headline && <p className="hit-headline">{e.headline}</p>}
      {place && <p className="meta">{t("expert.residence", { place })}</p>}
      {x.highlights.length > 0 && (
        <ul className="hit-highlights" aria-label={t("search.hit.highlights")}>
          {x.highlights.map((h, i) => (
            <li key={i}>
              <Highlight snippet={h} />
            </li>
          ))}
        </ul>
      )}
      <ul className="chips" aria-label={t("search.hit.why")}>
        {e.verified && <li className="chip chip-ok">{t("expert.verified")}</li>}
        {x.matchedSkills.map((s) => (
          <li key={`s-${s.id}`} className="chip chip-ok">
            {t("search.chip.skill", { skill: s.label })}
          </li>
        ))}
        {x.missingSkills.map((s) => (
          <li key={`m-${s.id}`} className="chip chip-missing">
            {t("search.chip.missingSkill", { skill: s.label })}
          </li>
        ))}
        {x.matchedLanguages.map((l) => (
          <li key={`l-${l}`} className="chip chip-ok">
            {t("search.chip.language", { language: displayName(lang, "language", l) })}
          </li>
        ))}
        {e.originCountries.length > 0 && (
          <li className={x.countryMatch ? "chip chip-ok" : "chip"}>
            {t("search.chip.origin", { countries: e.originCountries.map(region).join(", ") })}
          </li>
        )}
        {e.workModes.map((m) => (
          <li key={`w-${m}`} className="chip">
            {t(`search.mode.${m}`)}
          </li>
        ))}
        {e.hoursPerMonth != null && e.hoursPerMonth > 0 && <li className="chip">{t("expert.hours", { n: e.hoursPerMonth })}</li>}
        <li className="chip">
          {e.lastActiveAt ? t("expert.lastActive", { date: formatDate(lang, e.lastActiveAt) }) : t("expert.lastActiveNever")}
        </li>
      </ul>
      {props.children}
    </article>
  );
}

export function HitSkeleton() {
  return (
    <div className="card hit skeleton" aria-hidden="true">
      <div className="skeleton-line short" />
      <div className="skeleton-line" />
      <div className="skeleton-line short" />
    </div>
  );
}
