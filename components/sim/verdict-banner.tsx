import type { AppliedRule, SimResult, Verdict } from "@/lib/sim";
import { Heading, type HeadingLevel, sub } from "./heading";
import { CheckIcon, CrossIcon, WarnIcon } from "./icons";

export const VERDICT_LABEL: Record<Verdict, string> = {
  ok: "OK: it works",
  partial: "Partial: accepted, but not everything happened",
  error: "Error: refused or failed",
};

const OUTCOME_LABEL: Record<AppliedRule["outcome"], string> = {
  denied: "denied",
  allowed: "allowed",
  applied: "applied",
};

function VerdictIcon({ status }: { status: Verdict }) {
  if (status === "ok") return <CheckIcon className="sim-verdict__icon" />;
  if (status === "partial") return <WarnIcon className="sim-verdict__icon" />;
  return <CrossIcon className="sim-verdict__icon" />;
}

function OutcomeIcon({ outcome }: { outcome: AppliedRule["outcome"] }) {
  if (outcome === "denied") return <CrossIcon />;
  if (outcome === "allowed") return <CheckIcon />;
  return <WarnIcon className="sim-icon--info" />;
}

/** Denied rules first (they decide errors), then allowed, then applied; engine order within. */
export function orderRules(rules: readonly AppliedRule[]): AppliedRule[] {
  const rank: Record<AppliedRule["outcome"], number> = { denied: 0, allowed: 1, applied: 2 };
  return rules
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => rank[a.rule.outcome] - rank[b.rule.outcome] || a.i - b.i)
    .map((x) => x.rule);
}

const VISIBLE_RULES = 3;

function RuleList({ rules }: { rules: AppliedRule[] }) {
  return (
    <ul className="sim-rules">
      {rules.map((rule) => (
        <li
          key={`${rule.id}-${rule.outcome}-${rule.detail}`}
          className="sim-rule"
          data-outcome={rule.outcome}
        >
          <span className="sim-rule__head">
            <span className="sim-rule__id">{rule.id}</span>
            <span className="sim-rule__title">{rule.title}</span>
            <span className="sim-rule__outcome">
              <OutcomeIcon outcome={rule.outcome} />
              {OUTCOME_LABEL[rule.outcome]}
            </span>
          </span>
          <span className="sim-rule__detail">{rule.detail}</span>
          <a className="sim-rule__link" href={rule.doc} target="_blank" rel="noreferrer">
            AWS page<span className="visually-hidden"> for {rule.id} (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The verdict with text, icon and colour, and every rule that decided it with its AWS page. */
export function VerdictBanner({ result, level }: { result: SimResult; level: HeadingLevel }) {
  const { status, summary } = result.verdict;
  const rules = orderRules(result.rules);
  // Denied rules always show; with none, the first few do. The rest wait behind a disclosure.
  const shownCount = Math.max(VISIBLE_RULES, rules.filter((r) => r.outcome === "denied").length);
  const first = rules.slice(0, shownCount);
  const rest = rules.slice(shownCount);
  return (
    <section className="sim-verdict" data-status={status} aria-label="Verdict">
      <Heading level={level} className="sim-verdict__title">
        <VerdictIcon status={status} />
        <span>Verdict: {VERDICT_LABEL[status]}</span>
      </Heading>
      <p className="sim-verdict__summary">{summary}</p>
      {rules.length > 0 ? (
        <>
          <Heading level={sub(level)} className="sim-verdict__rules-title">
            Rules that decided it
          </Heading>
          <RuleList rules={first} />
          {rest.length > 0 ? (
            <details className="sim-verdict__more">
              <summary>
                {rest.length} more rule{rest.length === 1 ? "" : "s"} that applied
              </summary>
              <RuleList rules={rest} />
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
