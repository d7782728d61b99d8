// The form an institution fills in to ask for help (RequestInput): what kind of help, a
// title, the description, the skills (ESCO autocomplete or own wording, each with a minimum
// level and whether it is required), working languages, ways of working, hours and dates.
// Checks run before sending (lib/requestForm.ts); the server's field errors land beside the
// fields too. Nothing typed is lost on an error.
import { useMemo, useState } from "react";
import { SkillsDocument, type WorkMode } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useApi } from "../lib/api";
import { LANGUAGE_CODES, sortedOptions } from "../lib/codes";
import { fieldDomId } from "../lib/errors";
import { REQUEST_KINDS, WORK_MODES, addSkillNeed, validateRequestForm, type RequestFormState } from "../lib/requestForm";
import { useFormErrors } from "../lib/useForm";
import { ChoiceGroup, ErrorSummary, SelectField, TextField } from "./forms";
import { SkillCombobox } from "./SkillCombobox";

export function RequestForm(props: {
  initial: RequestFormState;
  submitLabel: string;
  /** Sends the form; a thrown API error is shown at the fields it names. */
  onSubmit: (form: RequestFormState) => Promise<unknown>;
}) {
  const { t, lang } = useI18n();
  const { client } = useApi();
  const [f, setF] = useState<RequestFormState>(props.initial);
  const set = <K extends keyof RequestFormState>(k: K, v: RequestFormState[K]) => setF((o) => ({ ...o, [k]: v }));
  const languages = useMemo(() => sortedOptions(lang, "language", LANGUAGE_CODES), [lang]);

  const known = useMemo(() => {
    const k = ["kind", "title", "description", "skills", "languages", "workModes", "hoursPerMonth", "startsOn", "endsOn"];
    f.skills.forEach((_, i) => k.push(`skills.${i}`, `skills.${i}.minLevel`));
    f.languages.forEach((_, i) => k.push(`languages.${i}`));
    return k;
  }, [f.skills, f.languages]);
  const errors = useFormErrors(t, known);
  const fe = errors.fields;

  const labels: Record<string, string> = {
    kind: t("request.field.kind"),
    title: t("request.field.title"),
    description: t("request.field.description"),
    skills: t("request.field.skills"),
    languages: t("request.field.languages"),
    workModes: t("request.field.workModes"),
    hoursPerMonth: t("request.field.hoursPerMonth"),
    startsOn: t("request.field.startsOn"),
    endsOn: t("request.field.endsOn"),
  };
  f.skills.forEach((s, i) => {
    labels[`skills.${i}`] = s.label;
    labels[`skills.${i}.minLevel`] = `${s.label}: ${t("request.skill.minLevel")}`;
  });
  f.languages.forEach((_, i) => (labels[`languages.${i}`] = t("profile.languageN", { n: i + 1 })));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    await errors.run(() => props.onSubmit(f), validateRequestForm(f, t));
  }

  return (
    <>
      <ErrorSummary errors={fe} general={errors.general} labels={labels} />
      <form onSubmit={submit} noValidate className="form">
        <SelectField name="kind" label={labels.kind} value={f.kind} onChange={(v) => set("kind", v as RequestFormState["kind"])} placeholder={t("request.chooseKind")} options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requestKind.${k}`) }))} error={fe.kind} />
        <TextField name="title" label={labels.title} hint={t("request.field.titleHint")} value={f.title} onChange={(v) => set("title", v)} error={fe.title} maxLength={200} />
        <TextField name="description" label={labels.description} hint={t("request.field.descriptionHint")} multiline value={f.description} onChange={(v) => set("description", v)} error={fe.description} maxLength={10000} />

        <fieldset className={fe.skills ? "field field-error-state" : "field"}>
          <legend className="label">{labels.skills}</legend>
          {fe.skills && (
            <p className="error-message" id={`${fieldDomId("skills")}-error`}>
              <span className="visually-hidden">{t("form.errorPrefix")} </span>
              {fe.skills}
            </p>
          )}
          {f.skills.length > 0 && (
            <ul className="skill-rows">
              {f.skills.map((s, i) => (
                <li key={s.skillId ?? `free:${s.label}`} className="skill-row">
                  <p className="skill-name">
                    <strong>{s.label}</strong> <span className="chip">{s.inTaxonomy ? "ESCO" : t("profile.skill.free")}</span>
                  </p>
                  {fe[`skills.${i}`] && <p className="error-message">{fe[`skills.${i}`]}</p>}
                  <div className="row">
                    <SelectField
                      name={`skills.${i}.minLevel`}
                      label={t("request.skill.minLevel")}
                      value={String(s.minLevel)}
                      onChange={(v) => set("skills", f.skills.map((x, j) => (j === i ? { ...x, minLevel: Number(v) } : x)))}
                      options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`skillLevel.${n}`) }))}
                      error={fe[`skills.${i}.minLevel`]}
                    />
                    <div className="choice inline-choice">
                      <input
                        type="checkbox"
                        id={fieldDomId(`skills.${i}.required`)}
                        checked={s.required}
                        onChange={(e) => set("skills", f.skills.map((x, j) => (j === i ? { ...x, required: e.target.checked } : x)))}
                      />
                      <label htmlFor={fieldDomId(`skills.${i}.required`)}>
                        {t("request.skill.required")} <span className="visually-hidden">{s.label}</span>
                      </label>
                    </div>
                    <button type="button" className="button button-secondary small" onClick={() => set("skills", f.skills.filter((_, j) => j !== i))}>
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
            hint={t("request.field.skillsHint")}
            onSelect={(o) => set("skills", addSkillNeed(f.skills, o))}
            search={(query) =>
              client.request(SkillsDocument, { query, lang, first: 8 }).then((r) => r.skills.map((s) => ({ id: s.id, label: s.label, inTaxonomy: s.inTaxonomy, altLabels: s.altLabels })))
            }
          />
        </fieldset>

        <fieldset className={fe.languages ? "field field-error-state" : "field"}>
          <legend className="label">
            {labels.languages} <span className="optional">{t("common.optional")}</span>
          </legend>
          <p className="hint">{t("request.field.languagesHint")}</p>
          {fe.languages && <p className="error-message">{fe.languages}</p>}
          {f.languages.map((l, i) => (
            <div className="row" key={i}>
              <SelectField
                name={`languages.${i}`}
                label={labels[`languages.${i}`]}
                value={l}
                onChange={(v) => set("languages", f.languages.map((x, j) => (j === i ? v : x)))}
                options={languages}
                placeholder={t("profile.chooseLanguage")}
                error={fe[`languages.${i}`]}
              />
              <button type="button" className="button button-secondary small" onClick={() => set("languages", f.languages.filter((_, j) => j !== i))}>
                {t("common.remove")} <span className="visually-hidden">{labels[`languages.${i}`]}</span>
              </button>
            </div>
          ))}
          {f.languages.length < 20 && (
            <button type="button" id={fieldDomId("languages")} className="button button-secondary" onClick={() => set("languages", [...f.languages, ""])}>
              {t("profile.addLanguage")}
            </button>
          )}
        </fieldset>

        <ChoiceGroup type="checkbox" name="workModes" label={labels.workModes} hint={t("request.field.workModesHint")} optional selected={f.workModes} onChange={(v) => set("workModes", v as WorkMode[])} options={WORK_MODES.map((m) => ({ value: m, label: t(`requestMode.${m}`) }))} error={fe.workModes} />
        <TextField name="hoursPerMonth" label={labels.hoursPerMonth} hint={t("request.field.hoursPerMonthHint")} optional inputMode="numeric" value={f.hoursPerMonth} onChange={(v) => set("hoursPerMonth", v)} error={fe.hoursPerMonth} />
        <div className="row">
          <TextField name="startsOn" type="date" label={labels.startsOn} optional value={f.startsOn} onChange={(v) => set("startsOn", v)} error={fe.startsOn} />
          <TextField name="endsOn" type="date" label={labels.endsOn} optional value={f.endsOn} onChange={(v) => set("endsOn", v)} error={fe.endsOn} />
        </div>
        <button type="submit" className="button" disabled={errors.busy}>
          {props.submitLabel}
        </button>
      </form>
    </>
  );
}
