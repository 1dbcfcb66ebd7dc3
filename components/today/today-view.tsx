import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { TodayView as TodayData } from "@/lib/server/data/today";
import { ContinueStudying } from "./continue-studying";
import { QuizRowItem } from "./quiz-status";
import { untilText, type WhenWords } from "./when";
import "./today.css";

type TodayWords = Awaited<ReturnType<typeof getTranslations<"today">>>;

/** What the day holds, in one sentence under the button. */
function studySummary(today: TodayData, now: Date, t: TodayWords, words: WhenWords): string {
  const due = today.dueNow;
  const fresh = today.newToday;
  if (due > 0 && fresh > 0) return t("summary.dueAndNew", { due, fresh });
  if (due > 0) return t("summary.due", { due });
  if (fresh > 0) return t("summary.new", { fresh });
  return today.nextDueAt
    ? t("summary.nextDue", { when: untilText(today.nextDueAt, now, words) })
    : t("summary.allDone");
}

/**
 * Today: the signed-in learner's home. "Continue studying" comes first (it takes focus), then the
 * day's numbers, the exam countdown, and the quizzes waiting for them.
 */
export async function TodayView({ today, now }: { today: TodayData; now: Date }) {
  const [t, when, format] = await Promise.all([
    getTranslations("today"),
    getTranslations("today.when"),
    getFormatter(),
  ]);
  const words: WhenWords = (key, values) => when(key, values);
  const pct = (n: number) => format.number(n, { style: "percent", maximumFractionDigits: 0 });
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const zone = today.timeZone;
  return (
    <div className="today">
      <h1 className="today__title">{t("title")}</h1>
      <section className="card today-study" aria-labelledby="today-study-title">
        <h2 id="today-study-title" className="visually-hidden">
          {t("study")}
        </h2>
        <ContinueStudying label={t("continue")} />
        <p className="today-study__summary">{studySummary(today, now, t, words)}</p>
        <dl className="today-stats">
          <div>
            <dt>{t("stats.dueNow")}</dt>
            <dd>{today.dueNow}</dd>
          </div>
          <div>
            <dt>{t("stats.newLeft")}</dt>
            <dd>{today.newToday}</dd>
          </div>
          <div>
            <dt>{t("stats.nextReview")}</dt>
            <dd>
              {today.dueNow > 0
                ? t("stats.now")
                : today.nextDueAt
                  ? untilText(today.nextDueAt, now, words)
                  : t("stats.noneScheduled")}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card today-exam" aria-labelledby="today-exam-title">
        <h2 id="today-exam-title">{t("exam.title")}</h2>
        {today.exam ? (
          <>
            <p className="today-exam__countdown">
              {t.rich("exam.countdown", {
                strong,
                days: today.exam.daysLeft,
                // The exam date is a calendar day, stored at midnight UTC.
                date: format.dateTime(new Date(today.exam.examDate), { dateStyle: "long", timeZone: "UTC" }),
              })}
            </p>
            <p>
              {t.rich("exam.readiness", {
                strong,
                estimate: pct(today.exam.estimate),
                low: pct(today.exam.low),
                high: pct(today.exam.high),
                target: pct(today.exam.target),
              })}{" "}
              <Link href="/progress#readiness">{t("exam.plan")}</Link>
            </p>
          </>
        ) : (
          <p>
            {t.rich("exam.none", {
              link: (chunks) => <Link href="/progress#readiness">{chunks}</Link>,
            })}
          </p>
        )}
      </section>

      <section className="card today-quizzes" aria-labelledby="today-quizzes-title">
        <h2 id="today-quizzes-title">{t("quizzes.title")}</h2>
        {today.openAttempts.length === 0 && today.classQuizzes.length === 0 ? (
          <p>{t("quizzes.nothing")}</p>
        ) : null}
        {today.openAttempts.length > 0 ? (
          <>
            <h3>{t("quizzes.inProgress")}</h3>
            <ul className="quiz-rows" aria-label={t("quizzes.inProgressLabel")}>
              {today.openAttempts.map((row) => (
                <QuizRowItem key={row.id} row={row} now={now} savedZone={zone} />
              ))}
            </ul>
          </>
        ) : null}
        {today.classQuizzes.length > 0 ? (
          <>
            <h3>{t("quizzes.fromClasses")}</h3>
            <ul className="quiz-rows" aria-label={t("quizzes.fromClassesLabel")}>
              {today.classQuizzes.map((row) => (
                <QuizRowItem key={row.id} row={row} now={now} savedZone={zone} />
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <Link href="/quizzes">{t("quizzes.all")}</Link> · <Link href="/exam">{t("quizzes.buildExam")}</Link>{" "}
          · <Link href="/classes">{t("quizzes.joinClass")}</Link>
        </p>
      </section>
    </div>
  );
}
