import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ClassHeatmap, HeatCell } from "@/lib/server/data/insight";

// The class heatmap as a table: one row per learner, one column per topic. Each cell is coloured
// by mean recall today and also says it (and the share of cards with an interval ≥ 21 days) in
// text, so the colour is never the only signal. The scroll box is focusable so that a keyboard
// can scroll a wide table; each learner's name links to their drill-down.

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Five shades by mean recall today: 0–20%, 20–40%, … 80–100%. */
export const HEAT_BANDS = ["0–19%", "20–39%", "40–59%", "60–79%", "80–100%"];
const band = (recall: number) => Math.min(4, Math.floor(recall * 5));

function Cell({ cell }: { cell: HeatCell }) {
  const t = useTranslations("insight.heatmap");
  if (cell.studied === 0)
    return (
      <td className="heat heat--none">
        <strong>–</strong>
        <small>{t("notStudied")}</small>
      </td>
    );
  return (
    <td className={`heat heat--${band(cell.meanRecall)}`}>
      <strong>{pct(cell.meanRecall)}</strong>
      <small>
        {t("cellDetail", { mature: pct(cell.matureShare), studied: cell.studied, cards: cell.cards })}
      </small>
    </td>
  );
}

export function HeatmapTable({ map }: { map: ClassHeatmap }) {
  const t = useTranslations("insight.heatmap");
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
      <section className="insight-scroll" aria-labelledby="heatmap-caption" tabIndex={0}>
        <table className="heatmap-table" aria-describedby="heatmap-help">
          <caption id="heatmap-caption">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("learner")}</th>
              {map.topics.map((topic) => (
                <th key={topic.key} scope="col">
                  {topic.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.learners.length === 0 ? (
              <tr>
                <td colSpan={map.topics.length + 1}>{t("nobody")}</td>
              </tr>
            ) : (
              map.learners.map((l) => (
                <tr key={l.id}>
                  <th scope="row">
                    <Link href={`/classes/${map.classId}/learners/${l.id}`}>{l.name}</Link>
                  </th>
                  {l.cells.map((c, i) => (
                    <Cell key={map.topics[i]?.key} cell={c} />
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      <p id="heatmap-help" className="muted">
        {t("help")}
      </p>
      <ul className="heat-legend" aria-label={t("legend")}>
        <li className="heat heat--none">{t("notStudied")}</li>
        {HEAT_BANDS.map((label, i) => (
          <li key={label} className={`heat heat--${i}`}>
            {label}
          </li>
        ))}
      </ul>
    </>
  );
}
