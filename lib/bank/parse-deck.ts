import type { Built } from "./build-question";
import { parseCloze } from "./cloze";
import type { FindingSink } from "./codes";
import { BULLET_ITEM, type Fence, heading, indentWidthEnd, isBlank, TASK_ITEM, trailingId } from "./lines";
import type { SectionSpan } from "./scan";
import { ID_PATTERN, type Question } from "./schema";
import type { RawSection } from "./section-head";
import { slugify } from "./slug";

/**
 * Reads a `kind: flashcards` deck: one card per list item, `front :: back`, `front ::: back` (studied
 * both ways) or a line with `{{c1::cloze}}` deletions, each ending with its `{#id}`.
 *
 * @example
 * // - Fargate network mode :: awsvpc {#fc-fargate-mode}
 * parseDeck(lines, span, fences, head, sink)[0]?.question.back // "awsvpc"
 */
export function parseDeck(
  lines: string[],
  span: SectionSpan,
  fences: Map<number, Fence>,
  head: RawSection,
  sink: FindingSink,
): Built[] {
  const cards: Built[] = [];
  for (let i = head.bodyStart; i < span.end; i++) {
    const line = lines[i] ?? "";
    const fence = fences.get(i);
    if (fence) {
      if (!fence.unterminated)
        sink.add(
          "unexpected-content",
          i + 1,
          fence.indent + 1,
          "A flashcards deck holds only cards, one per line",
        );
      i = fence.close;
      continue;
    }
    if (isBlank(line)) continue;
    if (heading(line) || TASK_ITEM.test(line) || indentWidthEnd(line) >= 2) {
      sink.add(
        "unexpected-content",
        i + 1,
        indentWidthEnd(line) + 1,
        "A flashcards deck holds only cards, one per line",
        "Write longer cards as their own ## question with kind: flashcard",
      );
      continue;
    }
    const item = BULLET_ITEM.exec(line);
    const content = item ? (item[3] ?? "") : line;
    const card = readCard(content, i + 1, line.length - content.length + 1, head, sink);
    if (card) cards.push(card);
  }
  return cards;
}

function readCard(
  content: string,
  line: number,
  column: number,
  head: RawSection,
  sink: FindingSink,
): Built | null {
  let text = content.trimEnd();
  let srsHint: string | undefined;
  const sr = text.lastIndexOf("<!--SR:");
  if (sr >= 0 && text.endsWith("-->")) {
    srsHint = text.slice(sr + 7, -3).trim();
    text = text.slice(0, sr).trimEnd();
  }
  let id: string | null = null;
  let idColumn = 1;
  const found = trailingId(text);
  if (found) {
    id = found.id;
    idColumn = column + found.at;
    text = text.slice(0, found.at);
  }
  text = text.trim();
  const sep = findSeparator(text);
  const meta = head.meta;
  const base = {
    explanation: "",
    references: [],
    tags: meta.tags,
    exams: meta.exams,
    difficulty: meta.difficulty,
    ...(meta.verified ? { verified: meta.verified } : {}),
    line,
  };
  let q: Question;
  if (sep) {
    const front = text.slice(0, sep.at).trim();
    const back = text.slice(sep.at + sep.length).trim();
    if (front === "" || back === "") {
      sink.add("bad-card", line, column, front === "" ? "This card has no front" : "This card has no back");
      return null;
    }
    const reversible = sep.length === 3 || meta.reversible;
    q = {
      id: id ?? "",
      kind: "flashcard",
      title: front,
      stem: front,
      options: [],
      front,
      back,
      reversible,
      ...base,
    };
  } else if (/\{\{c\d+::/.test(text)) {
    const parsed = parseCloze(text);
    if (parsed.error) {
      sink.add("bad-cloze", line, column + parsed.error.offset, parsed.error.message);
      return null;
    }
    q = { id: id ?? "", kind: "cloze", title: text, stem: text, options: [], cloze: text, ...base };
  } else {
    sink.add("bad-card", line, column, "This line is not a card: it has no :: and no {{c1::cloze}}");
    return null;
  }
  if (srsHint) q.srsHint = srsHint;
  if (id === null) {
    sink.add("missing-id", line, column, "This card has no {#id}; one was made from its front");
  } else if (!ID_PATTERN.test(id)) {
    sink.add("bad-id", line, idColumn + 2, `"${id}" is not a valid id`, `Use an id such as "${slugify(id)}"`);
  }
  return {
    question: q,
    source: { idColumn, explicitId: id !== null, options: [], textLines: [{ line, column, text: q.title }] },
  };
}

/** The first `::` (or `:::`) outside `{{…}}` and outside `code`, or null. */
export function findSeparator(text: string): { at: number; length: 2 | 3 } | null {
  let braces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "`") {
      let run = 1;
      while (text[i + run] === "`") run++;
      const close = findBacktickRun(text, i + run, run);
      i = (close >= 0 ? close + run : i + run) - 1;
      continue;
    }
    // Only a real cloze deletion ({{c1::…}}) hides its :: from the card separator; a stray
    // "{{" in a front (an imported "{{#id}" say) must not swallow the separator after it.
    if (c === "{" && text[i + 1] === "{" && /^\{\{c\d+::/.test(text.slice(i, i + 16))) {
      braces++;
      i++;
    } else if (c === "}" && text[i + 1] === "}" && braces > 0) {
      braces--;
      i++;
    } else if (c === ":" && text[i + 1] === ":" && braces === 0) {
      return { at: i, length: text[i + 2] === ":" ? 3 : 2 };
    }
  }
  return null;
}

/** Start of the next run of exactly `run` backticks from `from` (a code span's end), or -1. */
function findBacktickRun(text: string, from: number, run: number): number {
  for (let i = text.indexOf("`", from); i >= 0; i = text.indexOf("`", i)) {
    let n = 1;
    while (text[i + n] === "`") n++;
    if (n === run) return i;
    i += n;
  }
  return -1;
}
