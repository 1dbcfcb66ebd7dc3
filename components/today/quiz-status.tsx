import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { LearnerQuizRow } from "@/lib/server/data/today";
import { LocalTime } from "./local-time";
import { spanText, type WhenWords } from "./when";

type StatusWords = Awaited<ReturnType<typeof getTranslations<"today.status">>>;

const percent = (n: number | null) => (n === null ? "–" : `${Math.round(n * 10) / 10}%`);

/** The score as the results page gives it: a scaled score for practice exams, a percentage for quizzes. */
function scoreText(status: Extract<LearnerQuizRow["status"], { kind: "submitted" }>, t: StatusWords): string {
  const score =
    status.scaledScore !== null ? t("scaled", { score: status.scaledScore }) : percent(status.score);
  if (status.passed === null) return score;
  return status.passed ? t("passed", { score }) : t("notPassed", { score });
}

/**
 * Where the learner stands with a quiz, in words: not started (and when it closes), opens on…,
 * in progress with the time left, or submitted with the score and the date.
 */
export async function QuizStatus({
  row,
  now,
  savedZone,
}: {
  row: LearnerQuizRow;
  now: Date;
  savedZone: string;
}) {
  const [t, when] = await Promise.all([getTranslations("today.status"), getTranslations("today.when")]);
  const words: WhenWords = (key, values) => when(key, values);
  const { status } = row;
  const at = (iso: string) => <LocalTime iso={iso} savedZone={savedZone} now={now.toISOString()} />;
  switch (status.kind) {
    case "not-started":
      return (
        <>
          <strong>{t("notStarted")}</strong>
          {row.closesAt ? (
            <>
              {" "}
              · {t("closes")} {at(row.closesAt)}
            </>
          ) : null}
        </>
      );
    case "not-open-yet":
      return (
        <>
          <strong>{t("notOpenYet")}</strong> · {t("opens")} {at(status.opensAt)}
        </>
      );
    case "closed":
      return <strong>{t("closed")}</strong>;
    case "in-progress":
      return (
        <>
          <strong>{t("inProgress")}</strong>
          {status.deadline ? (
            <>
              {" "}
              · {t("left", { span: spanText(new Date(status.deadline).getTime() - now.getTime(), words) })}{" "}
              {at(status.deadline)}
              {t("leftEnd")}
            </>
          ) : (
            ` · ${t("noTimeLimit")}`
          )}
        </>
      );
    case "submitted":
      return (
        <>
          <strong>{status.isExpired ? t("timeRanOut") : t("submitted")}</strong> {at(status.finishedAt)} ·{" "}
          <Link href={`/quizzes/${row.id}/attempts/${status.attemptId}/results`}>{scoreText(status, t)}</Link>
          {status.attemptsUsed > 1 ? ` · ${t("attempts", { count: status.attemptsUsed })}` : ""}
          {status.canRetry ? ` · ${t("mayRetry")}` : ""}
        </>
      );
  }
}

/**
 * One quiz in a list: its title as a link (with what tells it apart from others of the same title),
 * its class or "practice exam", the time limit, and its status on the next line.
 */
export async function QuizRowItem({
  row,
  now,
  savedZone,
}: {
  row: LearnerQuizRow;
  now: Date;
  savedZone: string;
}) {
  const t = await getTranslations("today.status");
  const context = row.isExam ? t("practiceExam") : row.className;
  return (
    <li className="quiz-row">
      <Link href={`/quizzes/${row.id}`} className="quiz-row__title">
        {row.title}
        {row.distinguisher ? <span className="quiz-row__distinguisher"> · {row.distinguisher}</span> : null}
      </Link>
      <span className="muted">
        {row.distinguisher || !context ? "" : ` · ${context}`}
        {row.timeLimitMinutes ? ` · ${t("minutes", { count: row.timeLimitMinutes })}` : ""}
      </span>
      <span className="quiz-row__status">
        <QuizStatus row={row} now={now} savedZone={savedZone} />
      </span>
    </li>
  );
}
