import "server-only";
import { randomBytes } from "node:crypto";
import { checkAnswer } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  acceptsWork,
  attemptDeadline,
  drawAttempt,
  gradeItems,
  isOverdue,
  newOptionIds,
  passes,
  SCALED_PASS,
  scaledScore,
  seededRng,
  seedOf,
  startWindow,
  toPublicAnswer,
  toStoredAnswer,
} from "@/lib/quiz";
import type { ResultView, ReviewItem, RunnerView } from "@/lib/quiz/views";
import type { SaveAnswerInput } from "../actions/quiz-schemas";
import type { ActingUser } from "../auth/acting-user";
import { DatabaseBusyError, storeOf } from "../db";
import { assertStillOnRoster } from "./attempt-membership";
import {
  type AttemptItem,
  learnerMaySeeReview,
  md,
  parseAnswer,
  parseItems,
  publicReviewItem,
  questionsOf,
  reviewItem,
} from "./attempt-review";
import { getVisibleQuiz, questionPool, quizFilters } from "./quizzes";
import { QuizError } from "./quizzes-error";
import { loseRaceDelay } from "./study-grading";

// Attempts: start (one open per learner per quiz), autosave, submit (once), finish overdue
// attempts at their deadline, and the views the pages get. Grading reads only what was saved.

const NO_ATTEMPT = () => new QuizError("That attempt does not exist.", "not-found");

/** Random ids for an item's options, so the browser never sees bank keys (lib/quiz/option-ids.ts). */
const withOptionIds = <T extends { optionOrder: string[] }>(item: T): T & { optionIds: string[] } => ({
  ...item,
  optionIds: newOptionIds(item.optionOrder.length, () => randomBytes(6).toString("hex")),
});

/**
 * Finishes an open attempt and grades it from the saved answers, in one transaction. The claim
 * (`status: "open"` → finished) succeeds once: false when someone else finished it first.
 */
export async function finishAttempt(
  db: PrismaClient,
  attemptId: string,
  how: "submitted" | "expired",
  finishedAt: Date,
): Promise<boolean> {
  const attempt = await db.quizAttempt.findUnique({
    where: { id: attemptId },
    select: { items: true, quiz: { select: { passMark: true, mode: true } } },
  });
  if (!attempt) return false;
  const items = parseItems(attempt.items);
  const questions = await questionsOf(db, items);
  return db.$transaction(async (tx) => {
    // The claim comes first: it takes the attempt's row (PostgreSQL) or the write lock (SQLite), so
    // an autosave either landed before it and is graded, or comes after and finds the attempt closed.
    const claimed = await tx.quizAttempt.updateMany({
      where: { id: attemptId, status: "open" },
      data: { status: how, openKey: null, finishedAt },
    });
    if (claimed.count === 0) return false;
    const answers = await tx.attemptAnswer.findMany({ where: { attemptId } });
    const byQuestion = new Map(answers.map((a) => [a.questionId, parseAnswer(a.answer)]));
    const marked = items.map((item) => {
      const q = questions.get(item.questionId);
      const given = byQuestion.get(item.questionId) ?? null;
      const isCorrect = q && given ? checkAnswer(q.question, given).isCorrect : false;
      return {
        questionId: item.questionId,
        topic: q?.topic ?? "unknown",
        domain: q?.domain ?? null,
        isCorrect,
      };
    });
    const grade = gradeItems(marked);
    const scaled = attempt.quiz.mode === "exam" ? scaledScore(grade.correct, grade.total) : null;
    await tx.quizAttempt.update({
      where: { id: attemptId },
      data: {
        correct: grade.correct,
        total: grade.total,
        score: grade.score,
        scaledScore: scaled,
        passed: scaled !== null ? scaled >= SCALED_PASS : passes(grade.score, attempt.quiz.passMark),
        breakdown: JSON.stringify(grade.breakdown),
      },
    });
    for (const m of marked) {
      if (byQuestion.has(m.questionId))
        await tx.attemptAnswer.update({
          where: { attemptId_questionId: { attemptId, questionId: m.questionId } },
          data: { isCorrect: m.isCorrect },
        });
    }
    return true;
  });
}

/** Finishes, at their deadlines, the open attempts that ran out (scoped by quiz, learner or class). */
export async function finishOverdue(
  db: PrismaClient,
  scope: { quizId?: string; userId?: string; classId?: string; attemptId?: string },
  now: Date,
): Promise<number> {
  const open = await db.quizAttempt.findMany({
    where: {
      status: "open",
      deadline: { not: null, lt: now },
      ...(scope.attemptId ? { id: scope.attemptId } : {}),
      ...(scope.quizId ? { quizId: scope.quizId } : {}),
      ...(scope.userId ? { userId: scope.userId } : {}),
      ...(scope.classId ? { quiz: { classId: scope.classId } } : {}),
    },
    select: { id: true, deadline: true },
  });
  let finished = 0;
  for (const attempt of open) {
    if (attempt.deadline && isOverdue(now, attempt.deadline))
      if (await finishAttempt(db, attempt.id, "expired", attempt.deadline)) finished += 1;
  }
  return finished;
}

/**
 * Learners: starts an attempt at a quiz they may take, or resumes their open one. One open
 * attempt per learner per quiz is guaranteed by the unique `openKey`.
 */
export async function startAttempt(
  db: PrismaClient,
  actor: ActingUser,
  quizId: string,
  now: Date,
): Promise<{ attemptId: string; resumed: boolean }> {
  const quiz = await getVisibleQuiz(db, actor, quizId);
  // The instructor of a class quiz previews it; only learners on the roster take it.
  if (!quiz || (quiz.mode === "quiz" && quiz.ownerId === actor.id))
    throw new QuizError("That quiz does not exist.", "not-found");
  await finishOverdue(db, { quizId, userId: actor.id }, now);
  const openKey = `${quizId}:${actor.id}`;
  const existing = await db.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
  if (existing) return { attemptId: existing.id, resumed: true };
  const window = startWindow(now, quiz.opensAt, quiz.closesAt);
  if (window === "not-yet") throw new QuizError("This quiz is not open yet.", "closed");
  if (window === "closed") throw new QuizError("This quiz has closed.", "closed");
  const filters = quizFilters(quiz);
  const fixedIds = JSON.parse(quiz.questionIds) as string[];
  const pool = await questionPool(
    db,
    quiz.selection === "fixed" ? { topics: [], tags: [], difficulties: [], kinds: [] } : filters,
    quiz.mode === "quiz" ? quiz.ownerId : null,
  );
  const deadline = attemptDeadline(now, quiz.timeLimitMinutes, quiz.closesAt);
  try {
    return await db.$transaction(async (tx) => {
      const open = await tx.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
      if (open) return { attemptId: open.id, resumed: true };
      // Checked again inside the write: a removal that landed since getVisibleQuiz wins.
      if (quiz.mode === "quiz" && quiz.classId) {
        const onRoster = await tx.classMember.count({ where: { classId: quiz.classId, userId: actor.id } });
        if (onRoster === 0) throw new QuizError("That quiz does not exist.", "not-found");
      }
      const count = await tx.quizAttempt.count({ where: { quizId, userId: actor.id } });
      if (count >= quiz.attemptsAllowed)
        throw new QuizError("You have used every attempt this quiz allows.", "limit");
      const number = count + 1;
      const drawn = drawAttempt(
        pool,
        {
          selection: quiz.selection === "random" ? "random" : "fixed",
          questionIds: fixedIds,
          perTopic: quiz.perTopic,
          totalCount: quiz.mode === "exam" ? quiz.perTopic : null,
          shuffleQuestions: quiz.shuffleQuestions,
          shuffleOptions: quiz.shuffleOptions,
        },
        seededRng(seedOf(`${quizId}:${actor.id}:${number}`)),
      );
      // The draw is reproducible from its seed; the option ids are not, so they say nothing.
      const items = drawn.map(withOptionIds);
      if (items.length === 0) throw new QuizError("This quiz has no questions to ask.", "invalid");
      const created = await tx.quizAttempt.create({
        data: {
          quizId,
          userId: actor.id,
          number,
          openKey,
          items: JSON.stringify(items),
          startedAt: now,
          deadline,
          total: items.length,
        },
        select: { id: true },
      });
      return { attemptId: created.id, resumed: false };
    });
  } catch (error) {
    // A concurrent start won the unique openKey: resume the attempt it made.
    if ((error as { code?: string }).code === "P2002") {
      const open = await db.quizAttempt.findUnique({ where: { openKey }, select: { id: true } });
      if (open) return { attemptId: open.id, resumed: true };
    }
    throw error;
  }
}

/** What the runner shows for the learner's own open attempt; null once it is finished. */
export async function getRunnerView(
  db: PrismaClient,
  actor: ActingUser,
  attemptId: string,
  now: Date,
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
      const q = entry.question;
      const byKey = new Map(q.options.map((o) => [o.key, o]));
      const answer = saved.get(item.questionId);
      const given = parseAnswer(answer?.answer ?? null);
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
          options: item.optionOrder.flatMap((key, index) => {
            const option = byKey.get(key);
            const id = item.optionIds?.[index] ?? key;
            return option ? [{ key: id, html: md(option.text) }] : [];
          }),
          chooseCount: q.chooseCount ?? null,
          answer: toPublicAnswer(item, given),
          flagged: answer?.flagged ?? false,
          seq: answer?.seq ?? 0,
          feedback: checked
            ? publicReviewItem(
                item,
                reviewItem(item, entry, given, given ? checkAnswer(q, given).isCorrect : false),
              )
            : null,
        },
      ];
    }),
  };
}

/**
 * An open attempt's items, with option ids given to any item drawn before ids existed. The write
 * compares the items text it read, so two pages opening the attempt at once agree on one set.
 */
async function ensureOptionIds(db: PrismaClient, attemptId: string, json: string): Promise<AttemptItem[]> {
  const items = parseItems(json);
  if (items.every((i) => i.optionIds)) return items;
  const next = items.map((i) => (i.optionIds ? i : withOptionIds(i)));
  const written = await db.quizAttempt.updateMany({
    where: { id: attemptId, status: "open", items: json },
    data: { items: JSON.stringify(next) },
  });
  if (written.count === 1) return next;
  const again = await db.quizAttempt.findUnique({ where: { id: attemptId }, select: { items: true } });
  return again ? parseItems(again.items) : items;
}

/** Whether a learner may check answers one by one while the attempt is open (never in an exam). */
export function mayCheck(quiz: { mode: string; feedback: string }): boolean {
  return quiz.mode === "quiz" && quiz.feedback === "immediate";
}

/**
 * Learners: saves one answer (and its flag) to their open attempt. Idempotent per question: the
 * browser's `seq` grows with each change, and a save no newer than the stored one changes nothing.
 * Refused once the attempt is finished or its deadline (plus grace) has passed.
 */
export async function saveAnswer(
  db: PrismaClient,
  actor: ActingUser,
  input: SaveAnswerInput,
  now: Date,
): Promise<{ saved: boolean }> {
  // A learner taken off the class's roster may not save (their open attempts were ended too).
  await assertStillOnRoster(db, actor, input.attemptId);
  // Read, decide, then one guarded write (lib/server/db/store.ts): it lands only while the attempt
  // is open, over an older sequence number, and (for a change of answer) while unchecked. When a
  // guard holds, read again to say why: a newer save, a check, or the attempt's end.
  const store = storeOf(db);
  let outcome: "saved" | "stale" | "overdue" | null = null;
  for (let round = 0; outcome === null; round += 1) {
    if (round === SAVE_ROUNDS) throw new DatabaseBusyError("The answer kept changing while it was saved");
    if (round > 0) await loseRaceDelay(round);
    const attempt = await store.attemptForSave(input.attemptId, actor.id);
    if (!attempt) throw NO_ATTEMPT();
    if (attempt.status !== "open") throw new QuizError("This attempt is already finished.", "conflict");
    if (!acceptsWork(now, attempt.deadline)) {
      outcome = "overdue";
      break;
    }
    const item = parseItems(attempt.items).find((i) => i.questionId === input.questionId);
    if (!item) throw new QuizError("That question is not part of this attempt.", "invalid");
    // The browser names options by the attempt's opaque ids; the answer is stored in bank keys.
    const stored = input.answer ? toStoredAnswer(item, input.answer) : null;
    if (input.answer && !stored)
      throw new QuizError("That answer names an option this question does not have.", "invalid");
    const save = {
      attemptId: input.attemptId,
      questionId: input.questionId,
      answer: stored ? JSON.stringify(stored) : null,
      flagged: input.flagged,
      seq: input.seq,
    };
    const current = await store.savedAnswer(input.attemptId, input.questionId);
    if (current && current.seq >= input.seq) {
      outcome = "stale";
      break;
    }
    if (current?.checkedAt && save.answer !== current.answer) {
      // A checked answer is locked: its flag may still change, its answer may not.
      throw new QuizError("This answer was checked, so it can no longer change.", "locked");
    }
    const mode = !current ? "insert" : current.checkedAt ? "keepAnswer" : "unchecked";
    if ((await store.writeAnswer(save, mode, now)) > 0) outcome = "saved";
  }
  if (outcome === "overdue") {
    await finishOverdue(db, { attemptId: input.attemptId }, now);
    throw new QuizError(
      "Time is up: this answer was not saved. Your attempt was graded from what was saved.",
      "deadline",
    );
  }
  return { saved: outcome === "saved" };
}

/** How often an autosave reads again after a guard held before it answers "busy, try again". */
const SAVE_ROUNDS = 16;

/** Learners: submits their open attempt. A second submit gets a conflict; a late one is refused. */
export async function submitAttempt(db: PrismaClient, actor: ActingUser, attemptId: string, now: Date) {
  await assertStillOnRoster(db, actor, attemptId);
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId: actor.id },
    select: { status: true, deadline: true },
  });
  if (!attempt) throw NO_ATTEMPT();
  if (attempt.status !== "open") throw new QuizError("This attempt was already submitted.", "conflict");
  if (!acceptsWork(now, attempt.deadline)) {
    await finishOverdue(db, { attemptId }, now);
    throw new QuizError(
      "Time ran out before this submission: the attempt was graded at its deadline.",
      "deadline",
    );
  }
  if (!(await finishAttempt(db, attemptId, "submitted", now)))
    throw new QuizError("This attempt was already submitted.", "conflict");
  return { attemptId };
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
 * explanations, simulations) is included only when the feedback rule allows it (always for the owner).
 */
export async function getResultView(
  db: PrismaClient,
  actor: ActingUser,
  attemptId: string,
  now: Date,
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
    const items = parseItems(attempt.items);
    const questions = await questionsOf(db, items);
    const saved = new Map(attempt.answers.map((a) => [a.questionId, a]));
    review = items.flatMap((item) => {
      const entry = questions.get(item.questionId);
      if (!entry) return [];
      const answer = saved.get(item.questionId);
      return [reviewItem(item, entry, parseAnswer(answer?.answer ?? null), answer?.isCorrect ?? false)];
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
    breakdown: attempt.breakdown ? JSON.parse(attempt.breakdown) : [],
    review,
    reviewNote: allowed
      ? null
      : attempt.quiz.feedback === "after-close"
        ? "Answers and explanations appear after the quiz closes."
        : "Answers and explanations are not shown for this quiz yet.",
  };
}
