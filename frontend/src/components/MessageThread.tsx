// The messages of an engagement, oldest first. Bodies are plain text rendered as text (React
// escapes them; line breaks kept by CSS), never as HTML. With `canReport`, the other side's
// messages can be reported to the moderators.
import type { MessageViewFragment } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { ReportButton } from "./ReportButton";

export function MessageThread(props: { messages: MessageViewFragment[]; myAccountId?: string; canReport?: boolean }) {
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
            {props.canReport && !mine && <ReportButton subjectId={m.id} what="message" name={t("report.messageFrom", { name: m.author.displayName })} small />}
          </li>
        );
      })}
    </ol>
  );
}
