import type { FeedbackTiming } from "@/lib/quiz";
import enTeach from "@/messages/en/teach.json";

// When a quiz shows its answers and explanations, as the builder's options and the quiz pages say
// it. The words live in the teach catalog (`teach.feedbackRule.<timing>`): a page in the learner's
// language asks for t("feedbackRule." + feedbackRule(quiz.feedback)) from the teach namespace.

const TIMINGS: readonly FeedbackTiming[] = ["immediate", "after-submit", "after-close"];

/** The catalog key of a quiz's feedback rule; an unknown stored value reads as the strictest rule. */
export function feedbackRule(feedback: string): FeedbackTiming {
  return TIMINGS.includes(feedback as FeedbackTiming) ? (feedback as FeedbackTiming) : "after-close";
}

/** The feedback rule in English words (pages not yet in the catalog's languages). */
export function feedbackWords(feedback: string): string {
  // i18n-keys: teach.feedbackRule.*
  return enTeach.feedbackRule[feedbackRule(feedback)];
}
