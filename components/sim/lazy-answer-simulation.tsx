"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { hasSimulation } from "./answer-choices";
import type { AnswerSimulationProps } from "./answer-simulation";

const loadSimulation = () => import("./answer-simulation");

// ssr: false — the engine runs in the browser only, and only once the learner asks for it,
// so pages that embed this wrapper ship a button, not the simulator.
const AnswerSimulation = dynamic(loadSimulation, {
  ssr: false,
  loading: () => <p role="status">Loading the simulation…</p>,
});

/**
 * The answer reveal's simulation, loaded on demand: renders "Show the simulation" and
 * fetches the simulator when pressed (hovering or focusing the button starts the download
 * early). Renders nothing when neither the question nor its options have a scenario.
 */
export function LazyAnswerSimulation(props: AnswerSimulationProps) {
  const [isOpen, setOpen] = useState(false);
  if (!hasSimulation(props.question)) return null;
  if (isOpen) return <AnswerSimulation focusOnMount {...props} />;
  return (
    <p className="sim-lazy">
      <button
        type="button"
        className="button"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadSimulation()}
        onFocus={() => void loadSimulation()}
      >
        Show the simulation
      </button>
    </p>
  );
}
