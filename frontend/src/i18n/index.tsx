// A tiny i18n helper: flat JSON message files (src/i18n/{en,fr,es,ar}.json), `{name}`
// placeholders, English as the fallback. English is bundled; the other languages are loaded on
// demand (one small chunk each). The chosen language is remembered in localStorage and sets
// <html lang> and <html dir> (rtl for Arabic).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import en from "./en.json";

export type Lang = "en" | "fr" | "es" | "ar";
export const LANGS: { code: Lang; name: string }[] = [
  { code: "en", name: "English" },
  { code: "fr", name: "Français" },
  { code: "es", name: "Español" },
  { code: "ar", name: "العربية" },
];
export type Messages = Record<string, string>;
export type TFunction = (key: string, vars?: Record<string, string | number>) => string;

const LANG_KEY = "braingain.lang";

export async function loadMessages(lang: Lang): Promise<Messages> {
  switch (lang) {
    case "fr":
      return (await import("./fr.json")).default;
    case "es":
      return (await import("./es.json")).default;
    case "ar":
      return (await import("./ar.json")).default;
    default:
      return en;
  }
}

export function isLang(x: unknown): x is Lang {
  return x === "en" || x === "fr" || x === "es" || x === "ar";
}

/** The stored choice, else the browser's first supported language, else English. */
export function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (isLang(stored)) return stored;
  } catch {
    /* storage may be unavailable */
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    const code = l?.slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return "en";
}

export function translate(messages: Messages, key: string, vars?: Record<string, string | number>): string {
  const template = messages[key] ?? (en as Messages)[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function applyDocumentLang(lang: Lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
}

interface I18nValue {
  lang: Lang;
  t: TFunction;
  setLang: (l: Lang) => Promise<void>;
}
const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider(props: { lang: Lang; messages: Messages; children: ReactNode }) {
  const [state, setState] = useState({ lang: props.lang, messages: props.messages });
  useEffect(() => applyDocumentLang(state.lang), [state.lang]);
  const setLang = useCallback(async (lang: Lang) => {
    const messages = await loadMessages(lang);
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      /* ignore */
    }
    setState({ lang, messages });
  }, []);
  const value = useMemo<I18nValue>(
    () => ({
      lang: state.lang,
      setLang,
      t: (key, vars) => translate(state.messages, key, vars),
    }),
    [state, setLang],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}

/** Country and language names in the UI language, from the browser (Intl.DisplayNames). */
export function displayName(lang: Lang, type: "region" | "language", code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type, fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDate(lang: Lang, iso: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(iso));
  } catch {
    return iso;
  }
}
