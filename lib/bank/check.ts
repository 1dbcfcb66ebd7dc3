import { checkTranslations } from "./check-translations";
import { lintBanks } from "./lint";
import { parseBankPartial } from "./parse-bank";
import { type Bank, CARD_KINDS, type CheckSummary, type Finding, type SimValidator } from "./schema";
import { isTranslationInput } from "./translation-schema";

/**
 * Checks several banks together: each is parsed and validated, then cross-bank checks run
 * (duplicate ids and identical questions across files). `banks` holds only the banks without
 * errors; `summary` counts everything that could be read. Translation files (`iam.ko.md` beside
 * `iam.md`) are not banks: they are compared with their bank and attached to its questions.
 *
 * @example
 * const { summary, findings } = checkBanks([{ file: "a.md", text: a }, { file: "b.md", text: b }]);
 * process.exitCode = summary.errors > 0 ? 1 : 0;
 */
export function checkBanks(
  inputs: Array<{ file: string; text: string | Uint8Array }>,
  options: {
    validateSim?: SimValidator;
    onProgress?: (done: number, total: number) => void;
    /** Today, for the date checks (see ParseOptions.now). */
    now?: Date | string;
  } = {},
): { banks: Bank[]; findings: Finding[]; summary: CheckSummary } {
  const translationInputs = inputs.filter(isTranslationInput);
  const bankInputs = inputs.filter((input) => !isTranslationInput(input));
  const parsed: Array<{ bank: Bank | null; findings: Finding[] }> = [];
  bankInputs.forEach((input, i) => {
    parsed.push(
      parseBankPartial(input.text, { file: input.file, validateSim: options.validateSim, now: options.now }),
    );
    options.onProgress?.(i + 1, bankInputs.length);
  });
  const readable = parsed.flatMap((p) => (p.bank ? [p.bank] : []));
  const cross = lintBanks(readable);
  const findings = [...parsed.flatMap((p) => p.findings), ...cross];
  const failed = new Set(findings.filter((f) => f.severity === "error").map((f) => f.file));
  const banks = readable.filter((b) => !failed.has(b.file));
  findings.push(
    ...checkTranslations(
      translationInputs,
      banks,
      bankInputs.map((input) => input.file),
    ),
  );
  return {
    banks,
    findings: orderByFile(findings, inputs),
    summary: summarize(bankInputs.length, readable, findings),
  };
}

function orderByFile(findings: Finding[], inputs: Array<{ file: string }>): Finding[] {
  const rank = new Map(inputs.map((input, i) => [input.file, i]));
  return [...findings].sort(
    (a, b) =>
      (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0) ||
      (a.code === "too-many-findings" ? 1 : 0) - (b.code === "too-many-findings" ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column,
  );
}

/** Counts for a summary line or a dashboard: banks, questions vs cards, per topic, simulated share. */
export function summarize(bankCount: number, banks: Bank[], findings: Finding[]): CheckSummary {
  const byTopic: CheckSummary["byTopic"] = {};
  let questions = 0;
  let flashcards = 0;
  let simulated = 0;
  let dated = 0;
  for (const bank of banks) {
    const topic = byTopic[bank.meta.topic] ?? { questions: 0, flashcards: 0 };
    byTopic[bank.meta.topic] = topic;
    for (const q of bank.questions) {
      if (q.verified) dated++;
      if (CARD_KINDS.has(q.kind)) {
        flashcards++;
        topic.flashcards++;
      } else {
        questions++;
        topic.questions++;
        if (q.sim || q.options.some((o) => o.sim)) simulated++;
      }
    }
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    byCode: countByCode(findings),
    banks: bankCount,
    questions,
    flashcards,
    errors,
    warnings: findings.length - errors,
    byTopic,
    simulated: {
      questions: simulated,
      share: questions === 0 ? 0 : Math.round((simulated / questions) * 1000) / 1000,
    },
    dated,
  };
}

/**
 * Every finding counted by severity and code, errors first, then the commonest first.
 *
 * @example
 * countByCode(findings) // [{ code: "missing-rationale", severity: "warning", count: 589 }, …]
 */
export function countByCode(findings: Finding[]): CheckSummary["byCode"] {
  const counts = new Map<string, { code: string; severity: Finding["severity"]; count: number }>();
  for (const f of findings) {
    const entry = counts.get(f.code) ?? { code: f.code, severity: f.severity, count: 0 };
    entry.count++;
    counts.set(f.code, entry);
  }
  return [...counts.values()].sort(
    (a, b) =>
      (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1) ||
      b.count - a.count ||
      a.code.localeCompare(b.code),
  );
}
