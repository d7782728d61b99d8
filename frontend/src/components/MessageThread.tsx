// The messages of an engagement, oldest first. Bodies are plain text rendered as text (React
// escapes them; line breaks kept by CSS), never as HTML.
import type { MessageViewFragment } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";

export function MessageThread(props: { messages: MessageViewFragment[]; myAccountId?: string }) {
  const { t, lang } = useI18n();
  if (props.messages.length === 0) return <p className="meta">{t("thread.empty")}</p>;
  const when = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <ol className="thread" aria-live="polite" aria-relevant="additions">
      {props.messages.map((m) => {
        const mine = props.myAccountId != null && m.author.id === props.myAccountId;
        return (
          <li key={m.id} className={mine ? "msg msg-mine" : "msg"}>
            <p className="msg-head">
              <strong>{mine ? t("thread.you") : m.author.displayName}</strong> <time dateTime={m.sentAt} className="meta">{when(m.sentAt)}</time>
            </p>
            <p className="msg-body" dir="auto">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
