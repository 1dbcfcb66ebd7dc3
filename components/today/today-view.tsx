import Link from "next/link";
import type { TodayView as TodayData } from "@/lib/server/data/today";
import { ContinueStudying } from "./continue-studying";
import { QuizRowItem } from "./quiz-status";
import { untilText } from "./when";
import "./today.css";

const pct = (n: number) => `${Math.round(n * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the day holds, in one sentence under the button. */
function studySummary(today: TodayData, now: Date): string {
  if (today.dueNow > 0 || today.newToday > 0) {
    const parts = [
      today.dueNow > 0 ? `${plural(today.dueNow, "card")} due now` : null,
      today.newToday > 0 ? `${plural(today.newToday, "new card")} left for today` : null,
    ].filter(Boolean);
    return `${parts.join(" and ")}.`;
  }
  return today.nextDueAt
    ? `All done for now: the next review is due ${untilText(today.nextDueAt, now)}.`
    : "All done for today. Cram mode practises any topic without touching your schedule.";
}

/**
 * Today: the signed-in learner's home. "Continue studying" comes first (it takes focus), then the
 * day's numbers, the exam countdown, and the quizzes waiting for them.
 */
export function TodayView({ today, now }: { today: TodayData; now: Date }) {
  const zone = today.timeZone;
  return (
    <div className="today">
      <h1 className="today__title">Today</h1>
      <section className="card today-study" aria-labelledby="today-study-title">
        <h2 id="today-study-title" className="visually-hidden">
          Study
        </h2>
        <ContinueStudying />
        <p className="today-study__summary">{studySummary(today, now)}</p>
        <dl className="today-stats">
          <div>
            <dt>Due now</dt>
            <dd>{today.dueNow}</dd>
          </div>
          <div>
            <dt>New left today</dt>
            <dd>{today.newToday}</dd>
          </div>
          <div>
            <dt>Next review</dt>
            <dd>
              {today.dueNow > 0
                ? "now"
                : today.nextDueAt
                  ? untilText(today.nextDueAt, now)
                  : "none scheduled"}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card today-exam" aria-labelledby="today-exam-title">
        <h2 id="today-exam-title">Your exam</h2>
        {today.exam ? (
          <>
            <p className="today-exam__countdown">
              <strong>{plural(today.exam.daysLeft, "day")}</strong> to your exam on{" "}
              {new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(
                new Date(today.exam.examDate),
              )}
              .
            </p>
            <p>
              Readiness: <strong>{pct(today.exam.estimate)}</strong> (likely between {pct(today.exam.low)} and{" "}
              {pct(today.exam.high)}); you aim for {pct(today.exam.target)}.{" "}
              <Link href="/progress#readiness">The plan per domain</Link>
            </p>
          </>
        ) : (
          <p>
            No exam date set. <Link href="/progress#readiness">Set your exam date</Link> to see a countdown
            and how ready you are.
          </p>
        )}
      </section>

      <section className="card today-quizzes" aria-labelledby="today-quizzes-title">
        <h2 id="today-quizzes-title">Quizzes</h2>
        {today.openAttempts.length === 0 && today.classQuizzes.length === 0 ? (
          <p>Nothing waiting: no quiz in progress and none from your classes to take.</p>
        ) : null}
        {today.openAttempts.length > 0 ? (
          <>
            <h3>In progress</h3>
            <ul className="quiz-rows" aria-label="Quizzes in progress">
              {today.openAttempts.map((row) => (
                <QuizRowItem key={row.id} row={row} now={now} savedZone={zone} />
              ))}
            </ul>
          </>
        ) : null}
        {today.classQuizzes.length > 0 ? (
          <>
            <h3>From your classes</h3>
            <ul className="quiz-rows" aria-label="Class quizzes to take">
              {today.classQuizzes.map((row) => (
                <QuizRowItem key={row.id} row={row} now={now} savedZone={zone} />
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <Link href="/quizzes">All your quizzes</Link> · <Link href="/exam">Build a practice exam</Link> ·{" "}
          <Link href="/classes">Join a class</Link>
        </p>
      </section>
    </div>
  );
}
