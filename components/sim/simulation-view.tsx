"use client";

import { useTranslations } from "next-intl";
import { startTransition, useEffect, useMemo, useState } from "react";
import type { Scenario, SimResult } from "@/lib/sim";
import { ClusterPicture } from "./cluster-picture";
import { describeFrame, stepLabel } from "./describe";
import { frameAt } from "./frames";
import { Heading, type HeadingLevel, sub } from "./heading";
import { LoadBalancerPanel } from "./load-balancer-panel";
import { roleRows } from "./roles";
import { RolesPanel } from "./roles-panel";
import { useSimText } from "./sim-text";
import { TextDescription } from "./text-description";
import { buildTimeline, PLAY_INTERVAL_MS } from "./timeline";
import { TimelineControls } from "./timeline-controls";
import { useReducedMotion } from "./use-reduced-motion";
import { VerdictBanner } from "./verdict-banner";
import { volumeRows } from "./volumes";
import { VolumesPanel } from "./volumes-panel";
import "./sim.css";

export type SimulationViewProps = {
  scenario: Scenario;
  result: SimResult;
  /** Level of the view's own headings (the verdict); panels use the next level. Default 2. */
  headingLevel?: HeadingLevel;
};

/**
 * The simulator's picture of one run: the verdict, a timeline that replays the events, the
 * region with its AZs, instances and tasks, the IAM roles, load balancers and volumes, and
 * a text description of the same facts. Opens on the final moment; Play replays from the start.
 */
export function SimulationView({ scenario, result, headingLevel = 2 }: SimulationViewProps) {
  const t = useTranslations("sim.view");
  const simText = useSimText();
  const timeline = useMemo(() => buildTimeline(result), [result]);
  const last = timeline.moments.length - 1;
  const [shownResult, setShownResult] = useState(result);
  const [position, setPosition] = useState(last);
  const [isPlaying, setPlaying] = useState(false);
  const reducedMotion = useReducedMotion();

  // A new result (another scenario, a changed control) starts again on its final moment.
  if (shownResult !== result) {
    setShownResult(result);
    setPosition(last);
    setPlaying(false);
  }

  useEffect(() => {
    if (!isPlaying) return;
    if (position >= last) {
      setPlaying(false);
      return;
    }
    // A transition: React may spread the render of a big moment over several frames.
    const timer = window.setTimeout(
      () => startTransition(() => setPosition((p) => Math.min(last, p + 1))),
      PLAY_INTERVAL_MS,
    );
    return () => window.clearTimeout(timer);
  }, [isPlaying, position, last]);

  const frame = useMemo(() => frameAt(timeline, position), [timeline, position]);
  const roles = useMemo(() => roleRows(scenario, frame.roleCalls), [scenario, frame.roleCalls]);
  const volumes = useMemo(() => volumeRows(scenario, result, frame), [scenario, result, frame]);
  const label = simText(stepLabel(scenario, frame.moment.step));
  const sentences = () =>
    describeFrame(scenario, result, frame, roles, volumes, timeline.moments.length, simText);
  const panelLevel = sub(headingLevel);

  return (
    <div className="sim" data-motion={reducedMotion ? "reduced" : "full"} data-playing={isPlaying}>
      <VerdictBanner result={result} level={headingLevel} />
      <section className="sim-panel sim-replay" aria-label={t("replay")}>
        <Heading level={panelLevel}>{t("replayTitle")}</Heading>
        <TimelineControls
          moments={timeline.moments}
          position={position}
          isPlaying={isPlaying}
          events={frame.events}
          stepLabel={label}
          onPosition={(p) => {
            setPlaying(false);
            setPosition(Math.max(0, Math.min(last, p)));
          }}
          onPlay={() => {
            if (position >= last) setPosition(0);
            setPlaying(true);
          }}
          onPause={() => setPlaying(false)}
        />
        <ClusterPicture
          timeline={timeline}
          position={position}
          frame={frame}
          isProgressive={!reducedMotion}
          level={sub(panelLevel)}
        />
      </section>
      <RolesPanel rows={roles} level={panelLevel} />
      <LoadBalancerPanel frame={frame} level={panelLevel} />
      <VolumesPanel rows={volumes} level={panelLevel} />
      <TextDescription sentences={sentences} />
    </div>
  );
}
