import "server-only";
import {
  type GivenAnswer,
  localizeQuestion,
  type Question,
  type QuestionTranslations,
  renderMarkdown,
} from "@/lib/bank";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { type FeedbackTiming, mayReview, publicIdOf, toPublicAnswer, toPublicKeys } from "@/lib/quiz";
import type { ReviewItem, ReviewOriginal } from "@/lib/quiz/views";
import { serverText } from "@/lib/server/i18n/server-text";
import { type AttemptItem, readBankDomains, readQuestionTranslations } from "./json-columns";
import { parseStoredQuestion } from "./study-queue";

// What attempts share: the stored draw and answers parsed back, the questions at the revision the
// learner saw, and one question's review (key, explanations, simulation) for when it is allowed.

/** The refusal for an attempt that does not exist or is not the caller's. */
export const NO_ATTEMPT = () => new AppError("not-found", serverText("quiz.refusal")("noAttempt"));

export const md = (text: string | undefined) => (text ? renderMarkdown(text) : "");

/**
 * Whether the learner who made an attempt may see, now, which of its answers were right and the
 * keys: the one rule the results page and "export my data" share (the quiz's instructor always may).
 */
export function learnerMaySeeReview(
  attempt: { status: string; finishedAt: Date | null; quiz: { feedback: string; closesAt: Date | null } },
  now: Date,
): boolean {
  const finished = attempt.status !== "open" && attempt.finishedAt !== null;
  return mayReview(attempt.quiz.feedback as FeedbackTiming, finished, now, attempt.quiz.closesAt);
}

export type AttemptQuestion = {
  question: Question;
  topic: string;
  domain: string | null;
  /** The question's translations, when the attempt drew its current revision (they translate that one). */
  translations: QuestionTranslations;
};

/**
 * The questions an attempt drew, at the revision the learner saw (current text as a fallback), with
 * their translations when that revision is the current one.
 */
export async function questionsOf(
  db: PrismaClient,
  items: readonly AttemptItem[],
): Promise<Map<string, AttemptQuestion>> {
  const ids = items.map((i) => i.questionId);
  const [rows, revisions] = await Promise.all([
    db.question.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        topic: true,
        data: true,
        revision: true,
        translations: true,
        bank: { select: { domains: true } },
      },
    }),
    db.questionRevision.findMany({
      where: { OR: items.map((i) => ({ questionId: i.questionId, revision: i.revision })) },
      select: { questionId: true, data: true },
    }),
  ]);
  const revisionData = new Map(revisions.map((r) => [r.questionId, r.data]));
  const drawn = new Map(items.map((i) => [i.questionId, i.revision]));
  const out = new Map<string, AttemptQuestion>();
  for (const row of rows) {
    const question = parseStoredQuestion(revisionData.get(row.id) ?? row.data);
    if (!question) continue;
    // Questions carry no domain of their own in the bank format: the bank's first domain stands in.
    const domains = readBankDomains(row.bank.domains);
    const translations = drawn.get(row.id) === row.revision ? readQuestionTranslations(row.translations) : {};
    out.set(row.id, { question, topic: row.topic, domain: domains[0] ?? null, translations });
  }
  return out;
}

/**
 * One question reviewed: the learner's answer, whether it was right, the key, rationales,
 * explanation and simulation, in the learner's language with the English original when it was
 * translated. Only for when the feedback rule allows it.
 */
export function reviewItem(
  item: AttemptItem,
  entry: AttemptQuestion,
  answer: GivenAnswer | null,
  isCorrect: boolean,
  locale: Locale = "en",
): ReviewItem {
  const { topic } = entry;
  const { question: q, lang, original } = localizeQuestion(entry.question, entry.translations, locale);
  const byKey = new Map(q.options.map((o) => [o.key, o]));
  return {
    questionId: q.id,
    kind: q.kind,
    topic,
    titleHtml: md(q.title),
    stemHtml: md(q.stem),
    options: item.optionOrder.flatMap((key) => {
      const o = byKey.get(key);
      return o
        ? [
            {
              key,
              html: md(o.text),
              correct: o.correct,
              rationaleHtml: o.rationale ? md(o.rationale) : null,
              simYaml: o.sim?.yaml ?? null,
            },
          ]
        : [];
    }),
    answer,
    isCorrect,
    accepted: q.accepted ?? [],
    order: q.kind === "ordering" ? (q.order ?? q.options.map((o) => o.key)) : null,
    trueFalse: q.kind === "true-false" ? (q.answer ?? null) : null,
    explanationHtml: md(q.explanation),
    references: q.references,
    simYaml: q.sim?.yaml ?? null,
    lang,
    original: original ? reviewOriginal(item, original) : null,
  };
}

/** The English text of a translated question, its options in the order the attempt showed them. */
function reviewOriginal(item: AttemptItem, q: Question): ReviewOriginal {
  const byKey = new Map(q.options.map((o) => [o.key, o]));
  return {
    titleHtml: md(q.title),
    stemHtml: md(q.stem),
    options: item.optionOrder.flatMap((key) => {
      const o = byKey.get(key);
      return o ? [{ key, html: md(o.text), rationaleHtml: o.rationale ? md(o.rationale) : null }] : [];
    }),
    explanationHtml: md(q.explanation),
    references: q.references,
  };
}

/**
 * A review for the open runner (a checked question): its options, answer and order under the
 * attempt's opaque ids, as the runner knows them.
 */
export function publicReviewItem(item: AttemptItem, review: ReviewItem): ReviewItem {
  return {
    ...review,
    options: review.options.map((o) => ({ ...o, key: publicIdOf(item, o.key) ?? o.key })),
    original: review.original && {
      ...review.original,
      options: review.original.options.map((o) => ({ ...o, key: publicIdOf(item, o.key) ?? o.key })),
    },
    answer: toPublicAnswer(item, review.answer),
    order: review.order ? toPublicKeys(item, review.order) : null,
  };
}
