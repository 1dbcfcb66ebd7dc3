import type { FindingSink } from "./codes";
import { isBlank, trailingId } from "./lines";
import { defaultMeta, isMetaLine, parseMetaLines, type QuestionMeta } from "./meta-line";
import type { SectionSpan } from "./scan";

/** Lines are 1-based here: these positions go straight into findings. */
export type RawSim = { openLine: number; firstLine: number; lastLine: number; indent: number; yaml: string };
export type RawItem = { text: string; line: number; column: number };
export type RawOption = {
  line: number;
  column: number;
  checkColumn: number;
  isTask: boolean;
  checked: boolean;
  contentIndent: number;
  text: string[];
  rationale: string[] | null;
  misconception: RawItem | null;
  sim: RawSim | null;
};
export type RawSection = {
  line: number;
  title: string;
  titleColumn: number;
  /** 1-based line of the metadata line, or of the heading when there is none. */
  metaLine: number;
  id: string | null;
  idColumn: number;
  meta: QuestionMeta;
  /** 0-based index of the first line after the metadata. */
  bodyStart: number;
  stem: string[];
  stemLine: number;
  options: RawOption[];
  explanation: string[] | null;
  back: string[] | null;
  references: RawItem[] | null;
  answers: RawItem[] | null;
  sim: RawSim | null;
  /** 1-based line of each ### section heading, by section. */
  headings: Partial<Record<"explanation" | "references" | "answer" | "back", number>>;
};

/** Splits a `## title {#id}` heading text into its title and id. */
export function splitHeading(
  text: string,
  line: string,
): { title: string; id: string | null; idColumn: number } {
  const found = trailingId(text);
  if (!found) return { title: text, id: null, idColumn: 1 };
  return { title: text.slice(0, found.at).trim(), id: found.id, idColumn: line.lastIndexOf("{#") + 1 };
}

/** Reads the heading and the metadata lines of a section. */
export function readSectionHead(lines: string[], span: SectionSpan, sink: FindingSink): RawSection {
  const head = splitHeading(span.title, lines[span.heading] ?? "");
  let i = span.start;
  while (i < span.end && isBlank(lines[i] ?? "")) i++;
  let meta = defaultMeta();
  let metaLine = span.heading + 1;
  if (i < span.end && isMetaLine(lines[i] ?? "")) {
    const first = i;
    metaLine = i + 1;
    while (i < span.end && isMetaLine(lines[i] ?? "")) i++;
    meta = parseMetaLines(lines.slice(first, i), first, sink);
  }
  return {
    line: span.heading + 1,
    ...head,
    titleColumn: Math.max(0, (lines[span.heading] ?? "").indexOf(head.title)) + 1,
    metaLine,
    meta,
    bodyStart: i,
    stem: [],
    stemLine: i + 1,
    options: [],
    explanation: null,
    back: null,
    references: null,
    answers: null,
    sim: null,
    headings: {},
  };
}
