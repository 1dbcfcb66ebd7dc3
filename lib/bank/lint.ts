import type { Built } from "./build-question";
import { type FindingSink, makeFinding } from "./codes";
import { type Bank, CARD_KINDS, type Finding, type Question } from "./schema";

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const CHOOSE_HINT =
  /\b(?:choose|select|pick|mark)\s+(?:the\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;
const ALL_OF_THE_ABOVE = /^(?:all|none|both|neither)\s+of\s+(?:the\s+)?(?:above|options|answers|these)\b/i;
const POSITION_BIAS = 0.4;
/** A question verified longer ago than this is reported as stale. */
export const STALE_AFTER_DAYS = 180;
const DAY_MS = 86_400_000;

/** A Date or a YYYY-MM-DD string as a UTC day number, or null. Example: dayNumber("1970-01-02") → 1. */
export function dayNumber(day: Date | string): number | null {
  const ms = typeof day === "string" ? Date.parse(`${day.slice(0, 10)}T00:00:00Z`) : day.getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / DAY_MS);
}
const MIN_FOR_BIAS = 5;

/** Normalises text for duplicate detection: case, spacing and a trailing full stop do not count. */
export function sameTextKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.。]$/, "");
}

/** A question placed in its bank: what the bank-wide checks need once it has been linted. */
export type Placed = { question: Question; idColumn: number; explicitId: boolean };

/**
 * Bank-wide checks, once every question has its id: duplicate ids (error), duplicate stems and
 * answer-position bias (warnings).
 *
 * @example
 * lintBank(placed, sink); sink.findings.filter((f) => f.code === "duplicate-id")
 */
export function lintBank(placed: Placed[], sink: FindingSink): void {
  const ids = new Map<string, Question>();
  const stems = new Map<string, Question>();
  for (const { question: q, idColumn } of placed) {
    const earlier = ids.get(q.id);
    if (earlier) {
      sink.add("duplicate-id", q.line, idColumn, `The id "${q.id}" is already used on line ${earlier.line}`);
    } else ids.set(q.id, q);
    const key = sameTextKey(q.stem);
    const twin = stems.get(key);
    if (twin && key !== "") {
      sink.add(
        "duplicate-stem",
        q.line,
        1,
        `This question has the same text as "${twin.id}" on line ${twin.line}`,
      );
    } else stems.set(key, q);
  }
  positionBias(
    placed.map((b) => b.question),
    sink,
  );
}

/**
 * The style checks of one question, run as soon as it is built: "choose N" hints, duplicate
 * options, "all of the above", missing explanation, rationale or reference.
 */
export function lintQuestion(
  { question: q, source }: Built,
  sink: FindingSink,
  options: { now?: Date | string } = {},
): void {
  if (options.now !== undefined) lintDate(q, options.now, sink);
  if (q.kind === "single" || q.kind === "multiple") {
    const correct = q.options.filter((o) => o.correct).length;
    for (const t of source.textLines) {
      const m = CHOOSE_HINT.exec(t.text);
      if (!m) continue;
      const word = (m[1] ?? "").toLowerCase();
      const n = NUMBER_WORDS[word] ?? Number(word);
      if (n !== correct) {
        sink.add(
          "choose-count-mismatch",
          t.line,
          t.column + m.index,
          `The question says "${m[0]}" but ${correct} option${correct === 1 ? " is" : "s are"} marked [x]`,
        );
      }
      break;
    }
  }
  const seen = new Map<string, string>();
  q.options.forEach((o, i) => {
    const at = source.options[i] ?? { line: q.line, column: 1 };
    const key = sameTextKey(o.text);
    const twin = seen.get(key);
    if (twin)
      sink.add("duplicate-option", at.line, at.column, `Option ${o.key} has the same text as option ${twin}`);
    else seen.set(key, o.key);
    if (q.kind !== "ordering" && ALL_OF_THE_ABOVE.test(o.text.trim())) {
      sink.add(
        "all-of-the-above",
        at.line,
        at.column,
        `Option ${o.key} is "${o.text.slice(0, 40)}"; options are shuffled`,
      );
    }
    if ((q.kind === "single" || q.kind === "multiple") && !o.correct && !o.rationale) {
      sink.add("missing-rationale", at.line, at.column, `Wrong option ${o.key} has no "- why:" rationale`);
    }
  });
  if (CARD_KINDS.has(q.kind)) return;
  if (q.explanation === "")
    sink.add("missing-explanation", q.line, 1, `Question "${q.id}" has no ### Explanation`);
  if (q.references.length === 0)
    sink.add("missing-reference", q.line, 1, `Question "${q.id}" has no ### References`);
}

/** Date checks: a question must say when it was verified, and not longer ago than STALE_AFTER_DAYS. */
function lintDate(q: Question, now: Date | string, sink: FindingSink): void {
  const today = dayNumber(now);
  if (today === null) return;
  if (!q.verified) {
    sink.add(
      "unverified",
      q.line,
      1,
      `"${q.id || q.title}" does not say when its facts were last verified`,
      "Add verified: YYYY-MM-DD to the front matter (whole bank) or to the question's metadata line",
    );
    return;
  }
  const day = dayNumber(q.verified);
  if (day === null) return;
  const age = today - day;
  if (age > STALE_AFTER_DAYS) {
    sink.add(
      "stale",
      q.line,
      1,
      `"${q.id || q.title}" was last verified on ${q.verified}, ${age} days ago (more than ${STALE_AFTER_DAYS})`,
      "Re-read its references, fix what changed, then set verified: to today's date",
    );
  }
}

function positionBias(questions: Question[], sink: FindingSink): void {
  const singles = questions.filter((q) => q.kind === "single" && q.options.some((o) => o.correct));
  if (singles.length < MIN_FOR_BIAS) return;
  const counts = new Map<string, number>();
  for (const q of singles) {
    const key = q.options.find((o) => o.correct)?.key ?? "?";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key, count] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [
    "?",
    0,
  ];
  if (count / singles.length > POSITION_BIAS) {
    sink.add(
      "answer-position-bias",
      1,
      1,
      `${count} of ${singles.length} single-choice answers (${Math.round((100 * count) / singles.length)}%) are option ${key}`,
    );
  }
}

/**
 * Cross-bank checks: a question id used in more than one bank (error, reported on every bank after
 * the first) and a question whose text is the same as one in another bank (warning). Checks within
 * one bank are parseBank's.
 *
 * @example
 * lintBanks([ecsBank, efsBank]).filter((f) => f.code === "duplicate-id")
 */
export function lintBanks(banks: Bank[]): Finding[] {
  const findings: Finding[] = [];
  const ids = new Map<string, { bank: Bank; q: Question }>();
  const stems = new Map<string, { bank: Bank; q: Question }>();
  banks.forEach((bank) => {
    const ownIds = new Map<string, { bank: Bank; q: Question }>();
    const ownStems = new Map<string, { bank: Bank; q: Question }>();
    for (const q of bank.questions) {
      const first = ids.get(q.id);
      if (first && first.bank !== bank) {
        findings.push(
          makeFinding(
            bank.file,
            "duplicate-id",
            q.line,
            1,
            `The id "${q.id}" is also used in ${first.bank.file}:${first.q.line}`,
          ),
        );
      } else if (!first) ownIds.set(q.id, { bank, q });
      const key = sameTextKey(q.stem);
      const twin = stems.get(key);
      if (twin && twin.bank !== bank && key !== "") {
        findings.push(
          makeFinding(
            bank.file,
            "duplicate-stem",
            q.line,
            1,
            `This question has the same text as "${twin.q.id}" in ${twin.bank.file}:${twin.q.line}`,
          ),
        );
      } else if (!twin) ownStems.set(key, { bank, q });
    }
    for (const [k, v] of ownIds) if (!ids.has(k)) ids.set(k, v);
    for (const [k, v] of ownStems) if (!stems.has(k)) stems.set(k, v);
  });
  return findings;
}
