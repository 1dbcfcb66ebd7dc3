import { type Built, buildQuestion } from "./build-question";
import { FindingSink } from "./codes";
import { readFrontMatter } from "./front-matter";
import { DEFAULT_LIMITS, decodeInput, type Limits } from "./limits";
import { lintBank, lintQuestion, type Placed } from "./lint";
import { parseDeck } from "./parse-deck";
import { parseSectionBody } from "./parse-section";
import { checkLineLengths, scanBody } from "./scan";
import type { Bank, BankMeta, Finding, SimValidator } from "./schema";
import { readSectionHead } from "./section-head";
import { IdAllocator, slugify } from "./slug";

export type ParseOptions = {
  /** Named in every finding. */
  file: string;
  /** Validates ```sim blocks against the simulator's schema; without it they are checked as YAML. */
  validateSim?: SimValidator;
  /** Overrides of DEFAULT_LIMITS (the benchmark raises them; nothing else should). */
  limits?: Partial<Limits>;
  /**
   * Today, for the date checks: with it, a question that says nowhere when it was last verified,
   * or was verified more than STALE_AFTER_DAYS before `now`, is a warning. Without it (the
   * default) no date is checked, so parsing stays a pure function of the text.
   */
  now?: Date | string;
};

/**
 * Parses and validates a bank. Never throws: problems come back as findings with file, line, column,
 * message and hint. The bank is null when there is any error, so a bank is used whole or not at all.
 *
 * @example
 * const { bank, findings } = parseBank(text, { file: "content/ecs/networking.md" });
 * if (bank) console.log(bank.questions.length); else console.log(findings.filter((f) => f.severity === "error"));
 */
export function parseBank(
  text: string | Uint8Array,
  options: ParseOptions,
): { bank: Bank | null; findings: Finding[] } {
  const { bank, findings } = parseBankPartial(text, options);
  return { bank: findings.some((f) => f.severity === "error") ? null : bank, findings };
}

/**
 * Like parseBank, but returns whatever could be read even when there are errors (for counts and
 * cross-bank checks). Never use a partial bank for study.
 */
export function parseBankPartial(
  text: string | Uint8Array,
  options: ParseOptions,
): { bank: Bank | null; findings: Finding[] } {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sink = new FindingSink(options.file, limits.maxFindings);
  let bank: Bank | null = null;
  try {
    bank = parseInto(text, options, limits, sink);
  } catch (e) {
    // A bug must not take down a server or a CLI run: report it like any other problem.
    sink.add(
      "internal-error",
      1,
      1,
      `The checker failed on this file: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return { bank, findings: sortFindings(sink.findings) };
}

function parseInto(
  input: string | Uint8Array,
  options: ParseOptions,
  limits: Limits,
  sink: FindingSink,
): Bank | null {
  const text = decodeInput(input, limits, sink);
  if (text === null) return null;
  const lines = text.split("\n");
  checkLineLengths(lines, sink, limits);
  const { meta, bodyStart } = readFrontMatter(lines, sink);
  const scan = scanBody(lines, bodyStart, sink, limits);
  // Each question is linted as soon as it is built, so its source bookkeeping is short-lived.
  const built: Placed[] = [];
  const place = (b: Built) => {
    if (!b.question.verified && meta?.verified) b.question.verified = meta.verified;
    lintQuestion(b, sink, { now: options.now });
    built.push({ question: b.question, idColumn: b.source.idColumn, explicitId: b.source.explicitId });
  };
  const tooMany = (line: number) =>
    sink.add(
      "too-many-questions",
      line,
      1,
      `The bank has more than ${limits.maxQuestions.toLocaleString("en")} questions`,
    );
  sections: for (const span of scan.sections) {
    const head = readSectionHead(lines, span, sink);
    if (head.meta.kind === "flashcards") {
      for (const card of parseDeck(lines, span, scan.fences, head, sink)) {
        if (built.length >= limits.maxQuestions) {
          tooMany(card.question.line);
          break sections;
        }
        place(card);
      }
      continue;
    }
    if (built.length >= limits.maxQuestions) {
      tooMany(head.line);
      break;
    }
    parseSectionBody(lines, span, scan.fences, head, sink);
    const question = buildQuestion(head, { sink, validateSim: options.validateSim });
    if (question) place(question);
  }
  assignDerivedIds(built);
  if (scan.sections.length === 0) sink.add("empty-bank", 1, 1, "This bank has no ## questions");
  lintBank(built, sink);
  return {
    file: options.file,
    meta: meta ?? fallbackMeta(options.file),
    questions: built.map((b) => b.question),
  };
}

/** Questions without an {#id} get one from their title, avoiding every explicit id. */
function assignDerivedIds(placed: Placed[]): void {
  const ids = new IdAllocator();
  for (const p of placed) if (p.explicitId) ids.reserve(p.question.id);
  for (const p of placed) if (!p.explicitId) p.question.id = ids.next(slugify(p.question.title));
}

function fallbackMeta(file: string): BankMeta {
  const name =
    file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[^.]*$/, "") ?? file;
  return {
    id: slugify(name),
    title: name,
    topic: "unknown",
    domains: [],
    language: "en",
    version: "1",
    authors: [],
  };
}

/** Findings in file order; the "too many findings" marker stays last. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const capA = a.code === "too-many-findings" ? 1 : 0;
    const capB = b.code === "too-many-findings" ? 1 : 0;
    return capA - capB || a.line - b.line || a.column - b.column;
  });
}
