import type { GivenAnswer, QuestionKind } from "@/lib/bank";
import type { Locale } from "@/lib/i18n/locale";
import type { CardPhase, GradeName } from "@/lib/srs";

// The plain objects the study page and its server actions exchange. Markdown arrives already
// rendered and sanitized on the server; answers are included because study (unlike a graded
// quiz) shows feedback the moment a learner answers.

/** Which card: a question, and which side of it ("" itself, "reverse", or "c1"… for cloze). */
export type CardRef = { questionId: string; side: string };

export type StudyOption = {
  key: string;
  html: string;
  correct: boolean;
  rationaleHtml: string | null;
  misconception: string | null;
  simYaml: string | null;
};

export type QueueItem = {
  ref: CardRef;
  /** `${questionId}|${side}`: unique within a learner's deck. */
  key: string;
  kind: QuestionKind;
  phase: CardPhase;
  revision: number;
  topic: string;
  tags: string[];
  titleHtml: string;
  /** The stem of a question, or the front of a card. */
  promptHtml: string;
  /** The back of a flashcard or cloze card. */
  answerHtml: string | null;
  options: StudyOption[];
  chooseCount: number | null;
  accepted: string[];
  order: string[] | null;
  trueFalse: boolean | null;
  explanationHtml: string;
  references: string[];
  simYaml: string | null;
  /** What each grade would schedule, as labels ("10m", "3d"). */
  intervals: Record<GradeName, string>;
  /** The language of the text above: "ko" when the card is shown in its Korean translation. */
  lang: Locale;
  /** The English original of a translated card, for the "English original" toggle; else null. */
  original: StudyOriginal | null;
};

/** The English text of a card shown in translation (options under the same keys). */
export type StudyOriginal = {
  titleHtml: string;
  promptHtml: string;
  answerHtml: string | null;
  options: Array<{ key: string; html: string; rationaleHtml: string | null }>;
  explanationHtml: string;
  references: string[];
};

export type StudyCounts = { new: number; learning: number; due: number };

export type StudyFilter = { topics: string[]; tags: string[]; banks: string[] };

export type StudyMode = "review" | "cram" | "missed";

export type QueueView = {
  items: QueueItem[];
  counts: StudyCounts;
  /** When the next card falls due, if nothing is due now. */
  nextDueAt: string | null;
  newLeftToday: number;
};

export type Confidence = "guessed" | "sure" | "certain";

export type GradeRequest = {
  reviewId: string;
  ref: CardRef;
  /** Flashcards: the learner's own grade. Practice questions: derived on the server from the answer. */
  grade?: GradeName;
  answer?: GivenAnswer;
  confidence?: Confidence;
  durationMs: number;
  clientTime: string;
};

export type GradeResponse = {
  reviewId: string;
  grade: GradeName;
  isCorrect: boolean | null;
  due: string;
  phase: CardPhase;
  /** True when this grading id had already been recorded: nothing changed this time. */
  repeated: boolean;
};
