import { fenceOpening, heading } from "../lines";
import { findSeparator } from "../parse-deck";
import { type Draft, type ImportState, newState } from "./draft";

const SR = /<!--SR:(.*?)-->/;
const TAG = /(?:^|\s)#([\p{L}\p{N}_/-]+)/gu;
const CLOZE = /==([^=\n]+?)==/g;

type Line = { text: string; line: number };

/**
 * Imports Obsidian spaced-repetition notes: `front::back`, `front:::back` (both ways), multi-line
 * cards split by a lone `?` (`??` both ways), `==cloze==` deletions, `#flashcards/deck` tags (the
 * deck becomes a tag) and `<!--SR:…-->` schedules kept as an import hint.
 *
 * @example
 * importObsidian("#flashcards/aws\nFargate mode::awsvpc").drafts[0]?.tags // ["aws"]
 */
export function importObsidian(text: string): ImportState {
  const state = newState();
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  let start = 0;
  if ((lines[0] ?? "").trim() === "---") {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === "---");
    if (end > 0) start = end + 1;
  }
  let deckTags: string[] = [];
  let block: Line[] = [];
  const flush = () => {
    if (block.length > 0) readBlock(block, deckTags, state);
    block = [];
  };
  for (let i = start; i < lines.length; i++) {
    const text = lines[i] ?? "";
    const open = fenceOpening(text);
    if (open) {
      block.push({ text, line: i + 1 });
      for (i++; i < lines.length; i++) {
        block.push({ text: lines[i] ?? "", line: i + 1 });
        const t = (lines[i] ?? "").trim();
        if (t[0] === open.marker[0] && /^(`{3,}|~{3,})$/.test(t) && t.length >= open.marker.length) break;
      }
      continue;
    }
    if (text.trim() === "") {
      flush();
      continue;
    }
    if (heading(text)) {
      flush();
      continue;
    }
    const onlyTags = text.replace(TAG, "").trim() === "";
    if (onlyTags) {
      flush();
      deckTags = tagsOf(text);
      state.meta.topic ??= deckTags[0]?.replace(/\//g, "-");
      continue;
    }
    block.push({ text, line: i + 1 });
  }
  flush();
  return state;
}

function tagsOf(text: string): string[] {
  return [...text.matchAll(TAG)]
    .map((m) => (m[1] ?? "").replace(/^flashcards\/?/, ""))
    .filter((t) => t !== "" && t !== "flashcards");
}

function stripTags(text: string): string {
  return text.replace(TAG, "").trim();
}

function readBlock(block: Line[], deckTags: string[], state: ImportState): void {
  const split = block.findIndex((l) => l.text.trim() === "?" || l.text.trim() === "??");
  if (split >= 0) {
    const first = block[0] as Line;
    const sep = (block[split] as Line).text.trim();
    const back = block.slice(split + 1);
    const sr = back.map((l) => SR.exec(l.text)?.[1]).find((s) => s !== undefined);
    const draft: Draft = {
      line: first.line,
      kind: "flashcard",
      stem: block
        .slice(0, split)
        .map((l) => l.text)
        .join("\n"),
      back: back
        .map((l) => l.text.replace(SR, ""))
        .join("\n")
        .trim(),
      reversible: sep === "??",
      tags: deckTags,
    };
    if (sr) draft.srsHint = sr.trim();
    state.drafts.push(draft);
    return;
  }
  let last: Draft | null = null;
  for (const l of block) {
    const sr = SR.exec(l.text)?.[1]?.trim();
    const text = l.text.replace(SR, "").trim();
    if (text === "") {
      if (sr && last) last.srsHint = sr;
      continue;
    }
    const tags = [...deckTags, ...tagsOf(text)];
    const body = stripTags(text);
    const sep = findSeparator(body);
    let draft: Draft | null = null;
    if (sep) {
      draft = {
        line: l.line,
        kind: "flashcard",
        stem: body.slice(0, sep.at).trim(),
        back: body.slice(sep.at + sep.length).trim(),
        reversible: sep.length === 3,
        tags,
      };
    } else if (CLOZE.test(body)) {
      CLOZE.lastIndex = 0;
      let n = 0;
      draft = {
        line: l.line,
        kind: "cloze",
        stem: body.replace(CLOZE, (_, answer: string) => `{{c${++n}::${answer}}}`),
        tags,
      };
    } else if (/\{\{c\d+::/.test(body)) {
      draft = { line: l.line, kind: "cloze", stem: body, tags };
    }
    CLOZE.lastIndex = 0;
    if (!draft) {
      state.dropped.push({ line: l.line, reason: "Not a card: no ::, no lone ? line and no ==cloze==" });
      last = null;
      continue;
    }
    if (sr) draft.srsHint = sr;
    state.drafts.push(draft);
    last = draft;
  }
}
