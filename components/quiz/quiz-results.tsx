"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AnswerReveal } from "@/components/study/answer-reveal";
import { SanitizedHtml } from "@/components/ui/html";
import { ShowOriginal } from "@/components/ui/show-original";
import type { GivenAnswer } from "@/lib/bank";
import { textOfHtml } from "@/lib/bank/html-text";
import { examDomainOf } from "@/lib/progress/exam-domains";
import type { ResultView, ReviewItem } from "@/lib/quiz/views";
import { NO_INTERVALS, type QueueItem } from "@/lib/study/views";

/** The review item in the shape the study page's AnswerReveal draws. */
function asQueueItem(item: ReviewItem): QueueItem {
  return {
    ref: { questionId: item.questionId, side: "" },
    key: item.questionId,
    kind: item.kind,
    phase: "review",
    revision: 1,
    topic: item.topic,
    tags: [],
    titleHtml: item.titleHtml,
    promptHtml: item.stemHtml,
    answerHtml: null,
    options: item.options.map((o) => ({ ...o, misconception: null })),
    chooseCount: null,
    accepted: item.accepted,
    order: item.order,
    trueFalse: item.trueFalse,
    explanationHtml: item.explanationHtml,
    references: item.references,
    simYaml: item.simYaml,
    intervals: NO_INTERVALS,
    lang: item.lang,
    // The review's English original is drawn beside it (ShowOriginal), not inside the reveal.
    original: null,
  };
}

type ResultsText = ReturnType<typeof useTranslations<"quiz.results">>;

function describeAnswer(item: ReviewItem, answer: GivenAnswer | null, t: ResultsText): string {
  if (!answer) return t("noAnswer");
  if (answer.kind === "typed") return answer.text || t("noAnswer");
  if (answer.kind === "true-false") return answer.value ? t("true") : t("false");
  // The options' own words, in the order the learner put them (ordering) or saw them (choice).
  const texts = (keys: string[]) =>
    keys.map((k) => item.options.find((o) => o.key === k)).flatMap((o) => (o ? [textOfHtml(o.html)] : []));
  if (answer.kind === "ordering") {
    const order = texts(answer.keys);
    return order.length ? order.join(" → ") : t("noAnswer");
  }
  const chosen = texts(item.options.map((o) => o.key).filter((k) => answer.keys.includes(k)));
  return chosen.length ? chosen.join("; ") : t("noAnswer");
}

/**
 * A breakdown row's domain: an SAA-C03 domain in the reader's language (the exam guide's Korean
 * names), else the bank's own English words, marked English.
 */
function DomainName({ group }: { group: string }) {
  const domains = useTranslations("progress.domains");
  const domain = examDomainOf(group);
  if (!domain) return <span lang="en">{group}</span>;
  // i18n-keys: progress.domains.*
  const name = domains(domain.id as "secure");
  return <>{group.startsWith("SAA-C03") ? `SAA-C03: ${name}` : name}</>;
}

/** Bold, for the numbers inside a sentence of the score line. */
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** One reviewed question: right or wrong, the learner's answer, the key, the explanation and the simulation. */
export function ReviewedAnswer({ item }: { item: ReviewItem }) {
  const t = useTranslations("quiz.results");
  const chosen = item.answer?.kind === "choice" ? item.answer.keys : [];
  const byKey = new Map(item.options.map((o) => [o.key, o]));
  return (
    <>
      <p>
        <strong>{item.isCorrect ? t("correct") : t("incorrect")}</strong> ·{" "}
        {t("yourAnswer", { answer: describeAnswer(item, item.answer, t) })}
      </p>
      {item.order ? (
        <>
          <p>{t("rightOrder")}</p>
          <ol className="quiz-options quiz-options--review">
            {item.order.map((key) => (
              <li key={key}>
                <SanitizedHtml
                  className="quiz-option__text"
                  html={byKey.get(key)?.html ?? ""}
                  lang={item.lang}
                />
              </li>
            ))}
          </ol>
        </>
      ) : item.options.length ? (
        <ul className="quiz-options quiz-options--review">
          {item.options.map((o) => (
            <li key={o.key} className={o.correct ? "is-correct" : undefined}>
              <SanitizedHtml className="quiz-option__text" html={o.html} lang={item.lang} />
              <span className="muted">
                {o.correct ? ` ${t("rightAnswer")}` : ""}
                {chosen.includes(o.key) ? ` ${t("yourChoice")}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("accepted", { answers: item.accepted.join(", ") })}</p>
      )}
      <AnswerReveal item={asQueueItem(item)} chosenKeys={chosen} />
    </>
  );
}

/** Score, pass or fail, the breakdown, and (when the feedback rule allows) every question reviewed. */
export function QuizResults({ result }: { result: ResultView }) {
  const t = useTranslations("quiz.results");
  const domains = result.breakdown.filter((r) => r.kind === "domain");
  const topics = result.breakdown.filter((r) => r.kind === "topic");
  return (
    <div className="quiz-results">
      <section aria-labelledby="score-heading" className="card">
        <h2 id="score-heading">{t("heading")}</h2>
        <p className="quiz-results__score">
          {result.scaledScore !== null ? (
            <>{t.rich("scaled", { score: result.scaledScore, strong })} · </>
          ) : null}
          {t.rich("percent", {
            score: result.score,
            correct: result.correct,
            total: result.total,
            strong,
          })}{" "}
          · <strong>{result.passed ? t("passed") : t("notPassed")}</strong>
          {result.scaledScore === null ? (
            <span className="muted"> {t("passMark", { mark: result.passMark })}</span>
          ) : null}
        </p>
        {result.status === "expired" ? <p className="notice">{t("expired")}</p> : null}
      </section>
      {[
        { title: t("byDomain"), group: t("domain"), rows: domains },
        { title: t("byTopic"), group: t("topic"), rows: topics },
      ].map(({ title, group, rows }) =>
        rows.length ? (
          <table key={title} className="quiz-breakdown">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{group}</th>
                <th scope="col">{t("correctColumn")}</th>
                <th scope="col">{t("percentColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.group}>
                  <th scope="row">{r.kind === "domain" ? <DomainName group={r.group} /> : r.group}</th>
                  <td>
                    {r.correct} / {r.total}
                  </td>
                  <td>{r.total ? Math.round((r.correct / r.total) * 100) : 0}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null,
      )}
      {result.review ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t("questions")}</h2>
          <ol className="quiz-review-list">
            {result.review.map((item) => (
              <li key={item.questionId} className="card">
                <SanitizedHtml className="quiz-question__title-text" html={item.titleHtml} lang={item.lang} />
                <SanitizedHtml className="prose" html={item.stemHtml} lang={item.lang} />
                <ShowOriginal original={item.original} lang={item.lang} />
                <ReviewedAnswer item={item} />
              </li>
            ))}
          </ol>
        </section>
      ) : result.reviewNote ? (
        <p className="notice">
          {/* i18n-keys: quiz.results.reviewNote.* */}
          {t(`reviewNote.${result.reviewNote}`)}
        </p>
      ) : null}
    </div>
  );
}
