import { parseCloze } from "../cloze";
import { exportMarkdown } from "../export/markdown";
import { fenceOpening } from "../lines";
import { parseBankPartial } from "../parse-bank";
import {
  type Bank,
  type Finding,
  type Question,
  type QuestionKind,
  type SimValidator,
  TAG_PATTERN,
} from "../schema";
import { IdAllocator, slugify } from "../slug";

/** A question as an importer understood it, before ids and our format's rules are applied. */
export type Draft = {
  /** 1-based line in the source where the question starts. */
  line: number;
  kind: QuestionKind;
  /** A name the source gives the question (GIFT's ::name::), used for its id. */
  name?: string;
  title?: string;
  stem: string;
  options?: Array<{ text: string; correct: boolean; rationale?: string }>;
  accepted?: string[];
  back?: string;
  reversible?: boolean;
  explanation?: string;
  references?: string[];
  tags?: string[];
  srsHint?: string;
};

export type Dropped = { line: number; reason: string };

export type ImportState = {
  drafts: Draft[];
  dropped: Dropped[];
  meta: { title?: string; topic?: string; language?: string };
};

export function newState(): ImportState {
  return { drafts: [], dropped: [], meta: {} };
}

const MAX_TITLE = 120;

/** A one-line title from the first line of a text, cut at a word boundary. */
export function titleFrom(text: string): string {
  const first = (text.split("\n").find((l) => l.trim() !== "") ?? "").trim().replace(/^#+\s*/, "");
  if (first.length <= MAX_TITLE) return first;
  const cut = first.slice(0, MAX_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_TITLE / 2)).trimEnd()}…`;
}

/**
 * Makes imported text safe to place in a bank: headings that would start a question or section are
 * demoted, task-list lines that would become options are escaped, and an unclosed fence is closed.
 */
export function safeBlock(text: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (fence) {
      out.push(line);
      const trimmed = line.trim();
      if (/^(`{3,}|~{3,})$/.test(trimmed) && trimmed[0] === fence[0] && trimmed.length >= fence.length)
        fence = null;
      continue;
    }
    const open = fenceOpening(line);
    if (open) {
      fence = open.marker;
      out.push(open.lang === "sim" ? line.replace(/sim/, "yaml") : line);
      continue;
    }
    out.push(
      line
        .replace(/^(\s{0,3})#{1,3}(?=\s|$)/, "$1####")
        .replace(/^(\s*(?:[-*+]|\d{1,9}[.)])\s+)\[([ xX])\]/, "$1\\[$2]"),
    );
  }
  if (fence) out.push(fence);
  return out.join("\n").trim();
}

function cleanTag(tag: string): string | null {
  const t = tag.trim().replace(/^#/, "").replace(/::/g, "/");
  if (TAG_PATTERN.test(t)) return t;
  const slug = slugify(t);
  return slug.startsWith("q-") ? null : slug;
}

/** Checks a draft against what our format requires; returns why it cannot be imported, or null. */
function rejection(d: Draft): string | null {
  const options = d.options ?? [];
  const right = options.filter((o) => o.correct).length;
  switch (d.kind) {
    case "single":
    case "multiple":
    case "true-false":
      if (options.length < 2) return "fewer than two options";
      if (options.length > 26) return "more than 26 options";
      if (right === 0) return "no option is marked as the right answer";
      if (options.some((o) => o.text.trim() === "")) return "an option has no text";
      return null;
    case "ordering":
      return options.length < 2 ? "fewer than two items to order" : null;
    case "typed":
      return (d.accepted ?? []).some((a) => a.trim() !== "") ? null : "no accepted answer";
    case "flashcard":
      return (d.back ?? "").trim() === "" || d.stem.trim() === "" ? "a card needs a front and a back" : null;
    case "cloze": {
      const parsed = parseCloze(d.stem);
      return parsed.error ? parsed.error.message : parsed.deletions.length === 0 ? "no cloze deletion" : null;
    }
  }
}

function toQuestion(d: Draft, id: string): Question {
  const stem = safeBlock(d.stem);
  const title = (d.title ?? titleFrom(stem)).replace(/\s+/g, " ").trim() || id;
  const tags = [...new Set((d.tags ?? []).map(cleanTag).filter((t): t is string => t !== null))];
  const q: Question = {
    id,
    kind: d.kind,
    title,
    stem: stem || title,
    options: (d.options ?? []).map((o, i) => {
      const option: Question["options"][number] = {
        key: String.fromCharCode(65 + i),
        text: safeBlock(o.text) || "(empty)",
        correct: d.kind === "ordering" ? true : o.correct,
      };
      const rationale = o.rationale ? safeBlock(o.rationale) : "";
      if (rationale) option.rationale = rationale;
      return option;
    }),
    explanation: safeBlock(d.explanation ?? ""),
    references: (d.references ?? []).filter((r) => /^https?:\/\/\S+$/.test(r)),
    tags,
    exams: [],
    difficulty: 3,
    line: d.line,
  };
  if (d.kind === "multiple") q.chooseCount = q.options.filter((o) => o.correct).length;
  if (d.kind === "true-false") q.answer = q.options.find((o) => o.correct)?.text.toLowerCase() === "true";
  if (d.kind === "ordering") q.order = q.options.map((o) => o.key);
  if (d.kind === "typed")
    q.accepted = (d.accepted ?? []).map((a) => a.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (d.kind === "flashcard") {
    const stemIsTitle = stem === title;
    q.front = stemIsTitle ? title : stem;
    q.stem = q.front;
    q.back = safeBlock(d.back ?? "");
    q.reversible = d.reversible ?? false;
  }
  if (d.kind === "cloze") {
    q.cloze = stem;
    q.stem = stem;
    if (!stem.includes("\n")) q.title = stem;
  }
  if (d.srsHint) q.srsHint = d.srsHint;
  return q;
}

export type ImportResult = {
  markdown: string;
  format: string;
  dropped: Dropped[];
  /**
   * The checker's findings on the written bank: `file`, `line` and `column` point at the converted
   * file (`outFile`), and `source` says where in the source file the question concerned starts.
   */
  findings: Finding[];
  /** The converted bank when it has no error (what a loader or an upload saves), else null. */
  bank: Bank | null;
};

/** How a conversion names its output and checks it. */
export type WriteOptions = {
  /** The converted file's name, used in findings; the source's name with `.md` when not given. */
  outFile?: string;
  /** Validates ```sim blocks (see ParseOptions.validateSim). */
  validateSim?: SimValidator;
};

/**
 * The name a converted bank gets when the caller names none: the source's name with `.md`
 * (`quiz.gift` → `quiz.md`), or `.taskdeck.md` when the source is Markdown already.
 */
export function convertedName(file: string): string {
  const stem = file.replace(/\.[^./\\]*$/, "");
  return /\.md$/i.test(file) ? `${stem}.taskdeck.md` : `${stem}.md`;
}

/**
 * Writes imported drafts as a Taskdeck bank, then checks the result with the full checker; each
 * finding points at the converted file and carries the source line of the question it concerns.
 */
export function writeImported(
  state: ImportState,
  file: string,
  format: string,
  options: WriteOptions = {},
): ImportResult {
  const base =
    file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[^.]*$/, "") ?? "imported";
  const ids = new IdAllocator();
  const questions: Question[] = [];
  const dropped = [...state.dropped];
  for (const d of state.drafts) {
    const why = rejection(d);
    if (why) {
      dropped.push({ line: d.line, reason: `Question dropped: ${why}` });
      continue;
    }
    questions.push(toQuestion(d, ids.next(slugify(d.name ?? d.title ?? d.stem))));
  }
  const outFile = options.outFile ?? convertedName(file);
  const bank: Bank = {
    file: outFile,
    meta: {
      id: slugify(base) || "imported",
      title: state.meta.title?.trim() || base || "Imported bank",
      topic: slugify(state.meta.topic ?? base) || "imported",
      domains: [],
      language: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(state.meta.language ?? "")
        ? (state.meta.language as string)
        : "en",
      version: "1",
      authors: [],
    },
    questions,
  };
  const markdown = exportMarkdown(bank);
  const parsed = parseBankPartial(markdown, { file: outFile, validateSim: options.validateSim });
  dropped.sort((a, b) => a.line - b.line);
  const findings = withSourceLines(parsed, questions, file);
  const hasErrors = findings.some((f) => f.severity === "error");
  return { markdown, format, dropped, findings, bank: hasErrors ? null : parsed.bank };
}

/** Each finding of the converted bank with the source line of the question it falls in. */
function withSourceLines(
  parsed: { bank: Bank | null; findings: Finding[] },
  written: Question[],
  sourceFile: string,
): Finding[] {
  const sourceLine = new Map(written.map((q) => [q.id, q.line]));
  const starts = (parsed.bank?.questions ?? [])
    .map((q) => ({ line: q.line, source: sourceLine.get(q.id) ?? 1 }))
    .sort((a, b) => a.line - b.line);
  let at = 0;
  let source = 1;
  // Findings come sorted by line, so one pass over the question starts places them all.
  return parsed.findings.map((f) => {
    while (at < starts.length && (starts[at]?.line ?? 0) <= f.line) source = starts[at++]?.source ?? 1;
    return { ...f, source: { file: sourceFile, line: source } };
  });
}
