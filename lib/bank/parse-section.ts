import type { FindingSink } from "./codes";
import {
  append,
  BULLET_ITEM,
  dedent,
  type Fence,
  heading,
  indentWidth,
  isBlank,
  OPTION_CHILD,
  ORDERED_ITEM,
  TASK_ITEM,
} from "./lines";
import type { SectionSpan } from "./scan";
import type { RawOption, RawSection, RawSim } from "./section-head";

type Region = "stem" | "options" | "closed" | "explanation" | "references" | "answer" | "back";
const SUBSECTIONS: Record<string, Region> = {
  explanation: "explanation",
  references: "references",
  reference: "references",
  answer: "answer",
  answers: "answer",
  accepted: "answer",
  "accepted answers": "answer",
  back: "back",
};
const STARTS_BLOCK = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t]|(?:[-*_][ \t]*){3,}$)/;

/**
 * Reads a question section's body into raw parts: stem, options with their `why`, `misconception`
 * and sim children, and the ### Explanation / References / Answer / Back sections.
 *
 * @example
 * parseSectionBody(lines, span, fences, readSectionHead(lines, span, sink), sink).options.length
 */
export function parseSectionBody(
  lines: string[],
  span: SectionSpan,
  fences: Map<number, Fence>,
  raw: RawSection,
  sink: FindingSink,
): RawSection {
  const ordering = raw.meta.kind === "ordering";
  let region: Region = "stem";
  let opt: RawOption | null = null;
  let last: "text" | "why" | null = null;
  let blanks = 0;
  let complained = false;
  const seen = new Set<Region>();
  const unexpected = (line: number, column: number, message: string, hint?: string) => {
    if (!complained) sink.add("unexpected-content", line, column, message, hint);
    complained = true;
  };
  const textOf = (r: Region): string[] | null =>
    r === "stem" ? raw.stem : r === "explanation" ? raw.explanation : r === "back" ? raw.back : null;
  const startOption = (
    line: string,
    at: number,
    task: RegExpExecArray | null,
    ordered: RegExpExecArray | null,
  ) => {
    const indent = (task ?? ordered)?.[1]?.length ?? 0;
    const marker = task ? 1 : (ordered?.[2]?.length ?? 1) + 1;
    opt = {
      line: at + 1,
      column: indent + 1,
      checkColumn: task ? line.indexOf("[", indent) + 2 : indent + 1,
      isTask: task !== null,
      checked: task ? (task[3] ?? " ") !== " " : false,
      contentIndent: indent + marker + 1,
      text: [((task ? task[4] : ordered?.[4]) ?? "").trim()],
      rationale: null,
      misconception: null,
      sim: null,
    };
    raw.options.push(opt);
    region = "options";
    last = "text";
    blanks = 0;
  };

  for (let i = raw.bodyStart; i < span.end; i++) {
    const line = lines[i] ?? "";
    const fence = fences.get(i);
    if (fence?.unterminated) {
      i = fence.close;
      continue;
    }
    if (fence) {
      const body = lines.slice(fence.open, fence.close + 1);
      if (fence.lang === "sim") {
        const sim = readRawSim(lines, fence);
        const current = opt as RawOption | null;
        if (region === "options" && current && fence.indent >= 2) {
          if (current.sim)
            sink.add("duplicate-section", i + 1, fence.indent + 1, "This option already has a sim block");
          else current.sim = sim;
        } else {
          if (raw.sim)
            sink.add("duplicate-section", i + 1, fence.indent + 1, "This question already has a sim block");
          else raw.sim = sim;
          if (region === "options") region = "closed";
        }
      } else if (textOf(region)) {
        append(textOf(region) ?? [], body);
      } else if (region === "options" && opt && fence.indent >= 2) {
        const o = opt as RawOption;
        append(
          o.text,
          body.map((l) => dedent(l, o.contentIndent).trimEnd()),
          blanks,
          "",
        );
        blanks = 0;
        last = "text";
      } else {
        unexpected(i + 1, fence.indent + 1, "A code block is not expected here");
      }
      i = fence.close;
      continue;
    }
    const h = line.charCodeAt(0) === 0x23 ? heading(line) : null;
    const sub = h && h.level === 3 ? SUBSECTIONS[h.text.replace(/:$/, "").trim().toLowerCase()] : undefined;
    if (sub) {
      if (seen.has(sub))
        sink.add("duplicate-section", i + 1, 1, `This question already has a ### ${h?.text} section`);
      seen.add(sub);
      region = sub;
      if (sub !== "stem" && sub !== "options" && sub !== "closed") raw.headings[sub] ??= i + 1;
      if (sub === "explanation") raw.explanation ??= [];
      else if (sub === "back") raw.back ??= [];
      else if (sub === "references") raw.references ??= [];
      else raw.answers ??= [];
      continue;
    }
    const text = textOf(region);
    if (text && region !== "stem") {
      text.push(line);
      continue;
    }
    if (region === "references" || region === "answer") {
      if (isBlank(line)) continue;
      const item = BULLET_ITEM.exec(line) ?? ORDERED_ITEM.exec(line);
      const content = item ? (item[item.length - 1] ?? "").trim() : null;
      const column = item ? line.length - (item[item.length - 1] ?? "").trimStart().length + 1 : 1;
      if (content !== null && region === "references")
        raw.references?.push({ text: content, line: i + 1, column });
      else if (content !== null) raw.answers?.push({ text: content, line: i + 1, column });
      else if (region === "references")
        sink.add("bad-reference", i + 1, 1, "References are a list of URLs", "Write each one as - https://…");
      else unexpected(i + 1, 1, "### Answer holds a list of accepted answers", "Write each one as - answer");
      continue;
    }
    const task = TASK_ITEM.exec(line);
    const ordered = !task && ordering ? ORDERED_ITEM.exec(line) : null;
    if (region === "stem") {
      if (task || ordered) startOption(line, i, task, ordered);
      else raw.stem.push(line);
      continue;
    }
    if (isBlank(line)) {
      blanks++;
      continue;
    }
    if (region === "options" && (task || ordered)) {
      startOption(line, i, task, ordered);
      continue;
    }
    const o = opt as RawOption | null;
    if (region === "options" && o) {
      const indent = indentWidth(line);
      const child = indent >= 2 ? OPTION_CHILD.exec(line) : null;
      if (child) {
        last = readChild(o, child, line, i, sink);
        blanks = 0;
        continue;
      }
      if (indent >= 2 || (blanks === 0 && last !== null && !STARTS_BLOCK.test(line))) {
        const target: string[] =
          last === "why" && o.rationale && (indent >= o.contentIndent + 2 || blanks === 0)
            ? o.rationale
            : o.text;
        const cut = target === o.text ? o.contentIndent : o.contentIndent + 2;
        append(target, [dedent(line, cut).trim()], blanks, "");
        last = target === o.text ? "text" : "why";
        blanks = 0;
        continue;
      }
      region = "closed";
    }
    unexpected(
      i + 1,
      indentWidth(line) + 1,
      "This text comes after the options",
      "Keep the stem above the options and put explanations under ### Explanation",
    );
  }
  return raw;
}

function readChild(
  o: RawOption,
  child: RegExpExecArray,
  line: string,
  i: number,
  sink: FindingSink,
): "why" | null {
  const name = (child[2] ?? "").toLowerCase();
  const value = (child[3] ?? "").trim();
  const column = line.length - (child[3] ?? "").trimStart().length + 1;
  if (name === "why") {
    if (o.rationale) sink.add("bad-value", i + 1, indentWidth(line) + 1, "This option already has a why");
    else o.rationale = [value];
    return "why";
  }
  if (o.misconception)
    sink.add("bad-value", i + 1, indentWidth(line) + 1, "This option already has a misconception");
  else o.misconception = { text: value, line: i + 1, column };
  return null;
}

function readRawSim(lines: string[], fence: Fence): RawSim {
  const body = lines.slice(fence.open + 1, fence.close).map((l) => dedent(l, fence.indent));
  return {
    openLine: fence.open + 1,
    firstLine: fence.open + 2,
    lastLine: Math.max(fence.open + 2, fence.close),
    indent: fence.indent,
    yaml: body.join("\n"),
  };
}
