import type { GivenAnswer, QuestionKind } from "@/lib/bank";
import type { Locale } from "@/lib/i18n/locale";

// The plain objects the quiz pages and actions exchange. While an attempt is open the browser gets
// only stems and options: no `correct` flag, no rationale, no explanation, no accepted answers,
// except for the questions a learner checked in a quiz with immediate feedback.

export type RunnerOption = { key: string; html: string };

export type RunnerItem = {
  questionId: string;
  kind: QuestionKind;
  titleHtml: string;
  stemHtml: string;
  options: RunnerOption[];
  chooseCount: number | null;
  answer: GivenAnswer | null;
  flagged: boolean;
  seq: number;
  /** Immediate feedback: this question's review, present only once the learner checked it. */
  feedback: ReviewItem | null;
  /** The language of the text above: "ko" when the question is shown in its Korean translation. */
  lang: Locale;
  /** The English original of a translated question, for the "English original" toggle; else null. */
  original: { titleHtml: string; stemHtml: string; options: RunnerOption[] } | null;
};

export type RunnerView = {
  attemptId: string;
  quizId: string;
  title: string;
  mode: "quiz" | "exam";
  /** ISO time, or null when untimed. */
  deadline: string | null;
  /** Server time when the page was made, to correct the browser's clock. */
  serverNow: string;
  /** Immediate feedback: the learner may check (and so lock) answers one by one. */
  canCheck: boolean;
  items: RunnerItem[];
};

export type ReviewOption = RunnerOption & {
  correct: boolean;
  rationaleHtml: string | null;
  simYaml: string | null;
};

export type ReviewItem = {
  questionId: string;
  kind: QuestionKind;
  topic: string;
  titleHtml: string;
  stemHtml: string;
  options: ReviewOption[];
  answer: GivenAnswer | null;
  isCorrect: boolean;
  accepted: string[];
  /** ordering: the option keys in the right order. */
  order: string[] | null;
  trueFalse: boolean | null;
  explanationHtml: string;
  references: string[];
  simYaml: string | null;
  /** The language of the text above: "ko" when the question is shown in its Korean translation. */
  lang: Locale;
  /** The English original of a translated question (same option keys), for the toggle; else null. */
  original: ReviewOriginal | null;
};

/** The English text of a reviewed question shown in translation. */
export type ReviewOriginal = {
  titleHtml: string;
  stemHtml: string;
  options: Array<RunnerOption & { rationaleHtml: string | null }>;
  explanationHtml: string;
  references: string[];
};

export type BreakdownRow = { kind: "topic" | "domain"; group: string; correct: number; total: number };

export type ResultView = {
  attemptId: string;
  quizId: string;
  title: string;
  mode: "quiz" | "exam";
  status: "submitted" | "expired";
  finishedAt: string;
  correct: number;
  total: number;
  score: number;
  scaledScore: number | null;
  passed: boolean;
  passMark: number;
  breakdown: BreakdownRow[];
  /** Null when the feedback rule does not allow a review yet. */
  review: ReviewItem[] | null;
  /** Why the review is held back (the page words it): the quiz shows answers after it closes, or later. */
  reviewNote: "after-close" | "later" | null;
};
