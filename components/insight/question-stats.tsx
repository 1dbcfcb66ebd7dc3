import {
  GROUP_FRACTION,
  type ItemFlag,
  LOW_DISCRIMINATION_BELOW,
  MIN_ATTEMPTS_FOR_STATS,
  VERY_EASY_ABOVE,
  VERY_HARD_BELOW,
} from "@/lib/progress/item-stats";
import type { QuestionStats } from "@/lib/server/data/insight-items";

// A quiz's question statistics: a summary table (facility, discrimination, point-biserial, flags)
// and, per question, the distractor table (who chose each option, overall and in the upper and
// lower groups, with each option's misconception tag). Numbers are always in text.

const FLAG_TEXT: Record<ItemFlag, string> = {
  "very-easy": "Very easy",
  "very-hard": "Very hard",
  "negative-discrimination": "Negative discrimination",
  "low-discrimination": "Low discrimination",
};
const num = (x: number | null, places = 2) => (x === null ? "–" : x.toFixed(places));
const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

function Flags({ q }: { q: QuestionStats }) {
  if (!q.isReliable)
    return (
      <span className="muted">
        n too small ({q.n} of {MIN_ATTEMPTS_FOR_STATS})
      </span>
    );
  if (q.flags.length === 0) return <span>–</span>;
  return (
    <>
      {q.flags.map((f) => (
        <span key={f} className={f === "negative-discrimination" ? "flag flag--bad" : "flag"}>
          {FLAG_TEXT[f]}
        </span>
      ))}
    </>
  );
}

export function QuestionStatsSummary({ questions }: { questions: QuestionStats[] }) {
  return (
    <div className="insight-scroll">
      <table className="stats-table">
        <caption>Question statistics</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Attempts</th>
            <th scope="col">Facility</th>
            <th scope="col">Discrimination (D)</th>
            <th scope="col">Point-biserial</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.questionId}>
              <th scope="row">
                <a href={`#q-${q.questionId}`}>{q.title}</a>
              </th>
              <td className="num">{q.n}</td>
              <td className="num">{pct(q.facility)}</td>
              <td className="num">{num(q.discrimination)}</td>
              <td className="num">{num(q.pointBiserial)}</td>
              <td>
                <Flags q={q} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DistractorTable({ q }: { q: QuestionStats }) {
  const caption = `Options chosen: ${q.title}`;
  return (
    <section className="progress-section" aria-labelledby={`q-${q.questionId}`}>
      <h3 id={`q-${q.questionId}`}>{q.title}</h3>
      <p>
        {q.correct} of {q.n} right (facility {pct(q.facility)}), {q.omitted} unanswered · D ={" "}
        {num(q.discrimination)} · point-biserial {num(q.pointBiserial)} · <Flags q={q} />
      </p>
      {q.options.length === 0 ? (
        <p className="muted">A {q.kind} question has no options to analyse.</p>
      ) : (
        <div className="insight-scroll">
          <table className="stats-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Option</th>
                <th scope="col">Answer</th>
                <th scope="col">Misconception</th>
                <th scope="col">Chosen</th>
                <th scope="col">Share</th>
                <th scope="col">Upper {Math.round(GROUP_FRACTION * 100)}%</th>
                <th scope="col">Lower {Math.round(GROUP_FRACTION * 100)}%</th>
              </tr>
            </thead>
            <tbody>
              {q.options.map((o) => (
                <tr key={o.key}>
                  <th scope="row">
                    {o.key}. {o.label}
                  </th>
                  <td>{o.isCorrect ? "right" : "wrong"}</td>
                  <td>{o.misconception ?? "–"}</td>
                  <td className="num">{o.count}</td>
                  <td className="num">{pct(o.share)}</td>
                  <td className="num">{pct(o.upperShare)}</td>
                  <td className="num">{pct(o.lowerShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** How to read the numbers, with the thresholds the flags use. */
export function StatsMethod() {
  return (
    <details>
      <summary>How these numbers are computed</summary>
      <ul>
        <li>
          Each learner counts once, with their first finished attempt (later attempts follow feedback).
          Unanswered questions count as wrong.
        </li>
        <li>
          <strong>Facility</strong>: the share who got the question right. Flagged very easy above{" "}
          {pct(VERY_EASY_ABOVE)} and very hard below {pct(VERY_HARD_BELOW)}.
        </li>
        <li>
          <strong>Discrimination (D)</strong>: the share right in the upper {Math.round(GROUP_FRACTION * 100)}
          % of attempts (by score) minus the share right in the lower {Math.round(GROUP_FRACTION * 100)}%;
          attempts tied at a group&apos;s edge share its places. From −1 to 1: negative means weaker learners
          did better, which usually points at a wrong key or a misleading stem. Flagged low below{" "}
          {num(LOW_DISCRIMINATION_BELOW)}.
        </li>
        <li>
          <strong>Point-biserial</strong>: the correlation between getting this question right and the rest of
          the attempt&apos;s score (the question itself left out).
        </li>
        <li>
          With fewer than {MIN_ATTEMPTS_FOR_STATS} attempts these numbers swing with a single learner: they
          are shown, marked &ldquo;n too small&rdquo;, and nothing is flagged.
        </li>
      </ul>
    </details>
  );
}
