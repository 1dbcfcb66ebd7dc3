/**
 * The scenarios an answer reveal can show: the question's own, then one per option that
 * carries a scenario ("What if I had chosen…"). Tiny and dependency-free, so the lazy
 * wrapper can decide whether to offer a simulation without loading the simulator.
 */

export type SimBlockRef = { yaml: string } | null | undefined;

export type SimQuestion = {
  sim?: SimBlockRef;
  options?: Array<{ key: string; text: string; correct: boolean; sim?: SimBlockRef }>;
};

export type SimChoice = {
  id: string;
  kind: "question" | "option";
  /** The option's key ("A"), or null for the question's scenario. */
  key: string | null;
  label: string;
  yaml: string;
  isCorrect: boolean;
  isChosen: boolean;
};

export const QUESTION_CHOICE_ID = "question";

/** True when the question or one of its options has a scenario to simulate. */
export function hasSimulation(question: SimQuestion): boolean {
  return (
    Boolean(question.sim?.yaml.trim()) || (question.options ?? []).some((o) => Boolean(o.sim?.yaml.trim()))
  );
}

/** The question's scenario first, then each option's, in the options' order. */
export function simChoices(question: SimQuestion, chosenKeys: readonly string[] = []): SimChoice[] {
  const choices: SimChoice[] = [];
  if (question.sim?.yaml.trim()) {
    choices.push({
      id: QUESTION_CHOICE_ID,
      kind: "question",
      key: null,
      label: "The scenario in the question",
      yaml: question.sim.yaml,
      isCorrect: false,
      isChosen: false,
    });
  }
  for (const option of question.options ?? []) {
    if (!option.sim?.yaml.trim()) continue;
    choices.push({
      id: `option-${option.key}`,
      kind: "option",
      key: option.key,
      label: `${option.key}. ${option.text}`,
      yaml: option.sim.yaml,
      isCorrect: option.correct,
      isChosen: chosenKeys.includes(option.key),
    });
  }
  return choices;
}

/**
 * Which scenario opens first: the learner's chosen option, so they see what their answer
 * does; else the question's own; else the correct option's; else the first.
 */
export function initialChoice(choices: readonly SimChoice[]): string | null {
  const pick =
    choices.find((c) => c.isChosen) ??
    choices.find((c) => c.kind === "question") ??
    choices.find((c) => c.isCorrect) ??
    choices[0];
  return pick?.id ?? null;
}
