"use client";

import { AnswerReveal } from "@/components/study/answer-reveal";
import { SanitizedHtml } from "@/components/ui/html";
import { ShowOriginal } from "@/components/ui/show-original";
import type { GivenAnswer } from "@/lib/bank";
import { textOfHtml } from "@/lib/bank/html-text";
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

function describeAnswer(item: ReviewItem, answer: GivenAnswer | null): string {
  if (!answer) return "No answer";
  if (answer.kind === "typed") return answer.text || "No answer";
  if (answer.kind === "true-false") return answer.value ? "True" : "False";
  // The options' own words, in the order the learner put them (ordering) or saw them (choice).
  const texts = (keys: string[]) =>
    keys.map((k) => item.options.find((o) => o.key === k)).flatMap((o) => (o ? [textOfHtml(o.html)] : []));
  if (answer.kind === "ordering") {
    const order = texts(answer.keys);
    return order.length ? order.join(" → ") : "No answer";
  }
  const chosen = texts(item.options.map((o) => o.key).filter((k) => answer.keys.includes(k)));
  return chosen.length ? chosen.join("; ") : "No answer";
}

/** One reviewed question: right or wrong, the learner's answer, the key, the explanation and the simulation. */
export function ReviewedAnswer({ item }: { item: ReviewItem }) {
  const chosen = item.answer?.kind === "choice" ? item.answer.keys : [];
  const byKey = new Map(item.options.map((o) => [o.key, o]));
  return (
    <>
      <p>
        <strong>{item.isCorrect ? "Correct" : "Incorrect"}</strong> · Your answer:{" "}
        {describeAnswer(item, item.answer)}
      </p>
      {item.order ? (
        <>
          <p>The right order:</p>
          <ol className="quiz-options quiz-options--review">
            {item.order.map((key) => (
              <li key={key}>
                <SanitizedHtml className="quiz-option__text" html={byKey.get(key)?.html ?? ""} />
              </li>
            ))}
          </ol>
        </>
      ) : item.options.length ? (
        <ul className="quiz-options quiz-options--review">
          {item.options.map((o) => (
            <li key={o.key} className={o.correct ? "is-correct" : undefined}>
              <SanitizedHtml className="quiz-option__text" html={o.html} />
              <span className="muted">
                {o.correct ? " (right answer)" : ""}
                {chosen.includes(o.key) ? " (your choice)" : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Accepted answers: {item.accepted.join(", ")}</p>
      )}
      <AnswerReveal item={asQueueItem(item)} chosenKeys={chosen} />
    </>
  );
}

/** Score, pass or fail, the breakdown, and (when the feedback rule allows) every question reviewed. */
export function QuizResults({ result }: { result: ResultView }) {
  const domains = result.breakdown.filter((r) => r.kind === "domain");
  const topics = result.breakdown.filter((r) => r.kind === "topic");
  return (
    <div className="quiz-results">
      <section aria-labelledby="score-heading" className="card">
        <h2 id="score-heading">Your result</h2>
        <p className="quiz-results__score">
          {result.scaledScore !== null ? (
            <>
              Scaled score <strong>{result.scaledScore}</strong> of 1000 (720 to pass) ·{" "}
            </>
          ) : null}
          <strong>{result.score}%</strong> ({result.correct} of {result.total} correct) ·{" "}
          <strong>{result.passed ? "Passed" : "Not passed"}</strong>
          {result.scaledScore === null ? (
            <span className="muted"> (pass mark {result.passMark}%)</span>
          ) : null}
        </p>
        {result.status === "expired" ? (
          <p className="notice">
            Time ran out: this attempt was graded at its deadline from the answers saved.
          </p>
        ) : null}
      </section>
      {[
        { title: "By domain", rows: domains },
        { title: "By topic", rows: topics },
      ].map(({ title, rows }) =>
        rows.length ? (
          <table key={title} className="quiz-breakdown">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title === "By domain" ? "Domain" : "Topic"}</th>
                <th scope="col">Correct</th>
                <th scope="col">Percent</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.group}>
                  <th scope="row">{r.group}</th>
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
          <h2 id="review-heading">Questions</h2>
          <ol className="quiz-review-list">
            {result.review.map((item) => (
              <li key={item.questionId} className="card">
                <SanitizedHtml className="quiz-question__title-text" html={item.titleHtml} />
                <SanitizedHtml className="prose" html={item.stemHtml} />
                <ShowOriginal original={item.original} lang={item.lang} />
                <ReviewedAnswer item={item} />
              </li>
            ))}
          </ol>
        </section>
      ) : result.reviewNote ? (
        <p className="notice">{result.reviewNote}</p>
      ) : null}
    </div>
  );
}
