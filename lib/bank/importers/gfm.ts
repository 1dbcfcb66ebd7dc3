import { fenceOpening, heading } from "../lines";
import { type Draft, type ImportState, newState } from "./draft";
import { collapseSpaces, imgTagsToMarkdown, urlsIn } from "./text-utils";

type Line = { text: string; line: number };
type Block = { line: number; level: number; title: string; body: Line[] };

const TASK = /^\s{0,3}[-*+]\s*\[([ xX])\]\s*(.*)$/;
const LETTER = /^\s{0,3}(?:[-*+]\s+)?\(?([A-Z])[.)]\s+(.*)$/;
const CORRECT_MARK = /\*\*\((?:correct|right)\)\*\*|\((?:correct|right)\)|✅|✔️?/gi;
const BACK_TO_TOP = /back\s+to\s+top|⬆|\[\s*↑\s*\]|\[top\]\(#/i;
const TOC_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]+\]\(#[^)]*\)\s*$/;
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
// Each optional part owns its spaces (`(?:\*\*\s*)?` rather than `\s*(?:\*\*)?\s*`), so a long run of
// spaces cannot be split between two quantifiers in quadratically many ways.
const ANSWER_LINE = /^\s*(?:\*\*)?(?:correct\s+)?answers?(?:\*\*)?\s*(?:\*\*\s*)?[:：-]\s*(?:\*\*)?(.*)$/i;
const EXPLANATION_LABEL = /^\s*(?:\*\*)?explanation(?:\*\*)?\s*(?:\*\*\s*)?[:：-]\s*(?:\*\*\s*)?/i;
const REFERENCE_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:references?|sources?|see|links?)(?:\*\*)?\s*(?:\*\*\s*)?[:：]/i;

/**
 * Imports a GitHub task-list bank (`### question` + `- [x] option`), tolerating the quirks of public
 * certification repositories: #### headings, `- [ ]Text`, doubled spaces, "(Correct)" leftovers,
 * back-to-top links, tables of contents, images, and `<details>` answer blocks after `- A. text`
 * options.
 *
 * @example
 * importGfm("### Pick one\n- [x] Fargate\n- [ ] EC2").drafts[0]?.kind // "single"
 */
export function importGfm(text: string): ImportState {
  const state = newState();
  const blocks = splitBlocks(
    text
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      .split("\n"),
  );
  for (const block of blocks) {
    if (block.level === 1 && state.meta.title === undefined) state.meta.title = block.title;
    readBlock(block, state);
  }
  return state;
}

/** Splits at headings (outside code fences); lines before the first heading are not a question. */
function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  const preamble: Line[] = [];
  let current: Block | null = null;
  let i = 0;
  if ((lines[0] ?? "").trim() === "---") {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === "---");
    if (end > 0) i = end + 1;
  }
  for (; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const open = fenceOpening(text);
    if (open) {
      const target = current ? current.body : preamble;
      target.push({ text, line: i + 1 });
      for (i++; i < lines.length; i++) {
        const l = lines[i] ?? "";
        target.push({ text: l, line: i + 1 });
        const t = l.trim();
        if (t[0] === open.marker[0] && /^(`{3,}|~{3,})$/.test(t) && t.length >= open.marker.length) break;
      }
      continue;
    }
    const h = heading(text);
    if (h) {
      current = { line: i + 1, level: h.level, title: h.text, body: [] };
      blocks.push(current);
    } else (current ? current.body : preamble).push({ text, line: i + 1 });
  }
  return blocks;
}

function isNoise(l: Line): boolean {
  const t = l.text.trim();
  return (
    (BACK_TO_TOP.test(t) && /\]\(/.test(t)) ||
    RULE.test(t) ||
    /^<!--.*-->$/.test(t) ||
    /^<\/?a\b[^>]*>$/i.test(t)
  );
}

type Opt = { text: string; correct: boolean; letter?: string };

function readBlock(block: Block, state: ImportState): void {
  const body = block.body.filter((l) => !isNoise(l));
  const tocLines = body.filter((l) => TOC_ITEM.test(l.text));
  if (tocLines.length >= 2 || (/contents/i.test(block.title) && tocLines.length > 0)) {
    state.dropped.push({ line: tocLines[0]?.line ?? block.line, reason: "Table of contents skipped" });
  }
  const lines = body.filter((l) => !TOC_ITEM.test(l.text));
  const stem: string[] = [];
  const after: Line[] = [];
  const options: Opt[] = [];
  let phase: "stem" | "options" | "after" = "stem";
  let expectLetter = "A";
  for (const l of lines) {
    const task = TASK.exec(l.text);
    const letter = task ? null : LETTER.exec(l.text);
    const isLetter = letter !== null && letter[1] === expectLetter && phase !== "after";
    if ((task || isLetter) && phase !== "after") {
      phase = "options";
      const raw = (task ? task[2] : letter?.[2]) ?? "";
      const marked = CORRECT_MARK.test(raw);
      CORRECT_MARK.lastIndex = 0;
      const opt: Opt = {
        text: collapseSpaces(imgTagsToMarkdown(raw.replace(CORRECT_MARK, " "))),
        correct: marked,
      };
      if (task) opt.correct ||= (task[1] ?? " ") !== " ";
      else opt.letter = letter?.[1];
      if (isLetter) expectLetter = String.fromCharCode(expectLetter.charCodeAt(0) + 1);
      options.push(opt);
      continue;
    }
    if (phase === "options") {
      const last = options[options.length - 1];
      if (l.text.trim() === "") continue;
      if (last && /^\s{2,}\S/.test(l.text)) {
        last.text = `${last.text}\n${collapseSpaces(l.text)}`;
        continue;
      }
      phase = "after";
    }
    if (phase === "stem") stem.push(imgTagsToMarkdown(l.text));
    else after.push(l);
  }
  if (options.length === 0) {
    if (/\?\s*(?:\(.*\))?\s*$/.test(block.title) || stem.some((s) => s.trim().endsWith("?"))) {
      state.dropped.push({ line: block.line, reason: "No options found under this question heading" });
    }
    return;
  }
  const { explanation, references, letters } = readAfter(after);
  for (const o of options) if (o.letter && letters.includes(o.letter)) o.correct = true;
  if (options.every((o) => !o.correct) && letters.length > 0) {
    letters.forEach((letter) => {
      const o = options[letter.charCodeAt(0) - 65];
      if (o) o.correct = true;
    });
  }
  const right = options.filter((o) => o.correct).length;
  const draft: Draft = {
    line: block.line,
    kind: right > 1 ? "multiple" : "single",
    title: block.title.replace(/^(?:q(?:uestion)?\s*)?\d+\s*[.):-]\s*/i, "").trim() || block.title,
    stem: stem.join("\n").trim(),
    options: options.map((o) => ({ text: o.text, correct: o.correct })),
    explanation,
    references,
  };
  state.drafts.push(draft);
}

function readAfter(after: Line[]): { explanation: string; references: string[]; letters: string[] } {
  const explanation: string[] = [];
  const references: string[] = [];
  let letters: string[] = [];
  for (const l of after) {
    const t = l.text.trim();
    if (/^<\/?(?:details|summary)\b/i.test(t) || /^<summary>.*<\/summary>$/i.test(t)) {
      const inner = t.replace(/<\/?(?:details|summary)[^>]*>/gi, "").trim();
      if (!inner || /^(?:answer|show answer|solution|reveal)s?$/i.test(inner)) continue;
      explanation.push(inner);
      continue;
    }
    const answer = ANSWER_LINE.exec(t);
    if (answer && letters.length === 0) {
      const found = [...(answer[1] ?? "").matchAll(/\b([A-Z])\b/g)].map((m) => m[1] ?? "");
      if (found.length > 0) {
        letters = found;
        continue;
      }
    }
    if (REFERENCE_LINE.test(t) || (/^(?:[-*+]\s+)?<?https?:\/\/\S+>?$/.test(t) && urlsIn(t).length === 1)) {
      const urls = urlsIn(t);
      if (urls.length > 0) {
        references.push(...urls);
        continue;
      }
    }
    explanation.push(l.text.replace(EXPLANATION_LABEL, ""));
  }
  return { explanation: explanation.join("\n").trim(), references: [...new Set(references)], letters };
}
