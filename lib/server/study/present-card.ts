import "server-only";
import {
  clozeCards,
  localizeQuestion,
  type Question,
  type QuestionTranslations,
  renderMarkdown,
} from "@/lib/bank";
import type { Locale } from "@/lib/i18n/locale";
import { type CardState, previewGrades, type SchedulerSettings } from "@/lib/srs";
import type { QueueItem, StudyOriginal } from "@/lib/study/views";

/** The sides a question is studied from: one, two for a reversible flashcard, one per cloze number. */
export function sidesOf(question: Question): string[] {
  if (question.kind === "cloze") return clozeCards(question).map((card) => `c${card.index}`);
  if (question.kind === "flashcard" && question.reversible) return ["", "reverse"];
  return [""];
}

const md = (text: string | undefined | null) => (text ? renderMarkdown(text) : "");

/**
 * Turns a stored question and the learner's card state into what the study page shows:
 * Markdown rendered and sanitized, and the interval each grade would schedule. With a locale that
 * has a translation of the card, its text is shown in that language and the English original
 * rides along for the toggle; keys, answers and the schedule are the same in every language.
 */
export function presentCard(
  english: Question,
  meta: { revision: number; topic: string; translations?: QuestionTranslations; locale?: Locale },
  side: string,
  state: CardState,
  settings: SchedulerSettings,
  now: Date,
): QueueItem {
  const preview = previewGrades(state, settings, now);
  const { question, lang, original } = localizeQuestion(english, meta.translations, meta.locale ?? "en");
  const text = cardText(question, side);
  return {
    ref: { questionId: question.id, side },
    key: `${question.id}|${side}`,
    kind: question.kind,
    phase: state.phase,
    revision: meta.revision,
    topic: meta.topic,
    tags: question.tags,
    titleHtml: text.titleHtml,
    promptHtml: text.promptHtml,
    answerHtml: text.answerHtml,
    options: question.options.map((o, i) => ({
      key: o.key,
      html: text.options[i]?.html ?? "",
      correct: o.correct,
      rationaleHtml: text.options[i]?.rationaleHtml ?? null,
      misconception: o.misconception ?? null,
      simYaml: o.sim?.yaml ?? null,
    })),
    chooseCount: question.chooseCount ?? null,
    accepted: question.accepted ?? [],
    order: question.kind === "ordering" ? (question.order ?? question.options.map((o) => o.key)) : null,
    trueFalse: question.kind === "true-false" ? (question.answer ?? null) : null,
    explanationHtml: text.explanationHtml,
    references: question.references,
    simYaml: question.sim?.yaml ?? null,
    intervals: {
      again: preview.again.label,
      hard: preview.hard.label,
      good: preview.good.label,
      easy: preview.easy.label,
    },
    lang,
    original: original ? cardText(original, side) : null,
  };
}

/** The rendered text of one side of a card, in whichever language `question` is written. */
function cardText(question: Question, side: string): StudyOriginal {
  let promptHtml = md(question.stem);
  let answerHtml: string | null = null;
  if (question.kind === "flashcard") {
    const front = md(question.front ?? question.stem);
    const back = md(question.back);
    [promptHtml, answerHtml] = side === "reverse" ? [back, front] : [front, back];
  } else if (question.kind === "cloze") {
    const index = Number(side.slice(1));
    const card = clozeCards(question).find((c) => c.index === index);
    promptHtml = md(card?.front ?? question.cloze);
    answerHtml = md(card?.back ?? question.cloze);
  }
  return {
    titleHtml: md(question.title),
    promptHtml,
    answerHtml,
    options: question.options.map((o) => ({
      key: o.key,
      html: md(o.text),
      rationaleHtml: o.rationale ? md(o.rationale) : null,
    })),
    explanationHtml: md(question.explanation),
    references: question.references,
  };
}
