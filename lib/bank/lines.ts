/**
 * Line-level recognisers for the block structure a bank uses. A bank's structure is line-oriented
 * (headings, fences, list items), so a single linear pass over lines finds it with exact positions,
 * far faster than a full CommonMark parse; the Markdown inside stems is parsed when it is rendered.
 */

export type Fence = {
  /** 0-based line index of the opening and closing fence lines. */
  open: number;
  close: number;
  indent: number;
  marker: string;
  /** First word of the info string ("sim", "yaml", …), lowercased. */
  lang: string;
  /** Never closed: `close` is then the last line it swallowed (reported once, skipped by parsers). */
  unterminated?: boolean;
};

export const TASK_ITEM = /^( {0,3})([-*+])[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/;
export const ORDERED_ITEM = /^( {0,3})(\d{1,9})([.)])[ \t]+(.*)$/;
export const BULLET_ITEM = /^( {0,3})([-*+])[ \t]+(.*)$/;
export const OPTION_CHILD = /^([ \t]+)[-*+][ \t]+(why|misconception)[ \t]*:[ \t]*(.*)$/i;
const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
/** A question heading: `## text {#id}`. A fence never runs past one (see findFenceClose). */
const QUESTION_HEADING = /^ {0,3}##[ \t]/;

/** Recognises a fence opening line; returns its indent, marker and language. */
export function fenceOpening(line: string): { indent: number; marker: string; lang: string } | null {
  const c = line.charCodeAt(indentWidthEnd(line));
  if (c !== 0x60 && c !== 0x7e) return null;
  const m = FENCE_OPEN.exec(line);
  if (!m) return null;
  const marker = m[2] ?? "";
  const rest = m[3] ?? "";
  if (marker[0] === "`" && rest.includes("`")) return null;
  const lang = (rest.trim().split(/\s+/)[0] ?? "").toLowerCase();
  return { indent: indentWidth(m[1] ?? ""), marker, lang };
}

/**
 * Finds the line closing a fence opened at `open` (`close`, or -1) and where the search stopped.
 * The search stops at a question heading (and, for sim blocks, at any `## ` heading): an author who
 * forgot to close a fence gets the error at the fence, instead of the fence silently swallowing the
 * questions after it.
 */
export function findFenceClose(
  lines: string[],
  open: number,
  marker: string,
  lang: string,
  end: number,
): { close: number; stop: number } {
  const char = marker[0];
  for (let j = open + 1; j < end; j++) {
    const line = lines[j] ?? "";
    const m = FENCE_CLOSE.exec(line);
    if (m) {
      const close = m[1] ?? "";
      if (close[0] === char && close.length >= marker.length) return { close: j, stop: j + 1 };
    }
    if (line.charCodeAt(indentWidthEnd(line)) === 0x23) {
      if (QUESTION_HEADING.test(line) && trailingId(line)) return { close: -1, stop: j };
      if (lang === "sim" && /^ {0,3}##[ \t]/.test(line)) return { close: -1, stop: j };
    }
  }
  return { close: -1, stop: end };
}

/**
 * An ATX heading's level and text (closing #s removed), or null. Written as a scan rather than a
 * regex: `(.*?)[ \t]*$` backtracks quadratically on long runs of spaces.
 */
export function heading(line: string): { level: number; text: string } | null {
  const start = indentWidthEnd(line);
  if (start > 3 || line.charCodeAt(start) !== 0x23) return null;
  let i = start;
  while (i < line.length && line.charCodeAt(i) === 0x23) i++;
  const level = i - start;
  if (level > 6) return null;
  const next = line.charCodeAt(i);
  if (i < line.length && next !== 0x20 && next !== 0x09) return null;
  let text = line.slice(i).trim();
  let j = text.length;
  while (j > 0 && text.charCodeAt(j - 1) === 0x23) j--;
  if (j === 0) text = "";
  else if (j < text.length && (text[j - 1] === " " || text[j - 1] === "\t"))
    text = text.slice(0, j).trimEnd();
  return { level, text };
}

/** A trailing `{#id}` (after whitespace, or alone): the id and where `{#` starts, or null. */
export function trailingId(text: string): { id: string; at: number } | null {
  const end = text.trimEnd();
  if (!end.endsWith("}")) return null;
  const at = end.lastIndexOf("{#");
  if (at < 0) return null;
  const id = end.slice(at + 2, -1);
  if (id.includes("{") || id.includes("}")) return null;
  if (at > 0 && end[at - 1] !== " " && end[at - 1] !== "\t") return null;
  return { id: id.trim(), at };
}

/** Index of the first non-blank character. */
export function indentWidthEnd(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09)) i++;
  return i;
}

/** Width of leading whitespace, a tab advancing to the next multiple of 4. */
export function indentWidth(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x20) w++;
    else if (c === 0x09) w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** Removes up to `n` columns of leading whitespace. */
export function dedent(line: string, n: number): string {
  let w = 0;
  let i = 0;
  while (i < line.length && w < n) {
    const c = line.charCodeAt(i);
    if (c === 0x20) w++;
    else if (c === 0x09) w += 4 - (w % 4);
    else break;
    i++;
  }
  return line.slice(i);
}

export function isBlank(line: string): boolean {
  return indentWidthEnd(line) === line.length;
}

/**
 * How many containers (block quotes, list items, indentation levels) a line opens. Renderers recurse
 * on nesting, so it is bounded before anything renders the text.
 */
export function nestingDepth(line: string): number {
  const first = line.charCodeAt(0);
  // Fast path: a line starting with a letter or digit other than a list number opens nothing.
  if ((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a)) return 0;
  let i = 0;
  let depth = 0;
  let indent = 0;
  for (;;) {
    while (i < line.length && (line[i] === " " || line[i] === "\t")) {
      indent += line[i] === "\t" ? 4 : 1;
      i++;
    }
    const c = line[i];
    if (c === ">") {
      depth++;
      i++;
      continue;
    }
    if ((c === "-" || c === "*" || c === "+") && (line[i + 1] === " " || line[i + 1] === "\t")) {
      depth++;
      i += 2;
      continue;
    }
    if (c !== undefined && c >= "0" && c <= "9") {
      let j = i;
      while (j < line.length && j - i < 9 && (line[j] ?? "") >= "0" && (line[j] ?? "") <= "9") j++;
      if ((line[j] === "." || line[j] === ")") && (line[j + 1] === " " || line[j + 1] === "\t")) {
        depth++;
        i = j + 2;
        continue;
      }
    }
    break;
  }
  return depth + Math.floor(indent / 4);
}

/** Appends items one by one: `push(...items)` fails past ~100k arguments, and a fence can be longer. */
export function append<T>(target: T[], items: readonly T[], blanksFirst = 0, blank?: T): void {
  for (let k = 0; k < blanksFirst; k++) target.push(blank as T);
  for (const item of items) target.push(item);
}
