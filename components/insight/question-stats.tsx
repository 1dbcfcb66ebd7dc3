import { useTranslations } from "next-intl";
import {
  GROUP_FRACTION,
  type ItemFlag,
  LOW_DISCRIMINATION_BELOW,
  MIN_ATTEMPTS_FOR_STATS,
  VERY_EASY_ABOVE,
  VERY_HARD_BELOW,
} from "@/lib/progress/item-stats";
import type { QuestionStats } from "@/lib/server/data/insight-items";

// A quiz's question statistics: a summary table (facility, discrimination, point-biserial, flags)
// and, per question, the distractor table (who chose each option, overall and in the upper and
// lower groups, with each option's misconception tag). Numbers are always in text.

// i18n-keys: insight.stats.flag.*
const FLAGS: readonly ItemFlag[] = [
  "very-easy",
  "very-hard",
  "negative-discrimination",
  "low-discrimination",
];
const num = (x: number | null, places = 2) => (x === null ? "–" : x.toFixed(places));
const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

function Flags({ q }: { q: QuestionStats }) {
  const t = useTranslations("insight.stats");
  if (!q.isReliable)
    return <span className="muted">{t("tooFew", { n: q.n, min: MIN_ATTEMPTS_FOR_STATS })}</span>;
  if (q.flags.length === 0) return <span>–</span>;
  return (
    <>
      {q.flags.map((f) => (
        <span key={f} className={f === "negative-discrimination" ? "flag flag--bad" : "flag"}>
          {FLAGS.includes(f) ? t(`flag.${f}`) : f}
        </span>
      ))}
    </>
  );
}

export function QuestionStatsSummary({ questions }: { questions: QuestionStats[] }) {
  const t = useTranslations("insight.stats");
  return (
    <div className="insight-scroll">
      <table className="stats-table">
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("question")}</th>
            <th scope="col">{t("attempts")}</th>
            <th scope="col">{t("facility")}</th>
            <th scope="col">{t("discrimination")}</th>
            <th scope="col">{t("pointBiserial")}</th>
            <th scope="col">{t("flags")}</th>
          </tr>
        </thead>
        <tbody>
          {questions.map((q) => (
            <tr key={q.questionId}>
              <th scope="row">
                <a href={`#q-${q.questionId}`} lang={q.lang}>
                  {q.title}
                </a>
              </th>
              <td className="num">{q.n}</td>
              <td className="num">{pct(q.facility)}</td>
              <td className="num">{num(q.discrimination)}</td>
              <td className="num">{num(q.pointBiserial)}</td>
              <td>
                <Flags q={q} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DistractorTable({ q }: { q: QuestionStats }) {
  const t = useTranslations("insight.stats");
  const caption = t.rich("optionsChosen", {
    title: q.title,
    q: (chunks) => <span lang={q.lang}>{chunks}</span>,
  });
  const percent = Math.round(GROUP_FRACTION * 100);
  return (
    <section className="progress-section" aria-labelledby={`q-${q.questionId}`}>
      <h3 id={`q-${q.questionId}`} lang={q.lang}>
        {q.title}
      </h3>
      <p>
        {t("line", {
          correct: q.correct,
          n: q.n,
          facility: pct(q.facility),
          omitted: q.omitted,
          d: num(q.discrimination),
          pb: num(q.pointBiserial),
        })}
        <Flags q={q} />
      </p>
      {q.options.length === 0 ? (
        <p className="muted">{t("noOptions", { kind: q.kind })}</p>
      ) : (
        <div className="insight-scroll">
          <table className="stats-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("option")}</th>
                <th scope="col">{t("answer")}</th>
                <th scope="col">{t("misconception")}</th>
                <th scope="col">{t("chosen")}</th>
                <th scope="col">{t("share")}</th>
                <th scope="col">{t("upper", { percent })}</th>
                <th scope="col">{t("lower", { percent })}</th>
              </tr>
            </thead>
            <tbody>
              {q.options.map((o) => (
                <tr key={o.key}>
                  <th scope="row">
                    {o.key}. <span lang={q.lang}>{o.label}</span>
                  </th>
                  <td>{o.isCorrect ? t("right") : t("wrong")}</td>
                  <td>{o.misconception ?? "–"}</td>
                  <td className="num">{o.count}</td>
                  <td className="num">{pct(o.share)}</td>
                  <td className="num">{pct(o.upperShare)}</td>
                  <td className="num">{pct(o.lowerShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** How to read the numbers, with the thresholds the flags use. */
export function StatsMethod() {
  const t = useTranslations("insight.stats");
  const b = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const percent = Math.round(GROUP_FRACTION * 100);
  return (
    <details>
      <summary>{t("method")}</summary>
      <ul>
        <li>{t("methodOnce")}</li>
        <li>{t.rich("methodFacility", { b, easy: pct(VERY_EASY_ABOVE), hard: pct(VERY_HARD_BELOW) })}</li>
        <li>{t.rich("methodD", { b, percent, low: num(LOW_DISCRIMINATION_BELOW) })}</li>
        <li>{t.rich("methodPb", { b })}</li>
        <li>{t("methodFew", { min: MIN_ATTEMPTS_FOR_STATS })}</li>
      </ul>
    </details>
  );
}
