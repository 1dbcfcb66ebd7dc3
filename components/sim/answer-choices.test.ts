import { describe, expect, it } from "vitest";
import { hasSimulation, initialChoice, QUESTION_CHOICE_ID, simChoices } from "./answer-choices";

const yaml = (n: number) => `taskDefinition: { cpu: 256, memory: ${512 * n} }`;

const question = {
  sim: { yaml: yaml(1) },
  options: [
    { key: "A", text: "Use a Classic Load Balancer", correct: false, sim: { yaml: yaml(2) } },
    { key: "B", text: "Use an Application Load Balancer", correct: true, sim: { yaml: yaml(4) } },
    { key: "C", text: "Use a bigger instance", correct: false, sim: null },
  ],
};

describe("simChoices", () => {
  it("lists the question's scenario, then each option that has one, marking correct and chosen", () => {
    const choices = simChoices(question, ["A"]);
    expect(choices.map((c) => [c.id, c.label, c.isCorrect, c.isChosen])).toEqual([
      [QUESTION_CHOICE_ID, "The scenario in the question", false, false],
      ["option-A", "A. Use a Classic Load Balancer", false, true],
      ["option-B", "B. Use an Application Load Balancer", true, false],
    ]);
  });
});

describe("initialChoice", () => {
  it("opens on the learner's choice when it has a scenario", () => {
    expect(initialChoice(simChoices(question, ["A"]))).toBe("option-A");
  });

  it("falls back to the question's scenario, then to the correct option", () => {
    expect(initialChoice(simChoices(question, ["C"]))).toBe(QUESTION_CHOICE_ID);
    expect(initialChoice(simChoices({ options: question.options }, []))).toBe("option-B");
    expect(initialChoice([])).toBeNull();
  });
});

describe("hasSimulation", () => {
  it("is true when the question or any option has a non-empty scenario", () => {
    expect(hasSimulation(question)).toBe(true);
    expect(hasSimulation({ options: [{ key: "A", text: "x", correct: true, sim: { yaml: "  " } }] })).toBe(
      false,
    );
    expect(hasSimulation({ sim: null })).toBe(false);
  });
});
