"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, startTransition, useEffect, useRef, useState } from "react";

// The progress page's numbers and data tables are server-rendered; its charts (recharts, the
// largest script on the page) are fetched only in the browser, and each chart is drawn only when
// it comes near the viewport, one chart at a time: the next waits until the last one is on screen
// and the browser is idle again, so no two charts are drawn in the same task. The slot keeps the
// chart's height from the start, so nothing below it moves.

type Charts = typeof import("./charts");
type ChartName =
  | "MasteryChart"
  | "ForecastChart"
  | "TrendChart"
  | "HeatmapChart"
  | "ReadinessChart"
  | "MisconceptionChart";

/**
 * Runs `task` when the browser is idle, after every task queued before it has finished; a task's
 * promise settles when its chart is drawn, so charts are drawn one at a time.
 */
let queue: Promise<void> = Promise.resolve();
function oneAtATime(task: () => Promise<void>): void {
  queue = queue
    .then(
      () =>
        new Promise<void>((resolve) => {
          if ("requestIdleCallback" in window) window.requestIdleCallback(() => resolve(), { timeout: 1000 });
          else setTimeout(resolve, 1);
        }),
    )
    .then(task)
    .catch(() => undefined);
}

/** Starts a little before the viewport, so a chart is usually drawn before it is scrolled to. */
const AHEAD = "0px 0px 25% 0px";

export function ChartSlot<N extends ChartName>({
  chart,
  label,
  height,
  props,
}: {
  chart: N;
  /** What the chart shows; the slot's accessible name until it is drawn. */
  label: string;
  height: number;
  props: ComponentProps<Charts[N]>;
}) {
  const t = useTranslations("progress.chart");
  const ref = useRef<HTMLDivElement>(null);
  const [Chart, setChart] = useState<Charts[N] | null>(null);
  const [failed, setFailed] = useState(false);
  const drawn = useRef<(() => void) | null>(null);

  // Once the chart is committed, let the next one go (after a frame, so this one is painted).
  useEffect(() => {
    if (!Chart || !drawn.current) return;
    const done = drawn.current;
    drawn.current = null;
    requestAnimationFrame(() => setTimeout(done, 0));
  }, [Chart]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cancelled = false;
    const draw = () =>
      oneAtATime(async () => {
        if (cancelled) return;
        try {
          const charts = await import("./charts");
          if (cancelled) return;
          await new Promise<void>((resolve) => {
            drawn.current = resolve;
            // A transition: React renders the chart in slices it can interrupt for input.
            startTransition(() => setChart(() => charts[chart]));
          });
        } catch {
          if (!cancelled) setFailed(true);
        }
      });
    if (!("IntersectionObserver" in window)) {
      draw();
      return () => {
        cancelled = true;
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          draw();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
      // A slot that goes away before its chart is drawn must not hold up the others.
      drawn.current?.();
      drawn.current = null;
    };
  }, [chart]);

  // Generic over the chart's name, TypeScript cannot pair props and component: the `chart` prop
  // and `props` are checked together at the call site.
  const Drawn = Chart as React.ComponentType<object> | null;
  return (
    <div ref={ref} className="progress-chart-slot" style={{ height }}>
      {Drawn ? (
        <Drawn {...props} />
      ) : (
        <figure className="progress-chart progress-chart--pending" aria-label={label} aria-busy={!failed}>
          <p className="muted">{failed ? t("failed") : t("drawing")}</p>
        </figure>
      )}
    </div>
  );
}
