import type { Locale } from "../i18n/locale";
import { parseCloze } from "./cloze";
import type { Question } from "./schema";
import type { ItemTranslation, QuestionTranslations } from "./translation-schema";
import { normalizeTypedAnswer } from "./typed-answer";

/** What of a question a learner reads, and so what a translation may replace. */
export type LocalizableQuestion = Pick<
  Question,
  "id" | "kind" | "title" | "stem" | "options" | "front" | "back" | "cloze" | "explanation" | "references"
> &
  Partial<Pick<Question, "accepted">>;

/**
 * A question as a learner of one language sees it. `lang` is the language of `question`'s text;
 * `original` is the English question when a translation was used (for the "English original"
 * toggle), else null.
 */
export type Localized<Q> = { question: Q; lang: Locale; original: Q | null };

/**
 * The text to show a learner: the question in the learner's language when it has a translation
 * that still fits it, else the English question. Only text changes: ids, kinds, option keys and
 * order, right answers, simulations and everything else stay the English question's. References
 * list the Korean pages first, then the English ones; typed questions accept the Korean answers too.
 *
 * @example
 * const { question, original } = localizeQuestion(q, { ko }, "ko");
 * question.options.map((o) => o.key) // the same keys as q's, in the same order
 * original === q // the English text, for the toggle
 */
export function localizeQuestion<Q extends LocalizableQuestion>(
  question: Q,
  translations: QuestionTranslations | null | undefined,
  locale: Locale,
): Localized<Q> {
  const t = locale === "en" ? undefined : translations?.[locale];
  if (!t || !fits(question, t)) return { question, lang: "en", original: null };
  const byKey = new Map(t.options.map((o) => [o.key, o]));
  const shown: Q = {
    ...question,
    title: t.title,
    stem: t.stem,
    options: question.options.map((o) => {
      const k = byKey.get(o.key);
      // A why in English keeps its English text when the translation has none (the checker warns).
      return {
        ...o,
        text: k?.text ?? o.text,
        rationale: o.rationale ? (k?.rationale ?? o.rationale) : undefined,
      };
    }),
    front: question.front === undefined ? undefined : (t.front ?? question.front),
    back: question.back === undefined ? undefined : (t.back ?? question.back),
    cloze: question.cloze === undefined ? undefined : (t.cloze ?? question.cloze),
    explanation: t.explanation.trim() === "" ? question.explanation : t.explanation,
    references: [...t.references, ...question.references.filter((url) => !t.references.includes(url))],
  };
  if (question.kind === "typed") shown.accepted = acceptedAnswers(question, translations);
  return { question: shown, lang: locale, original: question };
}

/**
 * A question's answer key with the accepted answers of every translation added, for grading: a
 * typed answer is right in any language Taskdeck carries, whichever language the page was in.
 *
 * @example
 * answerKeyWithTranslations({ kind: "typed", accepted: ["2049"] }, { ko }).accepted // ["2049", "TCP 2049번"]
 */
export function answerKeyWithTranslations<
  Q extends Pick<Question, "kind"> & Partial<Pick<Question, "accepted">>,
>(question: Q, translations: QuestionTranslations | null | undefined): Q {
  if (question.kind !== "typed" || !translations) return question;
  return { ...question, accepted: acceptedAnswers(question, translations) };
}

function acceptedAnswers(
  question: Partial<Pick<Question, "accepted">>,
  translations: QuestionTranslations | null | undefined,
): string[] {
  const all = [
    ...(question.accepted ?? []),
    ...Object.values(translations ?? {}).flatMap((t) => t?.accepted ?? []),
  ];
  const seen = new Set<string>();
  return all.filter((a) => {
    const key = normalizeTypedAnswer(a);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/**
 * Whether a stored translation still fits the question: the checker compared them at sync, but a
 * learner may see an older revision of the question (an attempt keeps the text it drew), so the
 * shape is compared again and a translation of another shape is not shown.
 */
function fits(question: LocalizableQuestion, t: ItemTranslation): boolean {
  if (t.id !== question.id || t.kind !== question.kind) return false;
  const keys = (options: Array<{ key: string }>) => options.map((o) => o.key).join(",");
  if (keys(question.options) !== keys(t.options)) return false;
  if (question.kind === "cloze") {
    const shape = (text: string | undefined) =>
      parseCloze(text ?? "")
        .deletions.map((d) => d.index)
        .sort((a, b) => a - b)
        .join(",");
    if (shape(question.cloze) !== shape(t.cloze)) return false;
  }
  return true;
}
