"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { CHART_HEIGHT, HEATMAP_HEIGHT, misconceptionChartHeight } from "./chart-sizes";

// The progress page's charts: recharts, client-side only, themed with the CSS variables of
// app/globals.css (so light and dark follow the system). Each chart has a data table beside it
// on the server-rendered page; these are the pictures. The page loads this module lazily
// (chart-slot.tsx), so recharts is not part of its first load.

type TickProps = {
  x?: number | string;
  y?: number | string;
  index?: number;
  textAnchor?: string;
  verticalAnchor?: string;
  payload?: { value?: unknown };
  tickFormatter?: ((value: never, index: number) => string) | undefined;
};
const ANCHORS = ["start", "middle", "end"] as const;

/**
 * Axis labels as plain SVG text. Recharts' own tick text measures every word in the DOM (and, with
 * its default interval, every label to thin them out): the charts' main cost on a page of six.
 * Every axis here sets its interval, so nothing needs measuring.
 */
const plainTick =
  (fontSize = 12, angle = 0) =>
  (props: TickProps) => {
    const { payload, index = 0, tickFormatter } = props;
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const anchor = ANCHORS.find((a) => a === props.textAnchor) ?? "middle";
    const value = payload?.value;
    const text = tickFormatter ? tickFormatter(value as never, index) : String(value ?? "");
    const dy = props.verticalAnchor === "start" ? "0.71em" : props.verticalAnchor === "end" ? "0" : "0.355em";
    return (
      <text
        x={x}
        y={y}
        dy={dy}
        textAnchor={angle ? "end" : anchor}
        transform={angle ? `rotate(${angle}, ${x}, ${y})` : undefined}
        fill="var(--muted)"
        fontSize={fontSize}
      >
        {text}
      </text>
    );
  };
const AXIS = plainTick();
const TOOLTIP = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" },
  labelStyle: { color: "var(--text)" },
  itemStyle: { color: "var(--text)" },
};
const LEGEND = { wrapperStyle: { color: "var(--text)", fontSize: 13 } };
// Series are drawn without animation: an animated chart re-renders and re-measures every frame for
// a second and a half, which kept the page's main thread busy (and moved what the learner reads).
const pct = (v: number) => `${Math.round(v * 100)}%`;
const PCT_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** A 0–100% axis with fixed ticks (recharts measures no text for them). */
const PERCENT_AXIS = {
  domain: [0, 1] as [number, number],
  ticks: PCT_TICKS,
  interval: 0,
  tickFormatter: pct,
  tick: AXIS,
  stroke: "var(--muted)",
};
/** Axis titles, styled alike on every chart. */
const xLabel = (value: string, offset = 0) =>
  ({ value, position: "insideBottom", offset, fill: "var(--muted)", fontSize: 12 }) as const;
const yLabel = (value: string) =>
  ({ value, angle: -90, position: "insideLeft", fill: "var(--muted)", fontSize: 12 }) as const;

function Frame({
  label,
  height = CHART_HEIGHT,
  children,
}: {
  label: string;
  height?: number;
  children: React.ReactElement;
}) {
  return (
    <figure className="progress-chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Mean recall today and mature share per group, as grouped bars (0–100%). */
export function MasteryChart({
  label,
  rows,
}: {
  label: string;
  rows: Array<{ label: string; meanRecall: number; matureShare: number }>;
}) {
  const t = useTranslations("progress");
  return (
    <Frame label={label}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 24 }} accessibilityLayer>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={plainTick(12, -25)}
          stroke="var(--muted)"
          interval={0}
          angle={-25}
          textAnchor="end"
          height={90}
          tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
          label={xLabel(t("chart.group"))}
        />
        <YAxis {...PERCENT_AXIS} label={yLabel(t("chart.share"))} />
        <Tooltip {...TOOLTIP} formatter={(v) => pct(Number(v))} />
        <Legend {...LEGEND} verticalAlign="top" />
        <Bar
          isAnimationActive={false}
          dataKey="meanRecall"
          name={t("mastery.meanRecall")}
          fill="var(--accent)"
        />
        <Bar isAnimationActive={false} dataKey="matureShare" name={t("mastery.mature")} fill="var(--ok)" />
      </BarChart>
    </Frame>
  );
}

/** Cards due per day for the next 30 days. */
export function ForecastChart({ rows }: { rows: Array<{ date: string; due: number }> }) {
  const t = useTranslations("progress");
  return (
    <Frame label={t("forecast.chart")}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 28, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="date"
          tick={AXIS}
          stroke="var(--muted)"
          interval={4}
          tickFormatter={(d: string) => d.slice(5)}
          label={xLabel(t("forecast.day"), -18)}
        />
        <YAxis
          allowDecimals={false}
          interval={0}
          tick={AXIS}
          stroke="var(--muted)"
          label={yLabel(t("forecast.due"))}
        />
        <Tooltip {...TOOLTIP} />
        <Legend {...LEGEND} verticalAlign="top" />
        <Bar isAnimationActive={false} dataKey="due" name={t("forecast.due")} fill="var(--accent)" />
      </BarChart>
    </Frame>
  );
}

/** Weekly accuracy (left axis) and seconds per card (right axis). */
export function TrendChart({
  rows,
}: {
  rows: Array<{ weekStart: string; accuracy: number | null; secondsPerCard: number | null }>;
}) {
  const t = useTranslations("progress");
  return (
    <Frame label={t("trends.chart")}>
      <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 28, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="weekStart"
          tick={AXIS}
          stroke="var(--muted)"
          interval={1}
          tickFormatter={(d: string) => d.slice(5)}
          label={xLabel(t("trends.week"), -18)}
        />
        <YAxis yAxisId="acc" {...PERCENT_AXIS} label={yLabel(t("trends.accuracy"))} />
        <YAxis
          yAxisId="sec"
          orientation="right"
          interval={0}
          tick={AXIS}
          stroke="var(--muted)"
          label={{
            value: t("chart.seconds"),
            angle: 90,
            position: "insideRight",
            fill: "var(--muted)",
            fontSize: 12,
          }}
        />
        <Tooltip
          {...TOOLTIP}
          formatter={(v, name) =>
            name === t("trends.accuracy") ? pct(Number(v)) : t("chart.secondsValue", { value: String(v) })
          }
        />
        <Legend {...LEGEND} verticalAlign="top" />
        <Line
          isAnimationActive={false}
          yAxisId="acc"
          dataKey="accuracy"
          name={t("trends.accuracy")}
          stroke="var(--ok)"
          strokeWidth={2}
          connectNulls
        />
        <Line
          isAnimationActive={false}
          yAxisId="sec"
          dataKey="secondsPerCard"
          name={t("trends.seconds")}
          stroke="var(--accent)"
          strokeWidth={2}
          strokeDasharray="5 3"
          connectNulls
        />
      </LineChart>
    </Frame>
  );
}

/** The side of one day's square in the heatmap, in pixels. */
const SQUARE = 8;

/** A year of reviews: one square per study day, weeks across, weekdays down. */
export function HeatmapChart({ days }: { days: Array<{ date: string; count: number }> }) {
  const t = useTranslations("progress");
  const max = Math.max(1, ...days.map((d) => d.count));
  // Align columns on the first day's weekday (UTC date keys have no zone).
  const offset = days.length ? new Date(`${days[0]?.date}T00:00:00Z`).getUTCDay() : 0;
  const points = days.map((d, i) => ({
    week: Math.floor((i + offset) / 7),
    weekday: (i + offset) % 7,
    ...d,
  }));
  const shade = (count: number) =>
    count === 0
      ? "var(--surface-2)"
      : `color-mix(in srgb, var(--accent) ${25 + Math.round((75 * count) / max)}%, var(--surface))`;
  return (
    <Frame label={t("heatmap.chart")} height={HEATMAP_HEIGHT}>
      <ScatterChart margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer>
        <XAxis
          type="number"
          dataKey="week"
          domain={[0, 53]}
          ticks={[0, 10, 20, 30, 40, 50]}
          interval={0}
          tick={AXIS}
          stroke="var(--muted)"
          label={xLabel(t("chart.week"), -14)}
        />
        <YAxis
          type="number"
          dataKey="weekday"
          domain={[-0.5, 6.5]}
          reversed
          ticks={[0, 2, 4, 6]}
          interval={0}
          // i18n-keys: progress.chart.weekdays.*
          tickFormatter={(d: number) =>
            d % 2 === 0 && d >= 0 && d <= 6 ? t(`chart.weekdays.${d as 0 | 2 | 4 | 6}`) : ""
          }
          tick={AXIS}
          stroke="var(--muted)"
          label={yLabel(t("chart.weekday"))}
        />
        <ZAxis type="number" dataKey="count" name={t("trends.reviews")} range={[60, 60]} />
        <Tooltip
          {...TOOLTIP}
          cursor={false}
          formatter={(v, name) => [String(v), String(name)]}
          labelFormatter={() => ""}
        />
        <Legend {...LEGEND} verticalAlign="top" />
        <Scatter
          data={points}
          name={t("chart.reviewsShaded")}
          legendType="square"
          // A plain square per day, shaded by its count (cheaper to draw than 365 symbol cells).
          shape={(cell: { cx?: number; cy?: number; payload?: { count: number } }) => (
            <rect
              x={(cell.cx ?? 0) - SQUARE / 2}
              y={(cell.cy ?? 0) - SQUARE / 2}
              width={SQUARE}
              height={SQUARE}
              fill={shade(cell.payload?.count ?? 0)}
            />
          )}
          isAnimationActive={false}
          fill="var(--accent)"
        />
      </ScatterChart>
    </Frame>
  );
}

/** Predicted recall on the exam date per domain, with the target as a line. */
export function ReadinessChart({
  rows,
  target,
}: {
  rows: Array<{ label: string; predictedRecall: number }>;
  target: number;
}) {
  const t = useTranslations("progress");
  return (
    <Frame label={t("readiness.chart")}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 28, left: 8 }} accessibilityLayer>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={plainTick(12, -25)}
          stroke="var(--muted)"
          interval={0}
          angle={-25}
          textAnchor="end"
          height={80}
          label={xLabel(t("chart.examDomain"))}
        />
        <YAxis {...PERCENT_AXIS} label={yLabel(t("readiness.predicted"))} />
        <Tooltip {...TOOLTIP} formatter={(v) => pct(Number(v))} />
        <Legend {...LEGEND} verticalAlign="top" />
        <ReferenceLine
          y={target}
          stroke="var(--warn)"
          strokeDasharray="4 4"
          label={{
            value: t("chart.target", { target: pct(target) }),
            fill: "var(--warn)",
            fontSize: 12,
            position: "insideTopRight",
          }}
        />
        <Bar
          isAnimationActive={false}
          dataKey="predictedRecall"
          name={t("chart.onExamDay")}
          fill="var(--accent)"
        />
      </BarChart>
    </Frame>
  );
}

/** The most chosen misconceptions, as horizontal bars. */
export function MisconceptionChart({ rows }: { rows: Array<{ tag: string; count: number }> }) {
  const t = useTranslations("progress");
  return (
    <Frame label={t("weak.chart")} height={misconceptionChartHeight(rows.length)}>
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 20, left: 8 }}
        accessibilityLayer
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          type="number"
          allowDecimals={false}
          interval={0}
          tick={AXIS}
          stroke="var(--muted)"
          label={xLabel(t("weak.chosen"), -12)}
        />
        <YAxis
          type="category"
          dataKey="tag"
          interval={0}
          width={170}
          tick={plainTick(11)}
          stroke="var(--muted)"
          tickFormatter={(v: string) => (v.length > 26 ? `${v.slice(0, 25)}…` : v)}
        />
        <Tooltip {...TOOLTIP} />
        <Legend {...LEGEND} verticalAlign="top" />
        <Bar isAnimationActive={false} dataKey="count" name={t("weak.chosen")} fill="var(--bad)" />
      </BarChart>
    </Frame>
  );
}
