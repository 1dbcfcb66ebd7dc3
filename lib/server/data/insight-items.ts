import "server-only";
import { type Question, renderMarkdown } from "@/lib/bank";
import { textOfHtml } from "@/lib/bank/html-text";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import {
  type ItemOption,
  type ItemResponse,
  type ItemStats,
  itemStatistics,
  type ScoredAttempt,
} from "@/lib/progress/item-stats";
import { type ActingUser, ForbiddenError } from "../auth/acting-user";
import { finishOverdue } from "./attempts";
import { readAttemptItems, readQuizQuestionIds, readSavedAnswer } from "./json-columns";
import { localizeStored } from "./localized-question";
import { getOwnedQuiz } from "./quizzes";
import { parseStoredQuestion } from "./study-queue";

// Per-question statistics of a class quiz for its instructor. Each learner counts once, with their
// first finished attempt: later attempts come after feedback and would make questions look easier
// than they were, and one person's several attempts are not independent observations.

/** `title` and the options' labels in the reader's language when translated; `lang` is theirs. */
export type QuestionStats = ItemStats & { title: string; lang: Locale; kind: string; topic: string };

export type QuizStatsView = {
  quizId: string;
  title: string;
  classId: string;
  /** Learners counted (one first finished attempt each). */
  learners: number;
  questions: QuestionStats[];
};

/** Markdown as plain text, for table cells and CSV. */
export function plainText(markdown: string): string {
  return textOfHtml(renderMarkdown(markdown));
}

/** The options a response can name: the question's own, with their misconception tags. */
function optionsOf(question: Question | null): ItemOption[] {
  if (!question) return [];
  return question.options.map((o) => ({
    key: o.key,
    label: plainText(o.text),
    isCorrect: o.correct,
    misconception: o.misconception ?? null,
  }));
}

/** The option keys an answer chose: choice keys, or the True/False option a true-false value names. */
function chosenKeys(question: Question | null, json: string | null): string[] | null {
  if (!json) return null;
  const given = readSavedAnswer(json);
  if (!given) return null;
  if (given.kind === "choice") return given.keys;
  if (given.kind === "true-false") {
    const option = question?.options.find((o) => o.text.trim().toLowerCase() === String(given.value));
    return option ? [option.key] : [];
  }
  return [];
}

/** The quiz's owner only (a class quiz): facility, discrimination and distractors per question. */
export async function quizItemStats(
  db: PrismaClient,
  actor: ActingUser,
  quizId: string,
  now: Date,
  locale: Locale = "en",
): Promise<QuizStatsView> {
  const quiz = actor.roles.includes("instructor") ? await getOwnedQuiz(db, actor, quizId) : null;
  if (quiz?.mode !== "quiz" || !quiz.classId)
    throw new ForbiddenError(`User ${actor.id} does not own class quiz ${quizId}`);
  await finishOverdue(db, { quizId }, now);
  const finished = await db.quizAttempt.findMany({
    where: { quizId, status: { not: "open" } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      userId: true,
      correct: true,
      total: true,
      items: true,
      answers: { select: { questionId: true, answer: true, isCorrect: true } },
    },
  });
  const firsts = new Map<string, (typeof finished)[number]>();
  for (const a of finished) if (!firsts.has(a.userId)) firsts.set(a.userId, a);

  // Question order: the quiz's fixed list first, then any drawn at random, as first seen.
  const order: string[] = [...readQuizQuestionIds(quiz.questionIds)];
  const drawnOf = new Map<string, string[]>();
  for (const a of firsts.values()) {
    const drawn = readAttemptItems(a.items).map((i) => i.questionId);
    drawnOf.set(a.id, drawn);
    for (const id of drawn) if (!order.includes(id)) order.push(id);
  }
  const rows = await db.question.findMany({
    where: { id: { in: order } },
    select: { id: true, title: true, kind: true, topic: true, data: true, translations: true },
  });
  const byId = new Map(
    rows.map((r) => {
      const question = parseStoredQuestion(r.data);
      // Answers are matched against the English question; the reader sees the localized one.
      const shown = question ? localizeStored(question, r.translations, locale) : null;
      return [r.id, { row: r, question, shown }];
    }),
  );

  const attempts: ScoredAttempt[] = [...firsts.values()].map((a) => {
    const saved = new Map(a.answers.map((s) => [s.questionId, s]));
    const responses = new Map<string, ItemResponse>();
    for (const questionId of drawnOf.get(a.id) ?? []) {
      const answer = saved.get(questionId);
      responses.set(questionId, {
        isCorrect: answer?.isCorrect ?? false,
        chosen: chosenKeys(byId.get(questionId)?.question ?? null, answer?.answer ?? null),
      });
    }
    return { id: a.id, correct: a.correct ?? 0, total: a.total, responses };
  });
  const present = order.filter((id) => byId.has(id));
  const stats = itemStatistics(
    present.map((id) => ({ questionId: id, options: optionsOf(byId.get(id)?.shown?.question ?? null) })),
    attempts,
  );
  return {
    quizId: quiz.id,
    title: quiz.title,
    classId: quiz.classId,
    learners: attempts.length,
    questions: stats.map((s) => {
      const entry = byId.get(s.questionId);
      const row = entry?.row;
      return {
        ...s,
        title: row ? plainText(entry?.shown?.question.title ?? row.title) : s.questionId,
        lang: entry?.shown?.lang ?? "en",
        kind: row?.kind ?? "",
        topic: row?.topic ?? "",
      };
    }),
  };
}
