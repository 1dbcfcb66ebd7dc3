import Link from "next/link";
import type { LearnerQuizRow } from "@/lib/server/data/today";
import { LocalTime } from "./local-time";
import { spanText } from "./when";

const percent = (n: number | null) => (n === null ? "–" : `${Math.round(n * 10) / 10}%`);

/** The score as the results page gives it: a scaled score for practice exams, a percentage for quizzes. */
function scoreText(status: Extract<LearnerQuizRow["status"], { kind: "submitted" }>): string {
  const score = status.scaledScore !== null ? `${status.scaledScore} of 1000` : percent(status.score);
  const verdict = status.passed === null ? "" : status.passed ? ", passed" : ", not passed";
  return `${score}${verdict}`;
}

/**
 * Where the learner stands with a quiz, in words: not started (and when it closes), opens on…,
 * in progress with the time left, or submitted with the score and the date.
 */
export function QuizStatus({ row, now, savedZone }: { row: LearnerQuizRow; now: Date; savedZone: string }) {
  const { status } = row;
  const at = (iso: string) => <LocalTime iso={iso} savedZone={savedZone} now={now.toISOString()} />;
  switch (status.kind) {
    case "not-started":
      return (
        <>
          <strong>Not started</strong>
          {row.closesAt ? <> · closes {at(row.closesAt)}</> : null}
        </>
      );
    case "not-open-yet":
      return (
        <>
          <strong>Not open yet</strong> · opens {at(status.opensAt)}
        </>
      );
    case "closed":
      return <strong>Closed, not taken</strong>;
    case "in-progress":
      return (
        <>
          <strong>In progress</strong>
          {status.deadline ? (
            <>
              {" "}
              · {spanText(new Date(status.deadline).getTime() - now.getTime())} left (ends{" "}
              {at(status.deadline)})
            </>
          ) : (
            " · no time limit"
          )}
        </>
      );
    case "submitted":
      return (
        <>
          <strong>{status.isExpired ? "Time ran out" : "Submitted"}</strong> {at(status.finishedAt)} ·{" "}
          <Link href={`/quizzes/${row.id}/attempts/${status.attemptId}/results`}>{scoreText(status)}</Link>
          {status.attemptsUsed > 1 ? ` · ${status.attemptsUsed} attempts` : ""}
          {status.canRetry ? " · you may try again" : ""}
        </>
      );
  }
}

/**
 * One quiz in a list: its title as a link (with what tells it apart from others of the same title),
 * its class or "practice exam", the time limit, and its status on the next line.
 */
export function QuizRowItem({ row, now, savedZone }: { row: LearnerQuizRow; now: Date; savedZone: string }) {
  const context = row.isExam ? "practice exam" : row.className;
  return (
    <li className="quiz-row">
      <Link href={`/quizzes/${row.id}`} className="quiz-row__title">
        {row.title}
        {row.distinguisher ? <span className="quiz-row__distinguisher"> · {row.distinguisher}</span> : null}
      </Link>
      <span className="muted">
        {row.distinguisher || !context ? "" : ` · ${context}`}
        {row.timeLimitMinutes ? ` · ${row.timeLimitMinutes} min` : ""}
      </span>
      <span className="quiz-row__status">
        <QuizStatus row={row} now={now} savedZone={savedZone} />
      </span>
    </li>
  );
}
