// The moderators' queue of requests waiting for review, the longest waiting first.
import { useState } from "react";
import { RequestReviewQueueDocument } from "../graphql/generated/graphql";
import { useI18n } from "../i18n";
import { useQuery } from "../lib/api";
import { errorMessage } from "../lib/errors";
import { ErrorBox, Loading } from "./Layout";
import { Notice } from "./forms";
import { RequestReviewCard } from "./RequestReviewCard";

export function RequestReviewQueue() {
  const { t, lang } = useI18n();
  const q = useQuery(RequestReviewQueueDocument, { lang });
  const [done, setDone] = useState<string | null>(null);
  const list = q.data?.moderationQueue.requests ?? [];
  return (
    <section aria-labelledby="queue-requests">
      <h2 id="queue-requests">{t("review.queueTitle")}</h2>
      <p>{t("review.queueIntro")}</p>
      {done && <Notice kind="success">{done}</Notice>}
      {q.loading && !q.data ? (
        <Loading />
      ) : q.error ? (
        <ErrorBox message={errorMessage(t, q.error)} />
      ) : list.length === 0 ? (
        <p>{t("review.empty")}</p>
      ) : (
        <ul className="plain-list">
          {list.map((r) => (
            <li key={r.id}>
              <RequestReviewCard
                request={r}
                onDone={(msg) => {
                  setDone(msg);
                  q.reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
