import "server-only";
import { randomUUID } from "node:crypto";
import { answerKeyWithTranslations, checkAnswer, chosenMisconceptions, type Question } from "@/lib/bank";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  type CardState,
  cardStateSchema,
  type GradeName,
  gradeCard,
  gradeForAnswer,
  newCardState,
  studyDayStart,
} from "@/lib/srs";
import type { CardRef, Confidence, GradeRequest, GradeResponse } from "@/lib/study/views";
import { type ActingUser, ForbiddenError } from "../auth/acting-user";
import { DatabaseBusyError, type EarlierReview, storeOf } from "../db";
import { serverText } from "../i18n/server-text";
import { sidesOf } from "../study/present-card";
import { inOpenBank, inStudyableBank } from "./bank-visibility";
import { readQuestionTranslations, readReviewState } from "./json-columns";
import { questionsHeldBack } from "./study-holdback";
import { parseStoredQuestion, stateOfRow } from "./study-queue";
import { getStudyPreferences, preferencesFromRow } from "./study-settings";

/** A refusal in the language of the request (English for a direct call: a test, the CLI). */
const said = (key: Parameters<ReturnType<typeof serverText<"study.refusals">>>[0]) =>
  serverText("study.refusals")(key);

/** A card's FSRS state as StudyCard columns (grading, and the history an Anki import brings). */
export const cardColumns = (state: CardState) => ({
  phase: state.phase,
  due: state.due,
  stability: state.stability,
  difficulty: state.difficulty,
  elapsedDays: state.elapsedDays,
  scheduledDays: state.scheduledDays,
  learningSteps: state.learningSteps,
  reps: state.reps,
  lapses: state.lapses,
  lastReview: state.lastReview,
});

const QUESTION_KINDS_WITH_ANSWERS = new Set(["single", "multiple", "true-false", "typed", "ordering"]);

/**
 * Records one grade: the card's new state and its review row commit together. The grading id
 * comes from the browser, so a repeated request (a retry, a double press, a replay) returns the
 * first result and changes nothing. The schedule is computed here from the stored state, never
 * from anything the browser claims; a practice question's grade follows from its marked answer.
 */
export async function recordGrade(
  db: PrismaClient,
  actor: ActingUser,
  request: GradeRequest,
  now: Date,
): Promise<GradeResponse> {
  // A question of a quiz attempt the learner has open is not graded here: the answer would say
  // whether it was right. Refused before anything is read or written, with no key.
  if ((await questionsHeldBack(db, actor.id, now)).has(request.ref.questionId))
    throw new AppError("refused", said("heldBack"));
  const store = storeOf(db);
  const { settings, question } = await store.gradingContext(actor.id, request.ref.questionId);
  const prefs = preferencesFromRow(settings);
  const parsed = question ? parseStoredQuestion(question.data) : null;
  if (!question || !parsed || !sidesOf(parsed).includes(request.ref.side)) {
    throw new AppError("refused", said("notInBank"));
  }
  let grade: GradeName;
  let isCorrect: boolean | null = null;
  let misconception: string | null = null;
  if (QUESTION_KINDS_WITH_ANSWERS.has(parsed.kind)) {
    if (!request.answer) throw new AppError("refused", said("answerFirst"));
    isCorrect = checkAnswer(await withTranslatedAnswers(db, parsed), request.answer).isCorrect;
    grade = gradeForAnswer({
      isCorrect,
      guessed: request.confidence === "guessed",
      tooEasy: request.confidence === "certain",
    });
    // A wrong answer given with confidence is a misconception worth showing the learner and instructor.
    if (!isCorrect && request.confidence !== "guessed")
      misconception = chosenMisconceptions(parsed, request.answer)[0] ?? null;
  } else {
    if (!request.grade) throw new AppError("refused", said("chooseGrade"));
    grade = request.grade;
  }

  // Read the card, compute its next state, write it only over the version read. Another tab or
  // process that graded the card (or created it) in between makes the write report it, and the
  // grading starts over from what that one wrote; a review id that exists already is a repeat.
  let earlier: EarlierReview | null = null;
  let repeated = false;
  for (let round = 0; !earlier; round += 1) {
    if (round === GRADING_ROUNDS) throw new DatabaseBusyError("The card kept changing while it was graded");
    if (round > 0) await loseRaceDelay(round);
    const existing = await store.reviewById(request.reviewId);
    if (existing) {
      earlier = existing;
      repeated = true;
      break;
    }
    const card = await store.studyCardByKey(actor.id, parsed.id, request.ref.side);
    const before = card ? cardStateSchema.parse(card) : newCardState(now);
    const { after } = gradeCard(before, grade, prefs, now);
    const cardId = card?.id ?? randomUUID();
    const review = {
      id: request.reviewId,
      userId: actor.id,
      cardId,
      questionId: parsed.id,
      revision: question.revision,
      grade,
      wasNew: before.phase === "new",
      stateBefore: JSON.stringify(before),
      stateAfter: JSON.stringify(after),
      durationMs: Math.max(0, Math.min(request.durationMs, 3_600_000)),
      answer: request.answer ? JSON.stringify(request.answer) : null,
      isCorrect,
      confidence: request.confidence ?? null,
      misconception,
      clientTime: new Date(request.clientTime),
      serverTime: now,
    };
    const outcome = await store.applyGrading({
      card: {
        id: cardId,
        userId: actor.id,
        questionId: parsed.id,
        side: request.ref.side,
        expectedVersion: card ? card.version : null,
        state: cardColumns(after),
      },
      review,
      now,
    });
    if (outcome === "applied") earlier = review;
  }
  if (earlier.userId !== actor.id)
    throw new ForbiddenError("A grading id belonging to another learner was reused");
  if (repeated && earlier.questionId !== request.ref.questionId)
    throw new AppError("refused", said("idReused"));
  const after = readReviewState("Review.stateAfter", earlier.stateAfter);
  return {
    reviewId: earlier.id,
    grade: (earlier.grade ?? grade) as GradeName,
    isCorrect: earlier.isCorrect,
    due: after.due.toISOString(),
    phase: after.phase,
    repeated,
  };
}

/** How often a grading reads again after losing a race before it answers "busy, try again". */
const GRADING_ROUNDS = 32;

/** A short, growing, jittered pause before reading again, so racing writers spread out. */
export const loseRaceDelay = (round: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * round)));

/**
 * Takes back a grade: the card returns to exactly the state it had before, and the undo is itself a
 * row in the log (the grade's row is never changed). Only the card's latest grade can be undone, once.
 */
export async function undoGrade(
  db: PrismaClient,
  actor: ActingUser,
  input: { undoId: string; reviewId: string },
  now: Date,
): Promise<{ ref: CardRef; restoredPhase: string }> {
  return db.$transaction(async (tx) => {
    const already = await tx.review.findUnique({ where: { id: input.undoId } });
    const target = await tx.review.findUnique({
      where: { id: input.reviewId },
      include: { card: true, undoneBy: true },
    });
    if (!target || target.userId !== actor.id || target.kind !== "grade")
      throw new AppError("refused", said("nothingToUndo"));
    const ref = { questionId: target.card.questionId, side: target.card.side };
    if (already) {
      if (already.userId !== actor.id || already.undoneReviewId !== target.id)
        throw new AppError("refused", said("undoIdReused"));
      return { ref, restoredPhase: readReviewState("Review.stateAfter", already.stateAfter).phase };
    }
    if (target.undoneBy) throw new AppError("refused", said("alreadyUndone"));
    const latest = await tx.review.findFirst({
      where: { cardId: target.cardId, kind: "grade", undoneBy: { is: null } },
      orderBy: [{ serverTime: "desc" }, { clientTime: "desc" }],
    });
    if (latest?.id !== target.id) throw new AppError("refused", said("latestOnly"));
    const current = stateOfRow(target.card);
    const restored = readReviewState("Review.stateBefore", target.stateBefore);
    // Only over the state this undo read: a grading that landed meanwhile wins, and the undo is refused.
    const restoredCard = await tx.studyCard.updateMany({
      where: { id: target.cardId, version: target.card.version },
      data: { ...cardColumns(restored), version: { increment: 1 } },
    });
    if (restoredCard.count === 0) throw new AppError("refused", said("changedMeanwhile"));
    await tx.review.create({
      data: {
        id: input.undoId,
        userId: actor.id,
        cardId: target.cardId,
        questionId: target.questionId,
        revision: target.revision,
        kind: "undo",
        undoneReviewId: target.id,
        stateBefore: JSON.stringify(current),
        stateAfter: JSON.stringify(restored),
        clientTime: now,
        serverTime: now,
      },
    });
    return { ref, restoredPhase: restored.phase };
  });
}

/** A typed question's key with its translations' accepted answers: "이천사십구" counts where the Korean text accepts it. */
async function withTranslatedAnswers(db: PrismaClient, question: Question): Promise<Question> {
  if (question.kind !== "typed") return question;
  const row = await db.question.findUnique({ where: { id: question.id }, select: { translations: true } });
  return row ? answerKeyWithTranslations(question, readQuestionTranslations(row.translations)) : question;
}

async function cardFor(db: PrismaClient, actor: ActingUser, ref: CardRef, now: Date) {
  const question = await db.question.findFirst({
    where: { id: ref.questionId, ...inStudyableBank(actor.id) },
    select: { data: true },
  });
  const parsed = question ? parseStoredQuestion(question.data) : null;
  if (!parsed || !sidesOf(parsed).includes(ref.side)) throw new AppError("refused", said("notInBank"));
  const where = { userId_questionId_side: { userId: actor.id, questionId: ref.questionId, side: ref.side } };
  return db.studyCard.upsert({
    where,
    create: {
      userId: actor.id,
      questionId: ref.questionId,
      side: ref.side,
      ...cardColumns(newCardState(now)),
    },
    update: {},
  });
}

/** Takes a card out of study until the learner brings it back. */
export async function setSuspended(
  db: PrismaClient,
  actor: ActingUser,
  ref: CardRef,
  suspended: boolean,
  now: Date,
) {
  const card = await cardFor(db, actor, ref, now);
  await db.studyCard.update({ where: { id: card.id }, data: { suspendedAt: suspended ? now : null } });
}

/** Hides a card until the learner's next study day begins. */
export async function buryUntilTomorrow(
  db: PrismaClient,
  actor: ActingUser,
  ref: CardRef,
  now: Date,
): Promise<Date> {
  const prefs = await getStudyPreferences(db, actor);
  const until = new Date(studyDayStart(now, prefs.timeZone, prefs.dayStartHour).getTime() + 86_400_000);
  const card = await cardFor(db, actor, ref, now);
  await db.studyCard.update({ where: { id: card.id }, data: { buriedUntil: until } });
  return until;
}

export const REPORT_REASONS = ["wrong-answer", "unclear", "outdated", "typo", "other"] as const;

/** Stores a learner's report about a question for the bank's authors. */
export async function reportQuestion(
  db: PrismaClient,
  actor: ActingUser,
  input: { questionId: string; reason: (typeof REPORT_REASONS)[number]; message: string },
) {
  const exists = await db.question.count({ where: { id: input.questionId, ...inOpenBank } });
  if (!exists) throw new AppError("refused", said("questionNotInBank"));
  await db.questionReport.create({ data: { userId: actor.id, ...input } });
}

export type { Confidence };
