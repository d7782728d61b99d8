// ESCO skill autocomplete, following the WAI-ARIA combobox pattern (list autocomplete,
// no automatic selection): type → suggestions after a short pause; ↓/↑ move through them
// (aria-activedescendant), Enter picks one, Escape closes the list (or clears the box), Tab
// leaves. The last option always adds the typed words as a free-text skill.
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../i18n";

export interface SkillOption {
  id?: string;
  label: string;
  inTaxonomy: boolean;
  altLabels?: string[];
}

export function SkillCombobox(props: {
  inputId: string;
  label: string;
  hint?: string;
  search: (query: string) => Promise<SkillOption[]>;
  onSelect: (option: SkillOption) => void;
  debounceMs?: number;
  minChars?: number;
}) {
  const { t } = useI18n();
  const listId = useId();
  const hintId = `${props.inputId}-hint`;
  const [text, setText] = useState("");
  const [results, setResults] = useState<SkillOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const debounce = props.debounceMs ?? 250;
  const minChars = props.minChars ?? 2;
  const searchRef = useRef(props.search);
  searchRef.current = props.search;

  const query = text.trim();
  // The free-text choice appears once the suggestions are in, so that a quick ↓ + Enter
  // never picks it by accident while the taxonomy is still being searched.
  const options: SkillOption[] = query && !loading ? [...results, { label: query, inTaxonomy: false }] : [];

  useEffect(() => {
    if (query.length < minChars) {
      seq.current++;
      setResults([]);
      setLoading(false);
      return;
    }
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      searchRef.current(query).then(
        (r) => {
          if (mine !== seq.current) return;
          setResults(r);
          setLoading(false);
        },
        () => {
          if (mine !== seq.current) return;
          setResults([]);
          setLoading(false);
        },
      );
    }, debounce);
    return () => clearTimeout(timer);
  }, [query, debounce, minChars]);

  function choose(o: SkillOption) {
    props.onSelect(o);
    setText("");
    setResults([]);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    const n = options.length;
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (n === 0) return;
        setOpen(true);
        setActive((a) => (!open ? 0 : (a + 1) % n));
        break;
      case "ArrowUp":
        e.preventDefault();
        if (n === 0) return;
        setOpen(true);
        setActive((a) => (!open || a <= 0 ? n - 1 : a - 1));
        break;
      case "Enter":
        if (open && active >= 0 && active < n) {
          e.preventDefault();
          choose(options[active]);
        } else if (query) {
          // Never submit the surrounding form from the skill box.
          e.preventDefault();
          setOpen(true);
        }
        break;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText("");
        }
        break;
      case "Tab":
        setOpen(false);
        setActive(-1);
        break;
    }
  }

  const expanded = open && options.length > 0;
  const activeId = expanded && active >= 0 ? `${listId}-opt-${active}` : undefined;
  const status = loading
    ? t("skill.loading")
    : query.length >= minChars
      ? results.length === 0
        ? t("skill.noResults")
        : t("skill.resultsCount", { count: results.length })
      : "";

  return (
    <div className="combobox">
      <label htmlFor={props.inputId} className="label">
        {props.label}
      </label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        id={props.inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={props.hint ? hintId : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <ul id={listId} role="listbox" aria-label={props.label} className="combobox-list" hidden={!expanded}>
        {expanded &&
          options.map((o, i) => (
            <li
              key={o.id ?? `free:${o.label}`}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "option active" : "option"}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o)}
            >
              {o.inTaxonomy ? (
                <>
                  <span>{o.label}</span>
                  {o.altLabels && o.altLabels.length > 0 && (
                    <span className="option-alt"> · {o.altLabels.slice(0, 2).join(", ")}</span>
                  )}
                </>
              ) : (
                <span className="option-free">{t("skill.useFreeText", { text: o.label })}</span>
              )}
            </li>
          ))}
      </ul>
      <div className="visually-hidden" aria-live="polite">
        {open ? status : ""}
      </div>
    </div>
  );
}
