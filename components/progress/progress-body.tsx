import Link from "next/link";
import type { ReactNode } from "react";
import type { MasteryRow } from "@/lib/progress";
import { SAA_C03_GUIDE_URL } from "@/lib/progress/exam-domains";
import type { ProgressView } from "@/lib/server/data/progress";
import { CHART_HEIGHT, HEATMAP_HEIGHT, misconceptionChartHeight } from "./chart-sizes";
import { ChartSlot } from "./chart-slot";
import { DataTable } from "./data-table";

// The body of a learner's Progress page: totals, exam readiness, mastery, forecast, trends, the
// year's reviews and the weakest concepts, each chart drawn lazily near the viewport with its data
// table. The learner sees it at /progress (with the exam form and the daily plan); their
// instructor sees the same view, read only, in the class's learner drill-down.

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A chart, or a line saying there is nothing to draw yet: a learner without reviews gets no empty
 * axes (and no chart script); the data table below still shows the zeros.
 */
function ChartOrNothing({ hasData, children }: { hasData: boolean; children: React.ReactNode }) {
  return hasData ? (
    children
  ) : (
    <p className="muted progress-empty">Nothing to draw yet: this chart fills in with study.</p>
  );
}

/** One mastery chart with its data table: by exam domain or by topic. */
function MasterySection({
  id,
  title,
  groupLabel,
  rows,
}: {
  id: string;
  title: string;
  groupLabel: string;
  rows: MasteryRow[];
}) {
  return (
    <section className="progress-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ChartOrNothing hasData={rows.some((r) => r.studied > 0)}>
        <ChartSlot
          chart="MasteryChart"
          label={title}
          height={CHART_HEIGHT}
          props={{
            label: title,
            rows: rows.map((r) => ({ label: r.label, meanRecall: r.meanRecall, matureShare: r.matureShare })),
          }}
        />
      </ChartOrNothing>
      <DataTable
        caption={title}
        columns={[groupLabel, "Cards", "Studied", "Mean recall today", "Interval ≥ 21 days"]}
        rows={rows.map((r) => [r.label, r.cards, r.studied, pct(r.meanRecall), pct(r.matureShare)])}
      />
    </section>
  );
}

function duration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * `examForm` is shown to the learner themself (who also gets the daily plan); an instructor's view
 * passes none.
 */
export function ProgressBody({ view, examForm }: { view: ProgressView; examForm?: ReactNode }) {
  const self = examForm !== undefined;
  const today = view.heatmap[view.heatmap.length - 1];
  const exam = view.exam;
  return (
    <>
      <dl className="progress-summary" aria-label="Study totals">
        <div>
          <dt>Total reviews</dt>
          <dd>{view.totals.reviews}</dd>
        </div>
        <div>
          <dt>Reviews today</dt>
          <dd>{today?.count ?? 0}</dd>
        </div>
        <div>
          <dt>Time studied</dt>
          <dd>{duration(view.totals.msStudied)}</dd>
        </div>
        <div>
          <dt>Cards studied</dt>
          <dd>
            {view.totals.cardsStudied} / {view.totals.cardsTotal}
          </dd>
        </div>
        <div>
          <dt>Current streak</dt>
          <dd>{view.streak.current} d</dd>
        </div>
        <div>
          <dt>Longest streak</dt>
          <dd>{view.streak.longest} d</dd>
        </div>
      </dl>

      <section className="progress-section" id="readiness" aria-labelledby="readiness-h">
        <h2 id="readiness-h">Exam readiness (SAA-C03)</h2>
        {examForm}
        {exam ? (
          <>
            <p className="readiness-estimate">
              Readiness on {exam.examDate.slice(0, 10)} ({exam.daysLeft} days left):{" "}
              <strong>{pct(exam.estimate)}</strong>{" "}
              <span className="muted">
                (95% interval {pct(exam.low)}–{pct(exam.high)}; target {pct(exam.target)})
              </span>
            </p>
            {self ? (
              <>
                <h3>Daily plan</h3>
                <ul className="plan-list" aria-label="Daily plan">
                  <li>
                    Review <strong>{exam.plan.reviewsPerDay}</strong> cards a day
                  </li>
                  <li>
                    Learn <strong>{exam.plan.newPerDay}</strong> new cards a day ({exam.plan.newCardsNeeded}{" "}
                    in all)
                  </li>
                  <li>
                    {exam.plan.atRisk} studied cards would fall below {pct(view.desiredRetention)} recall by
                    then without a review; the study queue now shows those first.
                  </li>
                  {exam.plan.isReachable ? null : (
                    <li>
                      The target is above your desired retention ({pct(view.desiredRetention)}): raise it in{" "}
                      <Link href="/study/settings">study settings</Link> to reach the target.
                    </li>
                  )}
                </ul>
              </>
            ) : null}
            <ChartSlot
              chart="ReadinessChart"
              label="Predicted recall on the exam date by domain"
              height={CHART_HEIGHT}
              props={{
                rows: exam.domains.map((d) => ({ label: d.label, predictedRecall: d.predictedRecall })),
                target: exam.target,
              }}
            />
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
              open
            />
            <p className="muted">
              Predicted recall is FSRS retrievability on the exam date, averaged over each domain&apos;s cards
              (unseen cards count 0), weighted by the <a href={SAA_C03_GUIDE_URL}>SAA-C03 exam guide</a>. The
              interval treats each card as an independent chance of recall.
            </p>
          </>
        ) : (
          <p className="muted">
            {self
              ? "Set an exam date to see your predicted recall per domain and a daily plan."
              : "No exam date set."}
          </p>
        )}
      </section>

      <div className="progress-grid">
        <MasterySection
          id="domains-h"
          title="Mastery by exam domain"
          groupLabel="Domain"
          rows={view.byDomain}
        />
        <MasterySection id="topics-h" title="Mastery by topic" groupLabel="Topic" rows={view.byTopic} />
        <section className="progress-section" aria-labelledby="forecast-h">
          <h2 id="forecast-h">Due forecast</h2>
          <ChartOrNothing hasData={view.forecast.some((d) => d.due > 0)}>
            <ChartSlot
              chart="ForecastChart"
              label="Cards due per day, next 30 days"
              height={CHART_HEIGHT}
              props={{ rows: view.forecast }}
            />
          </ChartOrNothing>
          <DataTable
            caption="Cards due per day, next 30 days"
            columns={["Day", "Cards due"]}
            rows={view.forecast.map((d) => [d.date, d.due])}
          />
        </section>
        <section className="progress-section" aria-labelledby="trends-h">
          <h2 id="trends-h">Accuracy and time per card</h2>
          <ChartOrNothing hasData={view.trends.some((w) => w.reviews > 0)}>
            <ChartSlot
              chart="TrendChart"
              label="Weekly accuracy and seconds per card"
              height={CHART_HEIGHT}
              props={{ rows: view.trends }}
            />
          </ChartOrNothing>
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

      <section className="progress-section" aria-labelledby="heatmap-h">
        <h2 id="heatmap-h">Reviews over the last year</h2>
        <p>
          Current streak: {view.streak.current} days · Longest streak: {view.streak.longest} days
        </p>
        <ChartOrNothing hasData={view.heatmap.some((d) => d.count > 0)}>
          <ChartSlot
            chart="HeatmapChart"
            label="Reviews per day over the last year"
            height={HEATMAP_HEIGHT}
            props={{ days: view.heatmap }}
          />
        </ChartOrNothing>
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
        {view.misconceptions.length ? (
          <ChartSlot
            chart="MisconceptionChart"
            label="Misconceptions chosen most often"
            height={misconceptionChartHeight(view.misconceptions.length)}
            props={{ rows: view.misconceptions }}
          />
        ) : (
          <p className="muted">
            No misconceptions yet: they appear when a wrong option is chosen with confidence.
          </p>
        )}
        <DataTable
          caption="Misconceptions chosen most often"
          columns={["Misconception", "Times chosen"]}
          rows={view.misconceptions.map((m) => [m.tag, m.count])}
        />
      </section>
    </>
  );
}
