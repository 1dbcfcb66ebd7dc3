import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { MasteryRow } from "@/lib/progress";
import { SAA_C03_GUIDE_URL } from "@/lib/progress/exam-domains";
import type { ProgressView } from "@/lib/server/data/progress";
import { topicLabel } from "@/lib/server/data/topics";
import { CHART_HEIGHT, HEATMAP_HEIGHT, misconceptionChartHeight } from "./chart-sizes";
import { ChartSlot } from "./chart-slot";
import { DataTable } from "./data-table";

// The body of a learner's Progress page: totals, exam readiness, mastery, forecast, trends, the
// year's reviews and the weakest concepts, each chart drawn lazily near the viewport with its data
// table. The learner sees it at /progress (with the exam form and the daily plan); their
// instructor sees the same view, read only, in the class's learner drill-down.

const pct = (x: number) => `${Math.round(x * 100)}%`;

type T = Awaited<ReturnType<typeof getTranslations<"progress">>>;

const DOMAIN_IDS = ["secure", "resilient", "performing", "cost"] as const;
type DomainId = (typeof DOMAIN_IDS)[number];
const isDomain = (id: string): id is DomainId => (DOMAIN_IDS as readonly string[]).includes(id);

/** An exam domain's name in the reader's language (the guide's own words in English). */
// i18n-keys: progress.domains.*
// i18n-keys: progress.domainsShort.*
const domainName = (t: T, id: string, fallback: string) => (isDomain(id) ? t(`domains.${id}`) : fallback);
const domainShort = (t: T, id: string, fallback: string) =>
  isDomain(id) ? t(`domainsShort.${id}`) : fallback;

/**
 * A chart, or a line saying there is nothing to draw yet: a learner without reviews gets no empty
 * axes (and no chart script); the data table below still shows the zeros.
 */
function ChartOrNothing({ t, hasData, children }: { t: T; hasData: boolean; children: React.ReactNode }) {
  return hasData ? children : <p className="muted progress-empty">{t("nothingToDraw")}</p>;
}

/** One mastery chart with its data table: by exam domain or by topic. */
function MasterySection({
  t,
  id,
  title,
  groupLabel,
  rows,
}: {
  t: T;
  id: string;
  title: string;
  groupLabel: string;
  rows: MasteryRow[];
}) {
  return (
    <section className="progress-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ChartOrNothing t={t} hasData={rows.some((r) => r.studied > 0)}>
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
        columns={[
          groupLabel,
          t("mastery.cards"),
          t("mastery.studied"),
          t("mastery.meanRecall"),
          t("mastery.mature"),
        ]}
        rows={rows.map((r) => [r.label, r.cards, r.studied, pct(r.meanRecall), pct(r.matureShare)])}
      />
    </section>
  );
}

function duration(t: T, ms: number): string {
  if (ms < 60_000) return t("duration.seconds", { seconds: Math.round(ms / 1000) });
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t("duration.minutes", { minutes });
  return t("duration.hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * `examForm` is shown to the learner themself (who also gets the daily plan); an instructor's view
 * passes none.
 */
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export async function ProgressBody({ view, examForm }: { view: ProgressView; examForm?: ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("progress"), getLocale()]);
  const byTopic = view.byTopic
    .map((r) => ({ ...r, label: topicLabel(r.key, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const self = examForm !== undefined;
  const today = view.heatmap[view.heatmap.length - 1];
  const exam = view.exam;
  return (
    <>
      <dl className="progress-summary" aria-label={t("totals.label")}>
        <div>
          <dt>{t("totals.reviews")}</dt>
          <dd>{view.totals.reviews}</dd>
        </div>
        <div>
          <dt>{t("totals.today")}</dt>
          <dd>{today?.count ?? 0}</dd>
        </div>
        <div>
          <dt>{t("totals.time")}</dt>
          <dd>{duration(t, view.totals.msStudied)}</dd>
        </div>
        <div>
          <dt>{t("totals.cards")}</dt>
          <dd>
            {t("totals.cardsValue", { studied: view.totals.cardsStudied, total: view.totals.cardsTotal })}
          </dd>
        </div>
        <div>
          <dt>{t("totals.streak")}</dt>
          <dd>{t("totals.days", { count: view.streak.current })}</dd>
        </div>
        <div>
          <dt>{t("totals.longest")}</dt>
          <dd>{t("totals.days", { count: view.streak.longest })}</dd>
        </div>
      </dl>

      <section className="progress-section" id="readiness" aria-labelledby="readiness-h">
        <h2 id="readiness-h">{t("readiness.heading")}</h2>
        {examForm}
        {exam ? (
          <>
            <p className="readiness-estimate">
              {t.rich("readiness.estimate", {
                date: exam.examDate.slice(0, 10),
                daysLeft: exam.daysLeft,
                estimate: pct(exam.estimate),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}{" "}
              <span className="muted">
                {t("readiness.interval", {
                  low: pct(exam.low),
                  high: pct(exam.high),
                  target: pct(exam.target),
                })}
              </span>
            </p>
            {self ? (
              <>
                <h3>{t("readiness.plan")}</h3>
                <ul className="plan-list" aria-label={t("readiness.plan")}>
                  <li>{t.rich("readiness.reviews", { count: exam.plan.reviewsPerDay, strong })}</li>
                  <li>
                    {t.rich("readiness.learn", {
                      count: exam.plan.newPerDay,
                      total: exam.plan.newCardsNeeded,
                      strong,
                    })}
                  </li>
                  <li>
                    {t("readiness.atRisk", { count: exam.plan.atRisk, recall: pct(view.desiredRetention) })}
                  </li>
                  {exam.plan.isReachable ? null : (
                    <li>
                      {t.rich("readiness.unreachable", {
                        retention: pct(view.desiredRetention),
                        link: (chunks) => <Link href="/study/settings">{chunks}</Link>,
                      })}
                    </li>
                  )}
                </ul>
              </>
            ) : null}
            <ChartSlot
              chart="ReadinessChart"
              label={t("readiness.chart")}
              height={CHART_HEIGHT}
              props={{
                rows: exam.domains.map((d) => ({
                  label: domainShort(t, d.id, d.label),
                  predictedRecall: d.predictedRecall,
                })),
                target: exam.target,
              }}
            />
            <DataTable
              caption={t("readiness.chart")}
              columns={[
                t("readiness.domain"),
                t("readiness.weight"),
                t("mastery.cards"),
                t("mastery.studied"),
                t("readiness.predicted"),
              ]}
              rows={exam.domains.map((d) => [
                domainName(t, d.id, d.label),
                pct(d.weight),
                d.cards,
                d.studied,
                pct(d.predictedRecall),
              ])}
              open
            />
            <p className="muted">
              {t.rich("readiness.note", { guide: (chunks) => <a href={SAA_C03_GUIDE_URL}>{chunks}</a> })}
            </p>
          </>
        ) : (
          <p className="muted">{self ? t("readiness.setDate") : t("readiness.noDate")}</p>
        )}
      </section>

      <div className="progress-grid">
        <MasterySection
          t={t}
          id="domains-h"
          title={t("mastery.byDomain")}
          groupLabel={t("readiness.domain")}
          rows={view.byDomain.map((r) => ({ ...r, label: domainName(t, r.key, r.label) }))}
        />
        <MasterySection
          t={t}
          id="topics-h"
          title={t("mastery.byTopic")}
          groupLabel={t("mastery.topic")}
          rows={byTopic}
        />
        <section className="progress-section" aria-labelledby="forecast-h">
          <h2 id="forecast-h">{t("forecast.heading")}</h2>
          <ChartOrNothing t={t} hasData={view.forecast.some((d) => d.due > 0)}>
            <ChartSlot
              chart="ForecastChart"
              label={t("forecast.chart")}
              height={CHART_HEIGHT}
              props={{ rows: view.forecast }}
            />
          </ChartOrNothing>
          <DataTable
            caption={t("forecast.chart")}
            columns={[t("forecast.day"), t("forecast.due")]}
            rows={view.forecast.map((d) => [d.date, d.due])}
          />
        </section>
        <section className="progress-section" aria-labelledby="trends-h">
          <h2 id="trends-h">{t("trends.heading")}</h2>
          <ChartOrNothing t={t} hasData={view.trends.some((w) => w.reviews > 0)}>
            <ChartSlot
              chart="TrendChart"
              label={t("trends.chart")}
              height={CHART_HEIGHT}
              props={{ rows: view.trends }}
            />
          </ChartOrNothing>
          <DataTable
            caption={t("trends.chart")}
            columns={[t("trends.week"), t("trends.reviews"), t("trends.accuracy"), t("trends.seconds")]}
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
        <h2 id="heatmap-h">{t("heatmap.heading")}</h2>
        <p>{t("heatmap.streaks", { current: view.streak.current, longest: view.streak.longest })}</p>
        <ChartOrNothing t={t} hasData={view.heatmap.some((d) => d.count > 0)}>
          <ChartSlot
            chart="HeatmapChart"
            label={t("heatmap.chart")}
            height={HEATMAP_HEIGHT}
            props={{ days: view.heatmap }}
          />
        </ChartOrNothing>
        <DataTable
          caption={t("heatmap.table")}
          columns={[t("forecast.day"), t("trends.reviews")]}
          rows={view.heatmap
            .filter((d, i) => d.count > 0 || i === view.heatmap.length - 1)
            .reverse()
            .map((d) => [d.date, d.count])}
        />
      </section>

      <section className="progress-section" aria-labelledby="weak-h">
        <h2 id="weak-h">{t("weak.heading")}</h2>
        {view.misconceptions.length ? (
          <ChartSlot
            chart="MisconceptionChart"
            label={t("weak.chart")}
            height={misconceptionChartHeight(view.misconceptions.length)}
            props={{ rows: view.misconceptions }}
          />
        ) : (
          <p className="muted">{t("weak.none")}</p>
        )}
        <DataTable
          caption={t("weak.chart")}
          columns={[t("weak.misconception"), t("weak.chosen")]}
          rows={view.misconceptions.map((m) => [m.tag, m.count])}
        />
      </section>
    </>
  );
}
