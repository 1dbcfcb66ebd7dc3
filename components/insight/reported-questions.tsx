import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReportedQuestion } from "@/lib/server/data/insight-reports";
import { topicLabel } from "@/lib/server/data/topics";

// The most reported questions among those an instructor's quizzes and banks use: the count, the
// reasons, and each report's message (reporters are not named).

// The reasons a learner picks from (study's card tools): worded as the learner read them.
// i18n-keys: study.tools.reasons.*
const REASONS = new Set(["wrong-answer", "unclear", "outdated", "typo", "other"] as const);
type Reason = typeof REASONS extends Set<infer R> ? R : never;
const isReason = (reason: string): reason is Reason => REASONS.has(reason as Reason);

export function ReportedQuestions({ questions }: { questions: ReportedQuestion[] }) {
  const t = useTranslations("insight.reports");
  const reasons = useTranslations("study.tools.reasons");
  const reasonText = (reason: string) => (isReason(reason) ? reasons(reason) : reason);
  const format = useFormatter();
  const locale = useLocale();
  if (questions.length === 0) return <p className="muted">{t("none")}</p>;
  return (
    <ol className="report-list" aria-label={t("list")}>
      {questions.map((q) => (
        <li key={q.questionId}>
          <strong lang={q.lang}>{q.title}</strong>{" "}
          <span className="muted">
            {t.rich("where", {
              topic: topicLabel(q.topic, locale),
              id: q.questionId,
              code: (chunks) => <code>{chunks}</code>,
            })}
          </span>
          <br />
          {t("count", {
            count: q.count,
            reasons: q.reasons.map((r) => `${reasonText(r.reason)} × ${r.count}`).join(", "),
          })}
          <details>
            <summary>{t("messages", { count: q.reports.length })}</summary>
            <ul>
              {q.reports.map((r, i) => (
                // Reports have no id in this view; their order (newest first) is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: a static, server-rendered list
                <li key={i}>
                  <span className="muted">
                    {reasonText(r.reason)}, {format.dateTime(new Date(r.createdAt), { dateStyle: "medium" })}
                  </span>
                  <blockquote>{r.message || t("noMessage")}</blockquote>
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
