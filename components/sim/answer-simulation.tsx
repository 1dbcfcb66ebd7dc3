"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { parseScenario, runScenario } from "@/lib/sim";
import { initialChoice, type SimQuestion, simChoices } from "./answer-choices";
import { Heading, type HeadingLevel } from "./heading";
import { CheckIcon } from "./icons";
import { sandboxHref } from "./sandbox/scenario-url";
import { useSimErrorText } from "./sim-text";
import { SimulationView } from "./simulation-view";

export type AnswerSimulationProps = {
  question: SimQuestion;
  /** Keys of the options the learner chose; their scenario opens first. */
  chosenKeys?: string[];
  /** Level of the "Simulation" heading; the view's headings go below it. Default 3. */
  headingLevel?: HeadingLevel;
  /** Move focus to the heading once shown (the lazy wrapper's button it replaces is gone). */
  focusOnMount?: boolean;
};

const NO_KEYS: string[] = [];

/**
 * The simulation behind an answer: parses and runs the question's scenario in the browser,
 * and, when options carry scenarios, lets the learner switch between them. Load it through
 * `LazyAnswerSimulation`, which keeps this module (and the engine) out of the page bundle.
 */
export default function AnswerSimulation({
  question,
  chosenKeys = NO_KEYS,
  headingLevel = 3,
  focusOnMount = false,
}: AnswerSimulationProps) {
  const t = useTranslations("sim.answer");
  const tSandbox = useTranslations("sim.sandbox");
  const errorText = useSimErrorText();
  const choices = useMemo(() => simChoices(question, chosenKeys), [question, chosenKeys]);
  const headingRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const [selected, setSelected] = useState(() => initialChoice(choices));
  const legendId = useId();
  const choice = choices.find((c) => c.id === selected) ?? choices[0];
  const yaml = choice?.yaml ?? null;
  // Keyed on the text: a parent re-rendering with an equal question keeps the replay where it is.
  const run = useMemo(() => {
    if (yaml === null) return null;
    const parsed = parseScenario(yaml);
    if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
    return { ok: true as const, scenario: parsed.scenario, result: runScenario(parsed.scenario) };
  }, [yaml]);
  if (!choice || !run) return null;
  const viewLevel = Math.min(6, headingLevel + 1) as HeadingLevel;
  return (
    <section className="sim-answer" aria-label={t("region")}>
      <div ref={headingRef} tabIndex={-1} className="sim-answer__head">
        <Heading level={headingLevel}>{t("region")}</Heading>
      </div>
      {choices.length > 1 ? (
        <fieldset className="sim-choices" aria-describedby={legendId}>
          <legend>{t("whatIf")}</legend>
          <p id={legendId} className="sim-muted sim-small">
            {t("whatIfHint")}
          </p>
          {choices.map((c) => (
            <label key={c.id} className="sim-choice">
              <input
                type="radio"
                name={`${legendId}-choice`}
                value={c.id}
                checked={c.id === choice.id}
                onChange={() => setSelected(c.id)}
              />
              <span className="sim-choice__text">
                {c.kind === "question" ? t("questionScenario") : c.label}
              </span>
              {c.isCorrect ? (
                <span className="sim-choice__tag" data-tone="ok">
                  <CheckIcon /> {t("correct")}
                </span>
              ) : null}
              {c.isChosen ? <span className="sim-choice__tag">{t("yours")}</span> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      {run.ok ? (
        <SimulationView scenario={run.scenario} result={run.result} headingLevel={viewLevel} />
      ) : (
        <div className="notice notice--error" role="alert">
          <p>{t("unreadable")}</p>
          <ul>
            {run.errors.map((e) => {
              const said = errorText(e);
              return (
                <li key={`${e.line}:${e.column}:${e.message}`}>
                  {tSandbox("errorAt", { line: e.line, column: e.column, message: said.message })}
                  {said.hint ? ` (${said.hint})` : ""}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p className="sim-answer__sandbox">
        <a href={sandboxHref(choice.yaml)}>{t("openInSandbox")}</a>
      </p>
    </section>
  );
}
