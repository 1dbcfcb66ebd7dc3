"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { AppliedRule, SimResult, Verdict } from "@/lib/sim";
import { Heading, type HeadingLevel, sub } from "./heading";
import { CheckIcon, CrossIcon, WarnIcon } from "./icons";
import { useSimText } from "./sim-text";

// i18n-keys: sim.verdict.status.*
// i18n-keys: sim.verdict.outcome.*
// i18n-keys: sim.rules.*

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

/**
 * A rule's title with its badge glued to the last word, so the badge wraps with that word and never
 * sits alone on a line (long Korean titles at 375 px did that). The text reads the same.
 */
function RuleTitle({ title, children }: { title: string; children: ReactNode }) {
  const cut = title.lastIndexOf(" ");
  return (
    <span className="sim-rule__title">
      {cut < 0 ? null : title.slice(0, cut + 1)}
      <span className="sim-rule__tail">
        {title.slice(cut + 1)}
        {children}
      </span>
    </span>
  );
}

function RuleList({ rules }: { rules: AppliedRule[] }) {
  const t = useTranslations("sim");
  const simText = useSimText();
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
            <RuleTitle title={simText({ key: `rules.${rule.id}.title` })}>
              <span className="sim-rule__outcome">
                <OutcomeIcon outcome={rule.outcome} />
                {t(`verdict.outcome.${rule.outcome}`)}
              </span>
            </RuleTitle>
          </span>
          <span className="sim-rule__detail">{simText(rule.detailMsg ?? rule.detail)}</span>
          <a className="sim-rule__link" href={rule.doc} target="_blank" rel="noreferrer">
            {t("verdict.awsPage")}
            <span className="visually-hidden">{t("verdict.awsPageHint", { id: rule.id })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The verdict with text, icon and colour, and every rule that decided it with its AWS page. */
export function VerdictBanner({ result, level }: { result: SimResult; level: HeadingLevel }) {
  const t = useTranslations("sim.verdict");
  const simText = useSimText();
  const { status, summary, summaryMsg } = result.verdict;
  const rules = orderRules(result.rules);
  // Denied rules always show; with none, the first few do. The rest wait behind a disclosure.
  const shownCount = Math.max(VISIBLE_RULES, rules.filter((r) => r.outcome === "denied").length);
  const first = rules.slice(0, shownCount);
  const rest = rules.slice(shownCount);
  return (
    <section className="sim-verdict" data-status={status} aria-label={t("label")}>
      <Heading level={level} className="sim-verdict__title">
        <VerdictIcon status={status} />
        <span>{t("title", { status: t(`status.${status}`) })}</span>
      </Heading>
      <p className="sim-verdict__summary">{simText(summaryMsg ?? summary)}</p>
      {rules.length > 0 ? (
        <>
          <Heading level={sub(level)} className="sim-verdict__rules-title">
            {t("rulesTitle")}
          </Heading>
          <RuleList rules={first} />
          {rest.length > 0 ? (
            <details className="sim-verdict__more">
              <summary>{t("moreRules", { count: rest.length })}</summary>
              <RuleList rules={rest} />
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
