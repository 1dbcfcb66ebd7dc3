import "server-only";
import { answerKeyWithTranslations, checkAnswer, localizeQuestion, type Question } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { toPublicAnswer } from "@/lib/quiz";
import type { ResultView, ReviewItem, RunnerOption, RunnerView } from "@/lib/quiz/views";
import type { ActingUser } from "../auth/acting-user";
import { finishOverdue } from "./attempt-finish";
import { assertStillOnRoster } from "./attempt-membership";
import {
  learnerMaySeeReview,
  md,
  NO_ATTEMPT,
  publicReviewItem,
  questionsOf,
  reviewItem,
} from "./attempt-review";
import { withOptionIds } from "./attempt-start";
import { type AttemptItem, readAttemptBreakdown, readAttemptItems, readSavedAnswer } from "./json-columns";

// What the pages get of attempts: the runner's view of an open attempt (no keys), the learner's
// list of attempts, and a finished attempt's result (its review only when the rule allows).

/**
 * What the runner shows for the learner's own open attempt, in the learner's language (with the
 * English original of each translated question); null once it is finished.
 */
export async function getRunnerView(
  db: PrismaClient,
  actor: ActingUser,
  attemptId: string,
  now: Date,
  locale: Locale = "en",
): Promise<RunnerView | null> {
  await assertStillOnRoster(db, actor, attemptId);
  await finishOverdue(db, { attemptId, userId: actor.id }, now);
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId: actor.id },
    include: { quiz: { select: { id: true, title: true, mode: true, feedback: true } }, answers: true },
  });
  if (!attempt) throw NO_ATTEMPT();
  if (attempt.status !== "open") return null;
  const canCheck = mayCheck(attempt.quiz);
  const items = await ensureOptionIds(db, attempt.id, attempt.items);
  const questions = await questionsOf(db, items);
  const saved = new Map(attempt.answers.map((a) => [a.questionId, a]));
  return {
    attemptId: attempt.id,
    quizId: attempt.quiz.id,
    title: attempt.quiz.title,
    mode: attempt.quiz.mode === "exam" ? "exam" : "quiz",
    deadline: attempt.deadline?.toISOString() ?? null,
    serverNow: now.toISOString(),
    canCheck,
    items: items.flatMap((item) => {
      const entry = questions.get(item.questionId);
      if (!entry) return [];
      const { question: q, lang, original } = localizeQuestion(entry.question, entry.translations, locale);
      const answer = saved.get(item.questionId);
      const given = readSavedAnswer(answer?.answer ?? null);
      // Only what a learner needs to answer: never `correct`, rationales, explanations or keys,
      // except for a question the learner checked (immediate feedback; its answer is locked).
      // Options go under the attempt's opaque ids, never their bank keys.
      const checked = canCheck && answer?.checkedAt != null;
      return [
        {
          questionId: q.id,
          kind: q.kind,
          titleHtml: md(q.title),
          stemHtml: md(q.stem),
          options: runnerOptions(item, q),
          chooseCount: q.chooseCount ?? null,
          answer: toPublicAnswer(item, given),
          flagged: answer?.flagged ?? false,
          seq: answer?.seq ?? 0,
          feedback: checked
            ? publicReviewItem(
                item,
                reviewItem(
                  item,
                  entry,
                  given,
                  given
                    ? checkAnswer(answerKeyWithTranslations(entry.question, entry.translations), given)
                        .isCorrect
                    : false,
                  locale,
                ),
              )
            : null,
          lang,
          original: original
            ? {
                titleHtml: md(original.title),
                stemHtml: md(original.stem),
                options: runnerOptions(item, original),
              }
            : null,
        },
      ];
    }),
  };
}

/** A question's options in the attempt's order, under its opaque ids: text only, never the key. */
function runnerOptions(item: AttemptItem, q: Pick<Question, "options">): RunnerOption[] {
  const byKey = new Map(q.options.map((o) => [o.key, o]));
  return item.optionOrder.flatMap((key, index) => {
    const option = byKey.get(key);
    const id = item.optionIds?.[index] ?? key;
    return option ? [{ key: id, html: md(option.text) }] : [];
  });
}

/**
 * An open attempt's items, with option ids given to any item drawn before ids existed. The write
 * compares the items text it read, so two pages opening the attempt at once agree on one set.
 */
async function ensureOptionIds(
  db: PrismaClient,
  attemptId: string,
  json: string,
): Promise<readonly AttemptItem[]> {
  const items = readAttemptItems(json);
  if (items.every((i) => i.optionIds)) return items;
  const next = items.map((i) => (i.optionIds ? i : withOptionIds(i)));
  const written = await db.quizAttempt.updateMany({
    where: { id: attemptId, status: "open", items: json },
    data: { items: JSON.stringify(next) },
  });
  if (written.count === 1) return next;
  const again = await db.quizAttempt.findUnique({ where: { id: attemptId }, select: { items: true } });
  return again ? readAttemptItems(again.items) : items;
}

/** Whether a learner may check answers one by one while the attempt is open (never in an exam). */
export function mayCheck(quiz: { mode: string; feedback: string }): boolean {
  return quiz.mode === "quiz" && quiz.feedback === "immediate";
}

/** The learner's attempts at a quiz (overdue ones finished first). */
export async function listMyAttempts(db: PrismaClient, actor: ActingUser, quizId: string, now: Date) {
  await finishOverdue(db, { quizId, userId: actor.id }, now);
  return db.quizAttempt.findMany({
    where: { quizId, userId: actor.id },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      score: true,
      scaledScore: true,
      passed: true,
      finishedAt: true,
    },
  });
}

/**
 * A finished attempt's result, for the learner who made it or the quiz's owner. The review (key,
 * explanations, simulations) is included only when the feedback rule allows it (always for the owner),
 * in the reader's language with the English original of each translated question.
 */
export async function getResultView(
  db: PrismaClient,
  actor: ActingUser,
  attemptId: string,
  now: Date,
  locale: Locale = "en",
): Promise<ResultView | null> {
  await finishOverdue(db, { attemptId }, now);
  const attempt = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    include: { quiz: true, answers: true },
  });
  if (!attempt) throw NO_ATTEMPT();
  const isOwner = attempt.quiz.ownerId === actor.id && attempt.quiz.mode === "quiz";
  if (attempt.userId !== actor.id && !isOwner) throw NO_ATTEMPT();
  if (attempt.status === "open" || !attempt.finishedAt) return null;
  const allowed = isOwner || learnerMaySeeReview(attempt, now);
  let review: ReviewItem[] | null = null;
  if (allowed) {
    const items = readAttemptItems(attempt.items);
    const questions = await questionsOf(db, items);
    const saved = new Map(attempt.answers.map((a) => [a.questionId, a]));
    review = items.flatMap((item) => {
      const entry = questions.get(item.questionId);
      if (!entry) return [];
      const answer = saved.get(item.questionId);
      return [
        reviewItem(item, entry, readSavedAnswer(answer?.answer ?? null), answer?.isCorrect ?? false, locale),
      ];
    });
  }
  return {
    attemptId: attempt.id,
    quizId: attempt.quizId,
    title: attempt.quiz.title,
    mode: attempt.quiz.mode === "exam" ? "exam" : "quiz",
    status: attempt.status === "expired" ? "expired" : "submitted",
    finishedAt: attempt.finishedAt.toISOString(),
    correct: attempt.correct ?? 0,
    total: attempt.total,
    score: attempt.score ?? 0,
    scaledScore: attempt.scaledScore,
    passed: attempt.passed ?? false,
    passMark: attempt.quiz.passMark,
    breakdown: readAttemptBreakdown(attempt.breakdown),
    review,
    reviewNote: allowed ? null : attempt.quiz.feedback === "after-close" ? "after-close" : "later",
  };
}
