import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import {
  MyProfileDocument,
  SaveExpertProfileDocument,
  SkillsDocument,
  type EngagementType,
  type LanguageLevel,
  type ProfileViewFragment,
  type Visibility,
  type WorkMode,
} from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi, useQuery } from "../lib/api";
import { COUNTRY_CODES, LANGUAGE_CODES, sortedOptions } from "../lib/codes";
import { errorMessage, fieldDomId } from "../lib/errors";
import { useFormErrors } from "../lib/useForm";
import { useTitle } from "../lib/useTitle";
import { ErrorBox, Loading } from "../components/Layout";
import { ChoiceGroup, ErrorSummary, FieldShell, Notice, SelectField, TextField } from "../components/forms";
import { SkillCombobox, type SkillOption } from "../components/SkillCombobox";
import { ExpertProfileView, type Viewer } from "../components/ExpertProfileView";

const ENGAGEMENTS: EngagementType[] = ["MENTORING", "LECTURING", "JOINT_RESEARCH", "SUPERVISION", "CONSULTING", "TRAINING", "INVESTMENT", "INTERNSHIP_HOSTING"];
const WORK_MODES: WorkMode[] = ["REMOTE", "SHORT_VISIT", "LONG_STAY", "RETURN"];
const LEVELS: LanguageLevel[] = ["BASIC", "CONVERSATIONAL", "FLUENT", "NATIVE"];
const VISIBILITIES: Visibility[] = ["PUBLIC", "MEMBERS", "HIDDEN"];

interface SkillRow {
  skillId?: string;
  label: string;
  inTaxonomy: boolean;
  level: number;
  years: string;
}
interface FormState {
  headline: string;
  bio: string;
  residenceCountry: string;
  residenceCity: string;
  originCountries: string[];
  languages: { code: string; level: LanguageLevel }[];
  skills: SkillRow[];
  engagementTypes: EngagementType[];
  workModes: WorkMode[];
  hoursPerMonth: string;
  orcid: string;
  visibility: Visibility;
}

function fromProfile(p: ProfileViewFragment | null | undefined): FormState {
  return {
    headline: p?.headline ?? "",
    bio: p?.bio ?? "",
    residenceCountry: p?.residenceCountry ?? "",
    residenceCity: p?.residenceCity ?? "",
    originCountries: p?.originCountries ?? [],
    languages: p?.languages.map((l) => ({ code: l.code, level: l.level })) ?? [],
    skills:
      p?.skills.map((s) => ({
        skillId: s.skill.id,
        label: s.skill.label,
        inTaxonomy: s.skill.inTaxonomy,
        level: s.level,
        years: s.years == null ? "" : String(s.years),
      })) ?? [],
    engagementTypes: p?.engagementTypes ?? [],
    workModes: p?.workModes ?? [],
    hoursPerMonth: p?.hoursPerMonth == null ? "" : String(p.hoursPerMonth),
    orcid: p?.orcid ?? "",
    visibility: p?.visibility ?? "MEMBERS",
  };
}

const intOrNull = (s: string) => (s.trim() === "" ? null : Number.parseInt(s, 10));

export default function ProfileEditor() {
  const { t, lang } = useI18n();
  const { client } = useApi();
  useTitle(t("profile.edit.title"));
  const q = useQuery(MyProfileDocument, { lang });
  const [form, setForm] = useState<FormState | null>(null);
  const [saved, setSaved] = useState<ProfileViewFragment | null>(null);
  const [viewer, setViewer] = useState<Viewer>("public");

  useEffect(() => {
    if (q.data && !form) setForm(fromProfile(q.data.me?.expertProfile));
  }, [q.data, form]);

  const countries = useMemo(() => sortedOptions(lang, "region", COUNTRY_CODES), [lang]);
  const languages = useMemo(() => sortedOptions(lang, "language", LANGUAGE_CODES), [lang]);

  const known = useMemo(() => {
    const k = ["headline", "bio", "residenceCountry", "residenceCity", "originCountries", "languages", "skills", "engagementTypes", "workModes", "hoursPerMonth", "orcid", "visibility"];
    form?.skills.forEach((_, i) => k.push(`skills.${i}`, `skills.${i}.level`, `skills.${i}.years`));
    form?.languages.forEach((_, i) => k.push(`languages.${i}`, `languages.${i}.code`));
    form?.originCountries.forEach((_, i) => k.push(`originCountries.${i}`));
    return k;
  }, [form]);
  const errors = useFormErrors(t, known);

  if (q.error) return <ErrorBox message={errorMessage(t, q.error)} />;
  if (!form || !q.data?.me) return <Loading />;
  const me = q.data.me;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));
  const fe = errors.fields;

  const labels: Record<string, string> = {
    headline: t("profile.field.headline"),
    bio: t("profile.field.bio"),
    residenceCountry: t("profile.field.residenceCountry"),
    residenceCity: t("profile.field.residenceCity"),
    originCountries: t("profile.field.originCountries"),
    languages: t("profile.field.languages"),
    skills: t("profile.field.skills"),
    engagementTypes: t("profile.field.engagementTypes"),
    workModes: t("profile.field.workModes"),
    hoursPerMonth: t("profile.field.hoursPerMonth"),
    orcid: t("profile.field.orcid"),
    visibility: t("profile.field.visibility"),
  };
  for (const k of known) if (!labels[k]) labels[k] = labels[k.split(".")[0]] + ` (${Number(k.split(".")[1]) + 1})`;

  function addSkill(o: SkillOption) {
    setForm((f) => {
      if (!f) return f;
      const dup = f.skills.some((s) => (o.id && s.skillId === o.id) || (!o.id && !s.inTaxonomy && s.label.toLowerCase() === o.label.toLowerCase()));
      if (dup) return f;
      return { ...f, skills: [...f.skills, { skillId: o.id, label: o.label, inTaxonomy: o.inTaxonomy, level: 3, years: "" }] };
    });
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!form) return;
    const local: Record<string, string> = {};
    if (!form.headline.trim()) local.headline = t("validation.required");
    if (!form.residenceCountry) local.residenceCountry = t("validation.chooseCountry");
    form.languages.forEach((l, i) => {
      if (!l.code) local[`languages.${i}`] = t("validation.chooseLanguage");
    });
    form.originCountries.forEach((c, i) => {
      if (!c) local[`originCountries.${i}`] = t("validation.chooseCountry");
    });
    if (form.hoursPerMonth && !/^\d+$/.test(form.hoursPerMonth.trim())) local.hoursPerMonth = t("validation.number");
    form.skills.forEach((s, i) => {
      if (s.years && !/^\d+$/.test(s.years.trim())) local[`skills.${i}.years`] = t("validation.number");
    });
    setSaved(null);
    const res = await errors.run(
      () =>
        client.request(SaveExpertProfileDocument, {
          lang,
          input: {
            headline: form.headline.trim(),
            bio: form.bio,
            residenceCountry: form.residenceCountry,
            residenceCity: form.residenceCity.trim() || null,
            originCountries: form.originCountries,
            languages: form.languages,
            skills: form.skills.map((s) => ({
              ...(s.inTaxonomy && s.skillId ? { skillId: s.skillId } : { label: s.label }),
              level: s.level,
              years: intOrNull(s.years),
            })),
            engagementTypes: form.engagementTypes,
            workModes: form.workModes,
            hoursPerMonth: intOrNull(form.hoursPerMonth),
            orcid: form.orcid.trim() || null,
            visibility: form.visibility,
          },
        }),
      local,
    );
    if (res) setSaved(res.saveExpertProfile);
  }

  const existing = saved ?? me.expertProfile;
  const preview: ProfileViewFragment = {
    id: existing?.id ?? "preview",
    displayName: me.displayName,
    headline: form.headline,
    bio: form.bio,
    residenceCountry: form.residenceCountry,
    residenceCity: form.residenceCity || null,
    originCountries: form.originCountries.filter(Boolean),
    languages: form.languages.filter((l) => l.code),
    skills: form.skills.map((s, i) => ({
      skill: { id: s.skillId ?? `free-${i}`, label: s.label, inTaxonomy: s.inTaxonomy },
      level: s.level,
      years: intOrNull(s.years),
    })),
    engagementTypes: form.engagementTypes,
    workModes: form.workModes,
    hoursPerMonth: intOrNull(form.hoursPerMonth),
    orcid: form.orcid || null,
    visibility: form.visibility,
    verified: existing?.verified ?? false,
    contactEmail: null,
    updatedAt: existing?.updatedAt ?? new Date().toISOString(),
    lastActiveAt: existing?.lastActiveAt ?? null,
  };

  return (
    <>
      <h1>{t("profile.edit.title")}</h1>
      <p>{t("profile.edit.intro")}</p>
      {saved && (
        <Notice kind="success">
          {t("profile.saved")} <Link to={`/experts/${saved.id}`}>{t("dashboard.profile.view")}</Link>
        </Notice>
      )}
      <ErrorSummary errors={fe} general={errors.general} labels={labels} />
      <form onSubmit={save} noValidate className="form">
        <TextField name="headline" label={labels.headline} hint={t("profile.field.headlineHint")} value={form.headline} onChange={(v) => set("headline", v)} error={fe.headline} maxLength={160} />
        <TextField name="bio" label={labels.bio} hint={t("profile.field.bioHint")} value={form.bio} onChange={(v) => set("bio", v)} error={fe.bio} multiline maxLength={5000} />
        <SelectField name="residenceCountry" label={labels.residenceCountry} value={form.residenceCountry} onChange={(v) => set("residenceCountry", v)} options={countries} placeholder={t("profile.chooseCountry")} error={fe.residenceCountry} />
        <TextField name="residenceCity" label={labels.residenceCity} optional value={form.residenceCity} onChange={(v) => set("residenceCity", v)} error={fe.residenceCity} />

        <fieldset className={fe.originCountries ? "field field-error-state" : "field"}>
          <legend className="label">{labels.originCountries}</legend>
          <p className="hint">{t("profile.field.originCountriesHint")}</p>
          {fe.originCountries && <p className="error-message">{fe.originCountries}</p>}
          {form.originCountries.map((c, i) => (
            <div className="row" key={i}>
              <SelectField
                name={`originCountries.${i}`}
                label={t("profile.originCountryN", { n: i + 1 })}
                value={c}
                onChange={(v) => set("originCountries", form.originCountries.map((x, j) => (j === i ? v : x)))}
                options={countries}
                placeholder={t("profile.chooseCountry")}
                error={fe[`originCountries.${i}`]}
              />
              <button type="button" className="button button-secondary small" onClick={() => set("originCountries", form.originCountries.filter((_, j) => j !== i))}>
                {t("common.remove")} <span className="visually-hidden">{t("profile.originCountryN", { n: i + 1 })}</span>
              </button>
            </div>
          ))}
          {form.originCountries.length < 5 && (
            <button type="button" id={fieldDomId("originCountries")} className="button button-secondary" onClick={() => set("originCountries", [...form.originCountries, ""])}>
              {t("profile.addCountry")}
            </button>
          )}
        </fieldset>

        <fieldset className={fe.languages ? "field field-error-state" : "field"}>
          <legend className="label">{labels.languages}</legend>
          {fe.languages && <p className="error-message">{fe.languages}</p>}
          {form.languages.map((l, i) => (
            <div className="row" key={i}>
              <SelectField
                name={`languages.${i}`}
                label={t("profile.languageN", { n: i + 1 })}
                value={l.code}
                onChange={(v) => set("languages", form.languages.map((x, j) => (j === i ? { ...x, code: v } : x)))}
                options={languages}
                placeholder={t("profile.chooseLanguage")}
                error={fe[`languages.${i}`] ?? fe[`languages.${i}.code`]}
              />
              <SelectField
                name={`languages.${i}.level`}
                label={t("profile.languageLevel")}
                value={l.level}
                onChange={(v) => set("languages", form.languages.map((x, j) => (j === i ? { ...x, level: v as LanguageLevel } : x)))}
                options={LEVELS.map((lv) => ({ value: lv, label: t(`level.${lv}`) }))}
              />
              <button type="button" className="button button-secondary small" onClick={() => set("languages", form.languages.filter((_, j) => j !== i))}>
                {t("common.remove")} <span className="visually-hidden">{t("profile.languageN", { n: i + 1 })}</span>
              </button>
            </div>
          ))}
          <button type="button" id={fieldDomId("languages")} className="button button-secondary" onClick={() => set("languages", [...form.languages, { code: "", level: "FLUENT" }])}>
            {t("profile.addLanguage")}
          </button>
        </fieldset>

        <fieldset className={fe.skills ? "field field-error-state" : "field"}>
          <legend className="label">{labels.skills}</legend>
          {fe.skills && <p className="error-message">{fe.skills}</p>}
          {form.skills.length > 0 && (
            <ul className="skill-rows">
              {form.skills.map((s, i) => (
                <li key={s.skillId ?? `free:${s.label}`} className="skill-row">
                  <p className="skill-name">
                    <strong>{s.label}</strong>{" "}
                    <span className="chip">{s.inTaxonomy ? "ESCO" : t("profile.skill.free")}</span>
                  </p>
                  {fe[`skills.${i}`] && <p className="error-message">{fe[`skills.${i}`]}</p>}
                  <div className="row">
                    <SelectField
                      name={`skills.${i}.level`}
                      label={t("profile.skill.level")}
                      value={String(s.level)}
                      onChange={(v) => set("skills", form.skills.map((x, j) => (j === i ? { ...x, level: Number(v) } : x)))}
                      options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`skillLevel.${n}`) }))}
                      error={fe[`skills.${i}.level`]}
                    />
                    <TextField
                      name={`skills.${i}.years`}
                      label={t("profile.skill.years")}
                      optional
                      inputMode="numeric"
                      value={s.years}
                      onChange={(v) => set("skills", form.skills.map((x, j) => (j === i ? { ...x, years: v } : x)))}
                      error={fe[`skills.${i}.years`]}
                    />
                    <button type="button" className="button button-secondary small" onClick={() => set("skills", form.skills.filter((_, j) => j !== i))}>
                      {t("common.remove")} <span className="visually-hidden">{s.label}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <SkillCombobox
            inputId={fieldDomId("skills")}
            label={t("skill.search")}
            hint={t("profile.field.skillsHint")}
            onSelect={addSkill}
            search={(query) =>
              client.request(SkillsDocument, { query, lang, first: 8 }).then((r) =>
                r.skills.map((s) => ({ id: s.id, label: s.label, inTaxonomy: s.inTaxonomy, altLabels: s.altLabels })),
              )
            }
          />
        </fieldset>

        <ChoiceGroup type="checkbox" name="engagementTypes" label={labels.engagementTypes} optional selected={form.engagementTypes} onChange={(v) => set("engagementTypes", v as EngagementType[])} options={ENGAGEMENTS.map((e) => ({ value: e, label: t(`engagement.${e}`) }))} error={fe.engagementTypes} />
        <ChoiceGroup type="checkbox" name="workModes" label={labels.workModes} optional selected={form.workModes} onChange={(v) => set("workModes", v as WorkMode[])} options={WORK_MODES.map((m) => ({ value: m, label: t(`workMode.${m}`) }))} error={fe.workModes} />
        <TextField name="hoursPerMonth" label={labels.hoursPerMonth} hint={t("profile.field.hoursPerMonthHint")} optional inputMode="numeric" value={form.hoursPerMonth} onChange={(v) => set("hoursPerMonth", v)} error={fe.hoursPerMonth} />
        <TextField name="orcid" label={labels.orcid} hint={t("profile.field.orcidHint")} optional value={form.orcid} onChange={(v) => set("orcid", v)} error={fe.orcid} />
        <ChoiceGroup type="radio" name="visibility" label={labels.visibility} selected={[form.visibility]} onChange={(v) => set("visibility", v[0] as Visibility)} options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`), hint: t(`visibility.${v}.hint`) }))} error={fe.visibility} />

        <button type="submit" className="button" disabled={errors.busy}>
          {t("profile.save")}
        </button>
      </form>

      <section className="preview" aria-labelledby="preview-title">
        <h2 id="preview-title">{t("profile.preview.title")}</h2>
        <p className="hint">{t("profile.preview.hint")}</p>
        <FieldShell name="previewAs" label={t("profile.preview.as")}>
          <select id={fieldDomId("previewAs")} value={viewer} onChange={(e) => setViewer(e.target.value as Viewer)}>
            <option value="public">{t("profile.preview.asPublic")}</option>
            <option value="member">{t("profile.preview.asMember")}</option>
          </select>
        </FieldShell>
        <div className="preview-frame" data-testid="profile-preview">
          <ExpertProfileView profile={preview} viewer={viewer} headingLevel={2} />
        </div>
      </section>
    </>
  );
}
