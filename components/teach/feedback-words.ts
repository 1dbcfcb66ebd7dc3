import type { FeedbackTiming } from "@/lib/quiz";

// When a quiz shows its answers and explanations, as the builder's options and the quiz pages say it.

const WORDS: Record<FeedbackTiming, string> = {
  immediate: "answers and explanations show per question, as soon as it is checked",
  "after-submit": "answers and explanations show after submitting",
  "after-close": "answers and explanations show after the quiz closes",
};

/** The feedback rule in words; an unknown stored value reads as the strictest rule. */
export function feedbackWords(feedback: string): string {
  return WORDS[feedback as FeedbackTiming] ?? WORDS["after-close"];
}
