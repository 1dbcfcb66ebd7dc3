"use client";

import { type ComponentProps, startTransition, useEffect, useRef, useState } from "react";

// The progress page's numbers and data tables are server-rendered; its charts (recharts, the
// largest script on the page) are fetched only when the page is shown, and each chart is drawn
// only when it comes near the viewport, one chart per idle moment, in a transition React can
// interrupt. The slot keeps the chart's height from the start, so nothing below it moves.

type Charts = typeof import("./charts");
type ChartName =
  | "MasteryChart"
  | "ForecastChart"
  | "TrendChart"
  | "HeatmapChart"
  | "ReadinessChart"
  | "MisconceptionChart";

/** Runs `task` when the browser is idle, after every task queued before it (one chart at a time). */
let queue: Promise<void> = Promise.resolve();
function whenIdle<T>(task: () => Promise<T> | T): Promise<T> {
  const next = queue.then(
    () =>
      new Promise<T>((resolve, reject) => {
        const run = () => Promise.resolve().then(task).then(resolve, reject);
        if ("requestIdleCallback" in window) window.requestIdleCallback(run, { timeout: 1000 });
        else setTimeout(run, 1);
      }),
  );
  queue = next.then(
    () => undefined,
    () => undefined,
  );
  return next;
}

/** Starts near the viewport: a screen ahead, so a chart is usually drawn before it is scrolled to. */
const AHEAD = "0px 0px 100% 0px";

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
  const ref = useRef<HTMLDivElement>(null);
  const [Chart, setChart] = useState<Charts[N] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cancelled = false;
    const draw = () =>
      whenIdle(() => import("./charts"))
        .then((charts) => {
          if (!cancelled) startTransition(() => setChart(() => charts[chart]));
        })
        .catch(() => {
          if (!cancelled) setFailed(true);
        });
    if (!("IntersectionObserver" in window)) {
      void draw();
      return () => {
        cancelled = true;
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          void draw();
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
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
          <p className="muted">
            {failed ? "The chart could not be loaded; its data table is below." : "Drawing the chart…"}
          </p>
        </figure>
      )}
    </div>
  );
}
