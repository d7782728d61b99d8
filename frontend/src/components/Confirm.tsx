// A button whose action asks once more before it runs ("Cancel this request" → "Yes,
// cancel it" / "Keep it"), for moves that cannot be undone.
import { useRef, useState } from "react";
import { useI18n } from "../i18n";

export function ConfirmButton(props: { label: string; question: string; confirmLabel: string; onConfirm: () => Promise<void> | void; warning?: boolean; busy?: boolean }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const cls = props.warning ? "button button-warning" : "button";
  if (!asking)
    return (
      <button
        type="button"
        className={props.warning ? "button button-secondary" : "button"}
        disabled={props.busy}
        onClick={() => {
          setAsking(true);
          setTimeout(() => yes.current?.focus(), 0);
        }}
      >
        {props.label}
      </button>
    );
  return (
    <div className="confirm" role="group" aria-label={props.question}>
      <p>{props.question}</p>
      <p className="actions">
        <button
          type="button"
          ref={yes}
          className={cls}
          disabled={props.busy}
          onClick={async () => {
            await props.onConfirm();
            setAsking(false);
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t("common.keep")}
        </button>
      </p>
    </div>
  );
}
