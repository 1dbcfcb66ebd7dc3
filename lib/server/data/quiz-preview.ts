import "server-only";
import { type Question, renderMarkdown } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { drawAttempt, seededRng, seedOf } from "@/lib/quiz";
import type { RunnerItem, RunnerOption } from "@/lib/quiz/views";
import type { ActingUser } from "../auth/acting-user";
import { readQuizQuestionIds } from "./json-columns";
import { localizeStored } from "./localized-question";
import { getOwnedQuiz, questionPool, quizFilters } from "./quizzes";

/** A question's options in the order a draw put them, as the runner draws them. */
function optionsInOrder(question: Question, order: string[]): RunnerOption[] {
  const options = new Map(question.options.map((o) => [o.key, o]));
  return order.flatMap((key) => {
    const o = options.get(key);
    return o ? [{ key, html: renderMarkdown(o.text) }] : [];
  });
}

/**
 * The quiz's owner sees it as a learner would: the questions a draw could give, stems and options
 * only (a fixed list in order; a random draw shows one sample draw), in the reader's language with
 * the English original beside a translated question, as the runner shows them.
 */
export async function previewQuestions(
  db: PrismaClient,
  actor: ActingUser,
  quizId: string,
  locale: Locale = "en",
): Promise<{ quiz: NonNullable<Awaited<ReturnType<typeof getOwnedQuiz>>>; items: RunnerItem[] } | null> {
  const quiz = await getOwnedQuiz(db, actor, quizId);
  if (!quiz) return null;
  const filters = quizFilters(quiz);
  const pool = await questionPool(
    db,
    quiz.selection === "fixed" ? { topics: [], tags: [], difficulties: [], kinds: [] } : filters,
    quiz.ownerId,
    locale !== "en",
  );
  const items = drawAttempt(
    pool,
    {
      selection: quiz.selection === "random" ? "random" : "fixed",
      questionIds: readQuizQuestionIds(quiz.questionIds),
      perTopic: quiz.perTopic,
      totalCount: quiz.mode === "exam" ? quiz.perTopic : null,
      shuffleQuestions: quiz.shuffleQuestions,
      shuffleOptions: quiz.shuffleOptions,
    },
    seededRng(seedOf(`preview:${quiz.id}`)),
  );
  const byId = new Map(pool.map((p) => [p.id, p]));
  return {
    quiz,
    items: items.flatMap((item) => {
      const entry = byId.get(item.questionId);
      if (!entry) return [];
      const { question: q, lang, original } = localizeStored(entry.question, entry.translations, locale);
      return [
        {
          questionId: q.id,
          kind: q.kind,
          titleHtml: renderMarkdown(q.title),
          stemHtml: renderMarkdown(q.stem),
          options: optionsInOrder(q, item.optionOrder),
          chooseCount: q.chooseCount ?? null,
          answer: null,
          flagged: false,
          seq: 0,
          feedback: null,
          lang,
          original: original
            ? {
                titleHtml: renderMarkdown(original.title),
                stemHtml: renderMarkdown(original.stem),
                options: optionsInOrder(original, item.optionOrder),
              }
            : null,
        },
      ];
    }),
  };
}
