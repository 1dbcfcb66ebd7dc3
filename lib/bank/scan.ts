import type { FindingSink } from "./codes";
import type { Limits } from "./limits";
import {
  type Fence,
  fenceOpening,
  findFenceClose,
  heading,
  indentWidthEnd,
  nestingDepth,
  TASK_ITEM,
} from "./lines";

/** A `##` section: its heading line and body lines [start, end), all 0-based line indexes. */
export type SectionSpan = { heading: number; title: string; start: number; end: number };

export type Scan = { fences: Map<number, Fence>; sections: SectionSpan[] };

/**
 * One linear pass over the body: finds closed fences (so nothing inside code is mistaken for
 * structure), splits the body at `##` headings, and reports over-long lines, deep nesting, unclosed
 * fences and options written before any question.
 *
 * @example
 * scanBody(["## Q {#q}", "- [x] a"], 0, sink, DEFAULT_LIMITS).sections // [{ heading: 0, start: 1, end: 2, … }]
 */
export function scanBody(lines: string[], from: number, sink: FindingSink, limits: Limits): Scan {
  const fences = new Map<number, Fence>();
  const sections: SectionSpan[] = [];
  let current: SectionSpan | null = null;
  const n = lines.length;
  const close = (at: number) => {
    if (current) {
      current.end = at;
      sections.push(current);
      current = null;
    }
  };
  let i = from;
  while (i < n) {
    const line = lines[i] ?? "";
    const first = line.charCodeAt(indentWidthEnd(line));
    if (first === 0x60 || first === 0x7e) {
      const open = fenceOpening(line);
      if (open) {
        const { close, stop } = findFenceClose(lines, i, open.marker, open.lang, n);
        if (close >= 0) {
          fences.set(i, { open: i, close, ...open });
          if (!current && open.lang === "sim") {
            sink.add("outside-question", i + 1, open.indent + 1, "A sim block comes before any ## question");
          }
          i = close + 1;
          continue;
        }
        const code = open.lang === "sim" ? "unterminated-sim" : "unterminated-fence";
        const what = open.lang === "sim" ? "sim block" : "code fence";
        sink.add(code, i + 1, open.indent + 1, `This ${what} (${open.marker}${open.lang}) is never closed`);
        // The fence swallows what follows up to where the search stopped; parsers skip it whole.
        fences.set(i, { open: i, close: stop - 1, ...open, unterminated: true });
        i = stop;
        continue;
      }
    } else if (first === 0x23) {
      const h = heading(line);
      if (h && h.level <= 2) {
        close(i);
        if (h.level === 2) current = { heading: i, title: h.text, start: i + 1, end: n };
        i++;
        continue;
      }
    }
    if (nestingDepth(line) > limits.maxDepth) {
      sink.add(
        "too-deep",
        i + 1,
        1,
        `This line nests lists or quotes more than ${limits.maxDepth} levels deep`,
      );
    } else if (!current && TASK_ITEM.test(line)) {
      sink.add("outside-question", i + 1, indentWidthEnd(line) + 1, "An option comes before any ## question");
    }
    i++;
  }
  close(n);
  return { fences, sections };
}

/** Reports lines over the limit and cuts them, so later passes do bounded work. */
export function checkLineLengths(lines: string[], sink: FindingSink, limits: Limits): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.length > limits.maxLineLength) {
      sink.add(
        "line-too-long",
        i + 1,
        limits.maxLineLength + 1,
        `This line is ${line.length.toLocaleString("en")} characters long (the limit is ${limits.maxLineLength.toLocaleString("en")})`,
      );
      lines[i] = line.slice(0, limits.maxLineLength);
    }
  }
}
