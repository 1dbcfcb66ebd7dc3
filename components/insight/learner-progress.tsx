import {
  ForecastChart,
  HeatmapChart,
  MasteryChart,
  MisconceptionChart,
  ReadinessChart,
  TrendChart,
} from "@/components/progress/charts";
import { DataTable } from "@/components/progress/data-table";
import type { MasteryRow } from "@/lib/progress";
import type { ProgressView } from "@/lib/server/data/progress";

// A learner's Progress page as their instructor sees it: the same view and the same charts, read
// only (no exam-date form; the exam readiness the learner set is shown when there is one).

const pct = (x: number) => `${Math.round(x * 100)}%`;

function duration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function Mastery({
  id,
  title,
  group,
  rows,
}: {
  id: string;
  title: string;
  group: string;
  rows: MasteryRow[];
}) {
  return (
    <section className="progress-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <MasteryChart label={title} rows={rows} />
      <DataTable
        caption={title}
        columns={[group, "Cards", "Studied", "Mean recall today", "Interval ≥ 21 days"]}
        rows={rows.map((r) => [r.label, r.cards, r.studied, pct(r.meanRecall), pct(r.matureShare)])}
      />
    </section>
  );
}

export function LearnerProgress({ view }: { view: ProgressView }) {
  const today = view.heatmap[view.heatmap.length - 1];
  const exam = view.exam;
  const totals: Array<[string, string | number]> = [
    ["Total reviews", view.totals.reviews],
    ["Reviews today", today?.count ?? 0],
    ["Time studied", duration(view.totals.msStudied)],
    ["Cards studied", `${view.totals.cardsStudied} / ${view.totals.cardsTotal}`],
    ["Current streak", `${view.streak.current} d`],
    ["Longest streak", `${view.streak.longest} d`],
  ];
  return (
    <>
      <dl className="progress-summary" aria-label="Study totals">
        {totals.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section className="progress-section" aria-labelledby="readiness-h">
        <h2 id="readiness-h">Exam readiness (SAA-C03)</h2>
        {exam ? (
          <>
            <p>
              Readiness on {exam.examDate.slice(0, 10)} ({exam.daysLeft} days left):{" "}
              <strong>{pct(exam.estimate)}</strong>{" "}
              <span className="muted">
                (95% interval {pct(exam.low)}–{pct(exam.high)}; target {pct(exam.target)})
              </span>
            </p>
            <ReadinessChart rows={exam.domains} target={exam.target} />
            <DataTable
              caption="Predicted recall on the exam date by domain"
              columns={["Domain", "Exam weight", "Cards", "Studied", "Predicted recall"]}
              rows={exam.domains.map((d) => [
                d.label,
                pct(d.weight),
                d.cards,
                d.studied,
                pct(d.predictedRecall),
              ])}
            />
          </>
        ) : (
          <p className="muted">No exam date set.</p>
        )}
      </section>
      <div className="progress-grid">
        <Mastery id="domains-h" title="Mastery by exam domain" group="Domain" rows={view.byDomain} />
        <Mastery id="topics-h" title="Mastery by topic" group="Topic" rows={view.byTopic} />
        <section className="progress-section" aria-labelledby="forecast-h">
          <h2 id="forecast-h">Due forecast</h2>
          <ForecastChart rows={view.forecast} />
          <DataTable
            caption="Cards due per day, next 30 days"
            columns={["Day", "Cards due"]}
            rows={view.forecast.map((d) => [d.date, d.due])}
          />
        </section>
        <section className="progress-section" aria-labelledby="trends-h">
          <h2 id="trends-h">Accuracy and time per card</h2>
          <TrendChart rows={view.trends} />
          <DataTable
            caption="Weekly accuracy and seconds per card"
            columns={["Week starting", "Reviews", "Accuracy", "Seconds per card"]}
            rows={view.trends.map((w) => [
              w.weekStart,
              w.reviews,
              w.accuracy === null ? "–" : pct(w.accuracy),
              w.secondsPerCard ?? "–",
            ])}
          />
        </section>
      </div>
      <section className="progress-section" aria-labelledby="days-h">
        <h2 id="days-h">Reviews over the last year</h2>
        <HeatmapChart days={view.heatmap} />
        <DataTable
          caption="Reviews per day (days with reviews, and today)"
          columns={["Day", "Reviews"]}
          rows={view.heatmap
            .filter((d, i) => d.count > 0 || i === view.heatmap.length - 1)
            .reverse()
            .map((d) => [d.date, d.count])}
        />
      </section>
      <section className="progress-section" aria-labelledby="weak-h">
        <h2 id="weak-h">Weakest concepts</h2>
        {view.misconceptions.length ? <MisconceptionChart rows={view.misconceptions} /> : null}
        <DataTable
          caption="Misconceptions chosen most often"
          columns={["Misconception", "Times chosen"]}
          rows={view.misconceptions.map((m) => [m.tag, m.count])}
        />
      </section>
    </>
  );
}
