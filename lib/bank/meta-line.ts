import type { FindingSink } from "./codes";
import {
  DAY_PATTERN,
  type Difficulty,
  EXAM_PATTERN,
  QUESTION_KINDS,
  type QuestionKind,
  TAG_PATTERN,
} from "./schema";
import { didYouMean } from "./suggest";

/** A question's kind, or "flashcards" for a deck section holding many one-line cards. */
export type SectionKind = QuestionKind | "flashcards";

export type QuestionMeta = {
  /** null when the kind was given but is not a known kind. */
  kind: SectionKind | null;
  kindGiven: boolean;
  difficulty: Difficulty;
  tags: string[];
  exams: string[];
  reversible: boolean;
  srs?: string;
  /** YYYY-MM-DD: when the question's facts were last checked. */
  verified?: string;
};

export const META_KEYS = ["kind", "difficulty", "tags", "exams", "reversible", "srs", "verified"] as const;
const SECTION_KINDS: readonly string[] = [...QUESTION_KINDS, "flashcards"];
const META_START = /^(?:kind|difficulty|tags|exams|reversible|srs|verified)[ \t]*:/i;
const SEGMENT = /([^·|]+)/g;

/** Whether a line is a question metadata line (`kind: single · difficulty: 2 · …`). */
export function isMetaLine(line: string): boolean {
  return META_START.test(line);
}

export function defaultMeta(): QuestionMeta {
  return { kind: "single", kindGiven: false, difficulty: 3, tags: [], exams: [], reversible: false };
}

/**
 * Parses metadata lines: `key: value` pairs separated by `·` or `|`, on one line or several.
 *
 * @example
 * parseMetaLines(["kind: multiple · difficulty: 4 · tags: efs, fargate"], 3, sink).tags // ["efs", "fargate"]
 */
export function parseMetaLines(lines: string[], firstLine: number, sink: FindingSink): QuestionMeta {
  const meta = defaultMeta();
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const lineNo = firstLine + index + 1;
    for (const m of line.matchAll(SEGMENT)) {
      const raw = m[1] ?? "";
      const lead = raw.length - raw.trimStart().length;
      const segment = raw.trim();
      if (segment === "") continue;
      const column = (m.index ?? 0) + lead + 1;
      const colon = segment.indexOf(":");
      if (colon < 0) {
        sink.add(
          "bad-value",
          lineNo,
          column,
          `"${segment}" is not a key: value pair`,
          "Write pairs such as difficulty: 2",
        );
        continue;
      }
      const key = segment.slice(0, colon).trim().toLowerCase();
      const value = segment.slice(colon + 1).trim();
      const valueColumn = column + segment.indexOf(value, colon + 1);
      if (seen.has(key)) {
        sink.add("bad-value", lineNo, column, `"${key}" is given twice`, "Keep one of them");
        continue;
      }
      seen.add(key);
      applyPair(meta, key, value, { line: lineNo, column, valueColumn }, sink);
    }
  });
  return meta;
}

type At = { line: number; column: number; valueColumn: number };

function applyPair(meta: QuestionMeta, key: string, value: string, at: At, sink: FindingSink): void {
  switch (key) {
    case "kind": {
      meta.kindGiven = true;
      const kind = value.toLowerCase();
      if (SECTION_KINDS.includes(kind)) meta.kind = kind as SectionKind;
      else {
        meta.kind = null;
        sink.add(
          "unknown-kind",
          at.line,
          at.valueColumn,
          `Unknown kind "${value}"`,
          didYouMean(kind, SECTION_KINDS),
        );
      }
      return;
    }
    case "difficulty":
      if (/^[1-5]$/.test(value)) meta.difficulty = Number(value) as Difficulty;
      else
        sink.add(
          "bad-value",
          at.line,
          at.valueColumn,
          `difficulty must be a whole number from 1 to 5, not "${value}"`,
        );
      return;
    case "tags":
      meta.tags = splitList(value, at, sink, "tag", (t) => (TAG_PATTERN.test(t) ? t : null));
      return;
    case "exams":
      meta.exams = splitList(value, at, sink, "exam code", (t) => {
        const upper = t.toUpperCase();
        return EXAM_PATTERN.test(upper) ? upper : null;
      });
      return;
    case "reversible": {
      const v = value.toLowerCase();
      if (v === "yes" || v === "true") meta.reversible = true;
      else if (v === "no" || v === "false") meta.reversible = false;
      else sink.add("bad-value", at.line, at.valueColumn, `reversible must be yes or no, not "${value}"`);
      return;
    }
    case "srs":
      if (value !== "") meta.srs = value;
      return;
    case "verified":
      if (DAY_PATTERN.test(value)) meta.verified = value;
      else
        sink.add(
          "bad-value",
          at.line,
          at.valueColumn,
          `verified must be a day written YYYY-MM-DD, not "${value}"`,
        );
      return;
    default:
      sink.add(
        "unknown-field",
        at.line,
        at.column,
        `Unknown metadata key "${key}"`,
        didYouMean(key, META_KEYS),
      );
  }
}

function splitList(
  value: string,
  at: At,
  sink: FindingSink,
  what: string,
  accept: (item: string) => string | null,
): string[] {
  const out: string[] = [];
  let offset = 0;
  for (const part of value.split(",")) {
    const item = part.trim();
    const column = at.valueColumn + offset + (part.length - part.trimStart().length);
    offset += part.length + 1;
    if (item === "") continue;
    const ok = accept(item);
    if (ok === null) {
      sink.add(
        "bad-value",
        at.line,
        column,
        `"${item}" is not a valid ${what}`,
        what === "tag"
          ? "Tags are single words: letters, digits, - _ . /, separated by commas"
          : "Exam codes look like SAA-C03, separated by commas",
      );
    } else if (!out.includes(ok)) out.push(ok);
  }
  return out;
}
