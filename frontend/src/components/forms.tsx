// GOV.UK-style form parts: an error summary at the top that links to each field, labels
// above fields, hints under labels, the error beside the field.
import { useEffect, useRef, type ReactNode } from "react";
import { fieldDomId } from "../lib/errors";
import { useI18n } from "../i18n";

export type FieldErrors = Record<string, string>;

export function ErrorSummary(props: {
  errors: FieldErrors;
  general?: string | null;
  labels: Record<string, string>;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(props.errors);
  const has = entries.length > 0 || !!props.general;
  const signature = JSON.stringify([props.errors, props.general]);
  useEffect(() => {
    if (has) ref.current?.focus();
  }, [has, signature]);
  if (!has) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      {props.general && <p>{props.general}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([path, msg]) => (
            <li key={path}>
              <a
                href={`#${fieldDomId(path)}`}
                onClick={(e) => {
                  const el = findField(path);
                  if (el) {
                    e.preventDefault();
                    el.focus();
                    el.scrollIntoView({ block: "center" });
                  }
                }}
              >
                {props.labels[path] ? `${props.labels[path]}: ${msg}` : msg}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The control for an error path: its own id, else the first control inside it (a row). */
export function findField(path: string): HTMLElement | null {
  const id = fieldDomId(path);
  return (
    document.getElementById(id) ??
    document.querySelector<HTMLElement>(
      ["input", "select", "textarea", "button"].map((tag) => `${tag}[id^="${id}-"]`).join(","),
    )
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
}

function describedBy(name: string, hint?: string, error?: string) {
  const ids = [hint ? `${fieldDomId(name)}-hint` : "", error ? `${fieldDomId(name)}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldShell(props: FieldProps & { children: ReactNode; labelFor?: boolean }) {
  const { t } = useI18n();
  const id = fieldDomId(props.name);
  return (
    <div className={props.error ? "field field-error-state" : "field"}>
      <label htmlFor={id} className="label">
        {props.label}
        {props.optional && <span className="optional"> {t("common.optional")}</span>}
      </label>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t("form.errorPrefix")} </span>
          {props.error}
        </p>
      )}
      {props.children}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (v: string) => void;
    type?: string;
    autoComplete?: string;
    multiline?: boolean;
    maxLength?: number;
    inputMode?: "numeric" | "email" | "text";
  },
) {
  const id = fieldDomId(props.name);
  const common = {
    id,
    name: props.name,
    value: props.value,
    "aria-describedby": describedBy(props.name, props.hint, props.error),
    "aria-invalid": props.error ? true : undefined,
    maxLength: props.maxLength,
  };
  return (
    <FieldShell {...props}>
      {props.multiline ? (
        <textarea {...common} rows={6} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & {
    value: string;
    onChange: (v: string) => void;
    options: { value: string; label: string }[];
    placeholder?: string;
  },
) {
  return (
    <FieldShell {...props}>
      <select
        id={fieldDomId(props.name)}
        name={props.name}
        value={props.value}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.placeholder != null && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A group of checkboxes or radios in a fieldset; the first input carries the field id. */
export function ChoiceGroup(
  props: FieldProps & {
    type: "checkbox" | "radio";
    options: { value: string; label: string; hint?: string }[];
    selected: string[];
    onChange: (values: string[]) => void;
  },
) {
  const { t } = useI18n();
  const id = fieldDomId(props.name);
  return (
    <fieldset
      className={props.error ? "field field-error-state" : "field"}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
    >
      <legend className="label">
        {props.label}
        {props.optional && <span className="optional"> {t("common.optional")}</span>}
      </legend>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{t("form.errorPrefix")} </span>
          {props.error}
        </p>
      )}
      <div className="choices">
        {props.options.map((o, i) => {
          const optId = i === 0 ? id : `${id}-${o.value}`;
          const checked = props.selected.includes(o.value);
          return (
            <div className="choice" key={o.value}>
              <input
                type={props.type}
                id={optId}
                name={props.name}
                value={o.value}
                checked={checked}
                aria-describedby={o.hint ? `${optId}-hint` : undefined}
                onChange={(e) => {
                  if (props.type === "radio") props.onChange([o.value]);
                  else
                    props.onChange(
                      e.target.checked ? [...props.selected, o.value] : props.selected.filter((v) => v !== o.value),
                    );
                }}
              />
              <label htmlFor={optId}>{o.label}</label>
              {o.hint && (
                <p className="hint choice-hint" id={`${optId}-hint`}>
                  {o.hint}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Shows a success or information message that screen readers announce. */
export function Notice(props: { kind?: "success" | "info" | "warning"; children: ReactNode }) {
  return (
    <div className={`notice notice-${props.kind ?? "info"}`} role="status">
      {props.children}
    </div>
  );
}
