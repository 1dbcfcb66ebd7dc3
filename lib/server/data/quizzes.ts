import "server-only";
import { CARD_KINDS, type Question } from "@/lib/bank";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import type { PoolQuestion } from "@/lib/quiz";
import type { QuizFilters, QuizInput } from "@/lib/quiz/schemas";
import { type ActingUser, ForbiddenError } from "../auth/acting-user";
import { inOpenBank } from "./bank-visibility";
import { assertOwnsClass, isMember } from "./classes";
import { readBankDomains, readQuizFilters } from "./json-columns";
import { localizeStored } from "./localized-question";
import { parseStoredQuestion } from "./study-queue";
import { topicLabel } from "./topics";

// Quizzes: built by a class's instructor from the banks; a learner's practice exam is a quiz
// they own with mode "exam". Every function checks who is acting.

export type QuizRow = Prisma.QuizGetPayload<object>;

/** A quiz form's settings as columns: what an instructor may change at any time. */
export const quizSettingsData = (input: Omit<QuizInput, "classId">) => ({
  title: input.title,
  shuffleQuestions: input.shuffleQuestions,
  shuffleOptions: input.shuffleOptions,
  timeLimitMinutes: input.timeLimitMinutes,
  opensAt: input.opensAt,
  closesAt: input.closesAt,
  attemptsAllowed: input.attemptsAllowed,
  passMark: input.passMark,
  feedback: input.feedback,
});

/** A quiz form's question selection as columns: locked once anyone has attempted the quiz. */
export const quizSelectionData = (input: Omit<QuizInput, "classId">) => ({
  filters: JSON.stringify(input.filters),
  selection: input.selection,
  questionIds: JSON.stringify(input.selection === "fixed" ? input.questionIds : []),
  perTopic: input.selection === "random" ? input.perTopic : null,
});

const toData = (input: QuizInput) => ({ ...quizSettingsData(input), ...quizSelectionData(input) });

/** Instructors: a quiz in a class they own. */
export async function createQuiz(db: PrismaClient, actor: ActingUser, input: QuizInput) {
  const me = await assertOwnsClass(db, actor, input.classId);
  return db.quiz.create({
    data: { ...toData(input), ownerId: me.id, classId: input.classId, mode: "quiz" },
    select: { id: true },
  });
}

/** The quiz's instructor: a copy titled "… (copy)", in the same class, with no attempts. */
export async function duplicateQuiz(db: PrismaClient, actor: ActingUser, quizId: string) {
  const quiz = await getOwnedQuiz(db, actor, quizId);
  if (quiz?.mode !== "quiz") throw new ForbiddenError(`User ${actor.id} cannot copy quiz ${quizId}`);
  const { id: _id, createdAt: _c, updatedAt: _u, title, ...rest } = quiz;
  return db.quiz.create({ data: { ...rest, title: `${title} (copy)`.slice(0, 200) }, select: { id: true } });
}

/** A quiz its owner may manage (instructor's class quiz or learner's own exam), else null. */
export async function getOwnedQuiz(db: PrismaClient, actor: ActingUser, quizId: string) {
  return db.quiz.findFirst({ where: { id: quizId, ownerId: actor.id } });
}

/**
 * A quiz as the acting person may see it: its owner, or a learner on its class's roster.
 * Null for anyone else (pages show not-found; actions refuse).
 */
export async function getVisibleQuiz(db: PrismaClient, actor: ActingUser, quizId: string) {
  const quiz = await db.quiz.findUnique({
    where: { id: quizId },
    include: { class: { select: { id: true, name: true } } },
  });
  if (!quiz) return null;
  if (quiz.ownerId === actor.id) return quiz;
  if (quiz.mode === "quiz" && quiz.classId && (await isMember(db, actor.id, quiz.classId))) return quiz;
  return null;
}

/** The quizzes of a class, for its owner. */
export async function listClassQuizzes(db: PrismaClient, actor: ActingUser, classId: string) {
  await assertOwnsClass(db, actor, classId);
  return db.quiz.findMany({
    where: { classId },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, opensAt: true, closesAt: true, timeLimitMinutes: true },
  });
}

/** The quizzes of the classes a learner joined, and their own practice exams. */
export async function listLearnerQuizzes(db: PrismaClient, actor: ActingUser) {
  return db.quiz.findMany({
    where: {
      OR: [
        { mode: "quiz", class: { members: { some: { userId: actor.id } } } },
        { mode: "exam", ownerId: actor.id },
      ],
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      mode: true,
      opensAt: true,
      closesAt: true,
      timeLimitMinutes: true,
      attemptsAllowed: true,
      createdAt: true,
      class: { select: { name: true } },
    },
  });
}

/** Live, gradable questions matching the filters (public bank data). */
export async function questionPool(
  db: PrismaClient,
  filters: QuizFilters,
  /** Whose private (uploaded) banks may be drawn from too: the quiz's owner. */
  ownerId: string | null,
  /** Read the translations column too (pages that show the questions); a draw needs none. */
  withTranslations = false,
): Promise<Array<PoolQuestion & { question: Question; domain: string | null; translations: string | null }>> {
  const rows = await db.question.findMany({
    where: {
      kind: filters.kinds.length
        ? { in: filters.kinds.filter((k) => !CARD_KINDS.has(k)) }
        : { notIn: [...CARD_KINDS] },
      ...(filters.topics.length ? { topic: { in: filters.topics } } : {}),
      ...(filters.difficulties.length ? { difficulty: { in: filters.difficulties } } : {}),
      AND: [
        ...(filters.tags.length
          ? [{ OR: filters.tags.map((tag) => ({ tags: { contains: JSON.stringify(tag) } })) }]
          : []),
        { retiredAt: null },
        {
          OR: [
            // Shipped and published banks, for everyone.
            inOpenBank,
            // An instructor's private uploads, for their own quizzes only.
            ...(ownerId ? [{ bank: { upload: { is: { ownerId } } } }] : []),
          ],
        },
      ],
    },
    orderBy: [{ bankId: "asc" }, { position: "asc" }],
    select: {
      id: true,
      topic: true,
      revision: true,
      data: true,
      translations: withTranslations,
      bank: { select: { domains: true } },
    },
  });
  return rows.flatMap((row) => {
    const question = parseStoredQuestion(row.data);
    if (!question) return [];
    const domains = readBankDomains(row.bank.domains);
    return [
      {
        id: row.id,
        topic: row.topic,
        revision: row.revision,
        optionKeys: question.options.map((o) => o.key),
        // Ordering items are written in the right order: shown as written, they would give it away.
        alwaysShuffle: question.kind === "ordering",
        question,
        domain: domains[0] ?? null,
        translations: row.translations ?? null,
      },
    ];
  });
}

/**
 * The topics a learner's practice exam can draw from, with how many questions each offers: only
 * gradable questions of shipped and published banks count (flashcards and cloze cards are studied,
 * never drawn), so "Cluster placement (36)" means 36 questions an exam can ask. Public bank data.
 */
export async function examTopics(
  db: PrismaClient,
  locale: Locale = "en",
): Promise<Array<{ value: string; label: string; count: number }>> {
  const rows = await db.question.groupBy({
    by: ["topic"],
    where: { retiredAt: null, kind: { notIn: [...CARD_KINDS] }, ...inOpenBank },
    _count: { _all: true },
  });
  return rows
    .map((row) => ({ value: row.topic, label: topicLabel(row.topic, locale), count: row._count._all }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** The filters stored on a quiz, parsed back. */
export function quizFilters(quiz: Pick<QuizRow, "filters">): QuizFilters {
  return readQuizFilters(quiz.filters);
}

/** Learners: a practice exam of their own (mode "exam"), drawn from the chosen topics. */
export async function createExam(
  db: PrismaClient,
  actor: ActingUser,
  input: { title: string; topics: string[]; questionCount: number; timeLimitMinutes: number },
) {
  const pool = await questionPool(db, { topics: input.topics, tags: [], difficulties: [], kinds: [] }, null);
  if (pool.length === 0) throw new AppError("invalid", "No questions match those topics.");
  const drawn = Math.min(input.questionCount, pool.length);
  return db.quiz.create({
    data: {
      ownerId: actor.id,
      mode: "exam",
      title: input.title || `Practice exam (${drawn} ${drawn === 1 ? "question" : "questions"})`,
      filters: JSON.stringify({ topics: input.topics, tags: [], difficulties: [], kinds: [] }),
      selection: "random",
      perTopic: input.questionCount,
      shuffleQuestions: true,
      shuffleOptions: true,
      timeLimitMinutes: input.timeLimitMinutes,
      attemptsAllowed: 100,
      passMark: 72,
      feedback: "after-submit",
    },
    select: { id: true },
  });
}

/**
 * What the quiz builder's form offers an instructor: the topics and tags of the questions they
 * may draw from (shipped, published and their own banks), and those questions.
 */
export async function builderChoices(db: PrismaClient, actor: ActingUser, locale: Locale = "en") {
  if (!actor.roles.includes("instructor")) return { topics: [], tags: [], questions: [] };
  const pool = await questionPool(db, { topics: [], tags: [], difficulties: [], kinds: [] }, actor.id, true);
  const topicCounts = new Map<string, number>();
  const tagCounts = new Map<string, number>();
  for (const { topic, question } of pool) {
    topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
    for (const tag of question.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  return {
    topics: [...topicCounts.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([topic, count]) => ({ value: topic, label: topicLabel(topic, locale), count })),
    tags: [...tagCounts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 40)
      .map(([tag]) => tag),
    questions: pool.map(({ question, topic, translations }) => {
      // The title as study shows it: in the reader's language when translated; `lang` marks English.
      const shown = localizeStored(question, translations, locale);
      return {
        id: question.id,
        title: shown.question.title,
        lang: shown.lang,
        topic,
        topicLabel: topicLabel(topic, locale),
        kind: question.kind,
        difficulty: question.difficulty,
      };
    }),
  };
}
