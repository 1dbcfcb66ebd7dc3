import Link from "next/link";
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
  if (cell.studied === 0)
    return (
      <td className="heat heat--none">
        <strong>–</strong>
        <small>not studied</small>
      </td>
    );
  return (
    <td className={`heat heat--${band(cell.meanRecall)}`}>
      <strong>{pct(cell.meanRecall)}</strong>
      <small>
        {pct(cell.matureShare)} ≥ 21 d · {cell.studied}/{cell.cards} cards
      </small>
    </td>
  );
}

export function HeatmapTable({ map }: { map: ClassHeatmap }) {
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table must be reachable by keyboard to scroll it (WCAG 2.1.1) */}
      <section className="insight-scroll" aria-labelledby="heatmap-caption" tabIndex={0}>
        <table className="heatmap-table" aria-describedby="heatmap-help">
          <caption id="heatmap-caption">Mastery heatmap</caption>
          <thead>
            <tr>
              <th scope="col">Learner</th>
              {map.topics.map((t) => (
                <th key={t.key} scope="col">
                  {t.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.learners.length === 0 ? (
              <tr>
                <td colSpan={map.topics.length + 1}>Nobody has joined this class yet.</td>
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
        Each cell: the learner&apos;s mean FSRS recall today over the topic&apos;s cards (unseen cards count
        0, as on their own Progress page), the share of cards with an interval of 21 days or more, and how
        many of the topic&apos;s cards they have studied.
      </p>
      <ul className="heat-legend" aria-label="Colour key: mean recall today">
        <li className="heat heat--none">not studied</li>
        {HEAT_BANDS.map((label, i) => (
          <li key={label} className={`heat heat--${i}`}>
            {label}
          </li>
        ))}
      </ul>
    </>
  );
}
