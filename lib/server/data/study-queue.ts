import "server-only";
import { type Question, questionSchema } from "@/lib/bank";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { recallAt } from "@/lib/progress/recall";
import { type CardState, cardStateSchema, newCardState, studyDayStart } from "@/lib/srs";
import type { QueueItem, QueueView, StudyFilter, StudyMode } from "@/lib/study/views";
import type { ActingUser } from "../auth/acting-user";
import { presentCard, sidesOf } from "../study/present-card";
import { inStudyableBank } from "./bank-visibility";
import { readQuestionTranslations } from "./json-columns";
import { questionsHeldBack } from "./study-holdback";
import { getStudyPreferences, type StudyPreferences } from "./study-settings";

type CardRow = Prisma.StudyCardGetPayload<object>;

/** The card state stored in a StudyCard row. */
export function stateOfRow(row: CardRow): CardState {
  return cardStateSchema.parse({
    phase: row.phase,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview,
  });
}

const parsedQuestions = new Map<string, Question | null>();
const PARSED_QUESTIONS_MAX = 20_000;

/**
 * A question row's JSON, validated on the way out of the database. A stored revision never changes,
 * so the parse (JSON + zod, the larger part of a grading's CPU time) is cached by the text; the
 * result is frozen because every caller shares it.
 */
export function parseStoredQuestion(data: string): Question | null {
  const cached = parsedQuestions.get(data);
  if (cached !== undefined) return cached;
  let question: Question | null = null;
  try {
    const parsed = questionSchema.safeParse(JSON.parse(data));
    if (parsed.success) {
      question = parsed.data;
      for (const option of question.options) Object.freeze(option);
      Object.freeze(question.options);
      Object.freeze(question);
    }
  } catch {
    question = null;
  }
  if (parsedQuestions.size >= PARSED_QUESTIONS_MAX) {
    const oldest = parsedQuestions.keys().next().value;
    if (oldest !== undefined) parsedQuestions.delete(oldest);
  }
  parsedQuestions.set(data, question);
  return question;
}

/**
 * The question filter every study query shares: live questions of open banks and of the learner's
 * own decks (they join the daily queue like any bank), by topic, bank and tag.
 */
export function questionWhere(filter: StudyFilter, userId: string): Prisma.QuestionWhereInput {
  return {
    retiredAt: null,
    ...inStudyableBank(userId),
    ...(filter.topics.length ? { topic: { in: filter.topics } } : {}),
    ...(filter.banks.length ? { bankId: { in: filter.banks } } : {}),
    // Tags are stored as a JSON array of strings; matching the quoted tag is exact and portable.
    ...(filter.tags.length
      ? { OR: filter.tags.map((tag) => ({ tags: { contains: JSON.stringify(tag) } })) }
      : {}),
  };
}

/** How many new cards the learner has started today (undone grades give their slot back). */
async function newStartedToday(db: PrismaClient, actor: ActingUser, dayStart: Date): Promise<number> {
  return db.review.count({
    where: {
      userId: actor.id,
      kind: "grade",
      wasNew: true,
      serverTime: { gte: dayStart },
      undoneBy: { is: null },
    },
  });
}

/**
 * The learner's study queue: cards due now first (learning and review, oldest due first), then new
 * cards up to what is left of the daily limit; with counts and, when nothing is due, the next due time.
 * `mode: "cram"` lists every matching card in bank order and `"missed"` the cards graded Again today;
 * neither touches the schedule. `locale` picks the language of the cards' text (English when a
 * card has no translation in it); the schedule and the answers are the same in every language.
 */
export async function loadStudyQueue(
  db: PrismaClient,
  actor: ActingUser,
  filter: StudyFilter,
  now: Date,
  options: { mode?: StudyMode; limit?: number; exclude?: string[]; locale?: Locale } = {},
): Promise<QueueView> {
  const mode = options.mode ?? "review";
  const locale = options.locale ?? "en";
  const limit = Math.min(options.limit ?? 30, 200);
  const exclude = new Set(options.exclude ?? []);
  const prefs = await getStudyPreferences(db, actor);
  const dayStart = studyDayStart(now, prefs.timeZone, prefs.dayStartHour);
  // Questions of an attempt the learner has open stay out of every mode (study-holdback.ts).
  const held = await questionsHeldBack(db, actor.id, now);
  const where = { ...questionWhere(filter, actor.id), ...(held.size ? { id: { notIn: [...held] } } : {}) };
  const cards = await db.studyCard.findMany({
    where: { userId: actor.id, question: where },
    orderBy: { due: "asc" },
  });
  const byKey = new Map(cards.map((card) => [`${card.questionId}|${card.side}`, card]));
  const isActive = (card: CardRow) => !card.suspendedAt && !(card.buriedUntil && card.buriedUntil > now);
  const scheduled = cards.filter((card) => card.phase !== "new" && isActive(card));
  const dueNow = orderForExam(
    scheduled.filter((card) => card.due <= now),
    prefs,
    now,
  );
  const counts = {
    learning: dueNow.filter((card) => card.phase === "learning" || card.phase === "relearning").length,
    due: dueNow.filter((card) => card.phase === "review").length,
    new: 0,
  };
  const newLeftToday = Math.max(0, prefs.newPerDay - (await newStartedToday(db, actor, dayStart)));

  const questions = await db.question.findMany({
    where,
    orderBy: [{ bankId: "asc" }, { position: "asc" }],
    select: { id: true, bankId: true, data: true, revision: true, topic: true, translations: true },
  });
  const questionById = new Map(questions.map((q) => [q.id, q]));

  // New cards: sides with no card yet, or a card still new (e.g. after an undo), not suspended.
  // Banks are interleaved (one from each in turn): mixing topics and card kinds helps recall.
  const freshByBank = new Map<string, Array<{ questionId: string; side: string }>>();
  for (const q of questions) {
    const parsed = parseStoredQuestion(q.data);
    if (!parsed) continue;
    for (const side of sidesOf(parsed)) {
      const card = byKey.get(`${q.id}|${side}`);
      if (card && !(card.phase === "new" && isActive(card))) continue;
      const list = freshByBank.get(q.bankId) ?? [];
      list.push({ questionId: q.id, side });
      freshByBank.set(q.bankId, list);
    }
  }
  const fresh = interleave([...freshByBank.values()]);
  counts.new = Math.min(newLeftToday, fresh.length);

  let picked: Array<{ questionId: string; side: string }>;
  if (mode === "cram") {
    picked = questions.flatMap((q) => {
      const parsed = parseStoredQuestion(q.data);
      return parsed ? sidesOf(parsed).map((side) => ({ questionId: q.id, side })) : [];
    });
  } else if (mode === "missed") {
    const missed = await db.review.findMany({
      where: {
        userId: actor.id,
        kind: "grade",
        grade: "again",
        serverTime: { gte: dayStart },
        undoneBy: { is: null },
      },
      select: { card: { select: { questionId: true, side: true } } },
      orderBy: { serverTime: "asc" },
    });
    const seen = new Set<string>();
    picked = missed
      .map((r) => r.card)
      .filter(
        (c) =>
          questionById.has(c.questionId) &&
          !seen.has(`${c.questionId}|${c.side}`) &&
          seen.add(`${c.questionId}|${c.side}`),
      );
  } else {
    picked = [
      ...dueNow.map((card) => ({ questionId: card.questionId, side: card.side })),
      ...fresh.slice(0, counts.new),
    ];
  }

  const items: QueueItem[] = [];
  for (const ref of picked) {
    if (items.length >= limit) break;
    const key = `${ref.questionId}|${ref.side}`;
    if (exclude.has(key)) continue;
    const row = questionById.get(ref.questionId);
    const question = row ? parseStoredQuestion(row.data) : null;
    if (!row || !question) continue;
    const card = byKey.get(key);
    const state = card ? stateOfRow(card) : newCardState(now);
    items.push(
      presentCard(
        question,
        {
          revision: row.revision,
          topic: row.topic,
          // Only the cards shown are read in another language; English needs no translation read.
          translations: locale === "en" ? undefined : readQuestionTranslations(row.translations),
          locale,
        },
        ref.side,
        state,
        prefs,
        now,
      ),
    );
  }

  const upcoming = scheduled.find((card) => card.due > now);
  return {
    items,
    counts,
    nextDueAt: dueNow.length === 0 && counts.new === 0 && upcoming ? upcoming.due.toISOString() : null,
    newLeftToday,
  };
}

/**
 * With an exam date ahead, due cards whose recall on the exam date would be lowest come first, so a
 * short session saves what would otherwise be forgotten by then. Otherwise, oldest due first.
 */
export function orderForExam<T extends CardRow>(due: T[], prefs: StudyPreferences, now: Date): T[] {
  const exam = prefs.examDate;
  if (!exam || exam.getTime() <= now.getTime()) return due;
  const recall = new Map(due.map((card) => [card.id, recallAt(card, exam, prefs.weights)]));
  return [...due].sort((a, b) => (recall.get(a.id) ?? 0) - (recall.get(b.id) ?? 0));
}

/** One from each list in turn, until all are used: [[a1, a2], [b1]] → [a1, b1, a2]. */
export function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < lists.reduce((n, l) => n + l.length, 0); i += 1) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
}

/** The preferences a queue was built with (re-exported for the page's header). */
export type { StudyPreferences };
