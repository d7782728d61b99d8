// What a request asks for: the description and the facts (skills with their minimum level,
// required or a plus; languages; ways of working; hours; dates).
import type { RequestDetailFragment } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";

export function RequestFacts(props: { request: RequestDetailFragment; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  const r = props.request;
  const H = props.headingLevel === 3 ? "h3" : "h2";
  const day = (d: string) => formatDate(lang, `${d}T12:00:00Z`);
  return (
    <>
      <H>{t("request.field.description")}</H>
      <p className="bio" dir="auto">
        {r.description}
      </p>
      <H>{t("request.field.skills")}</H>
      <ul className="skill-list">
        {r.skills.map((s) => (
          <li key={s.skill.id}>
            <span className="skill-label">{s.skill.label}</span> <span className="meta">({t("request.skill.atLeast", { level: t(`skillLevel.${s.minLevel}`) })})</span>{" "}
            <span className={s.required ? "chip chip-required" : "chip"}>{t(s.required ? "request.skill.requiredChip" : "request.skill.plusChip")}</span>
          </li>
        ))}
      </ul>
      <dl className="facts">
        <dt>{t("request.field.kind")}</dt>
        <dd>{t(`requestKind.${r.kind}`)}</dd>
        <dt>{t("request.field.languages")}</dt>
        <dd>{r.languages.length ? r.languages.map((l) => displayName(lang, "language", l)).join(", ") : t("request.any")}</dd>
        <dt>{t("request.field.workModes")}</dt>
        <dd>{r.workModes.length ? r.workModes.map((m) => t(`requestMode.${m}`)).join(", ") : t("request.any")}</dd>
        <dt>{t("request.field.hoursPerMonth")}</dt>
        <dd>{r.hoursPerMonth != null ? t("expert.hours", { n: r.hoursPerMonth }) : t("request.notSaid")}</dd>
        <dt>{t("request.dates")}</dt>
        <dd>
          {r.startsOn || r.endsOn
            ? t("request.dateRange", { start: r.startsOn ? day(r.startsOn) : "…", end: r.endsOn ? day(r.endsOn) : "…" })
            : t("request.notSaid")}
        </dd>
      </dl>
    </>
  );
}
