// An expert's profile as others see it. Used by the public page (/experts/:id) and by the
// editor's "see my profile as…" preview, which applies the visibility rules itself.
import type { ProfileViewFragment } from "../graphql/generated/graphql";
import { displayName, formatDate, useI18n } from "../i18n";

export type Viewer = "public" | "member" | "server";

export function ExpertProfileView(props: { profile: ProfileViewFragment; viewer: Viewer; headingLevel?: 1 | 2 }) {
  const { t, lang } = useI18n();
  const p = props.profile;
  const H = props.headingLevel === 2 ? "h2" : "h1";
  const Sub = props.headingLevel === 2 ? "h3" : "h2";

  if (props.viewer !== "server") {
    if (p.visibility === "HIDDEN")
      return <p className="notice notice-warning">{t("profile.preview.hidden")}</p>;
    if (p.visibility === "MEMBERS" && props.viewer === "public")
      return <p className="notice notice-warning">{t("profile.preview.membersOnly")}</p>;
  }
  const contact = props.viewer === "server" ? p.contactEmail : null;
  const region = (c: string) => displayName(lang, "region", c);

  return (
    <article className="profile" aria-labelledby="profile-name">
      <header className="profile-head">
        <H id="profile-name">{p.displayName}</H>
        <p className="profile-headline">{p.headline}</p>
        <p className="meta">
          {p.residenceCountry &&
            t("expert.residence", {
              place: p.residenceCity ? `${p.residenceCity}, ${region(p.residenceCountry)}` : region(p.residenceCountry),
            })}
          {p.residenceCountry && p.originCountries.length > 0 && " · "}
          {p.originCountries.length > 0 && t("expert.origin", { countries: p.originCountries.map(region).join(", ") })}
        </p>
        <p className="meta">
          {p.verified && <span className="chip chip-ok">{t("expert.verified")}</span>}{" "}
          {p.lastActiveAt
            ? t("expert.lastActive", { date: formatDate(lang, p.lastActiveAt) })
            : t("expert.lastActiveNever")}
        </p>
      </header>

      {p.bio && (
        <section>
          <Sub>{t("expert.bio")}</Sub>
          <p className="bio">{p.bio}</p>
        </section>
      )}

      <section>
        <Sub>{t("expert.skills")}</Sub>
        {p.skills.length === 0 ? (
          <p>{t("expert.noSkills")}</p>
        ) : (
          <ul className="skill-list">
            {p.skills.map((s) => (
              <li key={s.skill.id}>
                <span className="skill-label">{s.skill.label}</span>{" "}
                <span className="meta">
                  {t("expert.level", { n: s.level })}
                  {s.years != null && <> · {t("expert.years", { n: s.years })}</>}
                  {!s.skill.inTaxonomy && <> · {t("profile.skill.free")}</>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.languages.length > 0 && (
        <section>
          <Sub>{t("expert.languages")}</Sub>
          <ul className="inline-list">
            {p.languages.map((l) => (
              <li key={l.code}>
                {displayName(lang, "language", l.code)} ({t(`level.${l.level}`)})
              </li>
            ))}
          </ul>
        </section>
      )}

      <section>
        <Sub>{t("expert.availability")}</Sub>
        <dl className="facts">
          {p.hoursPerMonth != null && (
            <>
              <dt>{t("expert.hoursLabel")}</dt>
              <dd>{t("expert.hours", { n: p.hoursPerMonth })}</dd>
            </>
          )}
          {p.engagementTypes.length > 0 && (
            <>
              <dt>{t("expert.engagementTypes")}</dt>
              <dd>{p.engagementTypes.map((e) => t(`engagement.${e}`)).join(", ")}</dd>
            </>
          )}
          {p.workModes.length > 0 && (
            <>
              <dt>{t("expert.workModes")}</dt>
              <dd>{p.workModes.map((m) => t(`workMode.${m}`)).join(", ")}</dd>
            </>
          )}
          {p.orcid && (
            <>
              <dt>ORCID</dt>
              <dd>
                <a href={`https://orcid.org/${p.orcid}`} rel="noopener noreferrer">
                  {p.orcid}
                </a>
              </dd>
            </>
          )}
          <dt>{t("profile.contact")}</dt>
          <dd>{contact ? <a href={`mailto:${contact}`}>{contact}</a> : <span className="meta">{t("profile.contactHidden")}</span>}</dd>
        </dl>
      </section>
    </article>
  );
}
