import { parseCloze } from "./cloze";
import type { FindingSink } from "./codes";
import { ID_PATTERN, KEBAB_CASE, type Question, type QuestionOption, type SimValidator } from "./schema";
import type { RawItem, RawOption, RawSection } from "./section-head";
import { readSim } from "./sim-block";
import { slugify } from "./slug";

/** Where a question's parts sit in the file, for lint findings. */
export type QuestionSource = {
  idColumn: number;
  /** False when the id was derived from the text (it is assigned after all explicit ids are known). */
  explicitId: boolean;
  options: Array<{ line: number; column: number }>;
  /** The title and stem lines, where "choose N" hints are looked for. */
  textLines: Array<{ line: number; column: number; text: string }>;
};
export type Built = { question: Question; source: QuestionSource };

export type BuildContext = { sink: FindingSink; validateSim?: SimValidator };

/** Joins lines into a Markdown block without leading or trailing blank lines. */
export function joinBlock(lines: readonly string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? "").trim() === "") start++;
  while (end > start && (lines[end - 1] ?? "").trim() === "") end--;
  return lines.slice(start, end).join("\n");
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Turns a section's raw parts into a typed Question, reporting what each kind requires and lacks.
 * Returns null only when the kind is unknown.
 *
 * @example
 * buildQuestion(parseSectionBody(lines, span, fences, head, sink), { sink })?.question.kind // "single"
 */
export function buildQuestion(raw: RawSection, ctx: BuildContext): Built | null {
  const { sink } = ctx;
  const kind = raw.meta.kind;
  if (kind === null || kind === "flashcards") return null;
  if (raw.title === "") sink.add("missing-title", raw.line, 1, "This question heading has no title");
  if (raw.id === null) {
    sink.add("missing-id", raw.line, 1, "This question has no {#id}; one was made from its title");
  } else if (!ID_PATTERN.test(raw.id)) {
    sink.add(
      "bad-id",
      raw.line,
      raw.idColumn + 2,
      `"${raw.id}" is not a valid id`,
      `Use an id such as "${slugify(raw.id)}"`,
    );
  }
  const stemText = joinBlock(raw.stem);
  const options = buildOptions(raw, ctx);
  const title = raw.title || stemText.split("\n")[0] || "Untitled";
  const q: Question = {
    id: raw.id ?? "",
    kind,
    title,
    stem: stemText || title,
    options,
    explanation: joinBlock(raw.explanation ?? []),
    references: references(raw.references ?? [], sink),
    tags: raw.meta.tags,
    exams: raw.meta.exams,
    difficulty: raw.meta.difficulty,
    line: raw.line,
  };
  checkKind(q, raw, stemText, sink);
  if (raw.answers && kind !== "typed") {
    sink.add(
      "unexpected-content",
      raw.headings.answer ?? raw.line,
      1,
      "### Answer is only for typed questions",
    );
  }
  if (raw.back && kind !== "flashcard") {
    sink.add("unexpected-content", raw.headings.back ?? raw.line, 1, "### Back is only for flashcards");
  }
  if (raw.meta.reversible && kind !== "flashcard") {
    sink.add("bad-value", raw.metaLine, 1, "reversible applies only to flashcards");
  }
  if (raw.sim) {
    const sim = readSim(raw.sim, sink, ctx.validateSim);
    if (sim) q.sim = sim;
  }
  if (raw.meta.srs) q.srsHint = raw.meta.srs;
  if (raw.meta.verified) q.verified = raw.meta.verified;
  const textLines = [{ line: raw.line, column: raw.titleColumn, text: raw.title }];
  raw.stem.forEach((text, k) => {
    if (text.trim() !== "") textLines.push({ line: raw.stemLine + k, column: 1, text });
  });
  return {
    question: q,
    source: {
      idColumn: raw.idColumn,
      explicitId: raw.id !== null,
      options: raw.options.slice(0, 26).map((o) => ({ line: o.line, column: o.checkColumn })),
      textLines,
    },
  };
}

function buildOptions(raw: RawSection, ctx: BuildContext): QuestionOption[] {
  const { sink } = ctx;
  if (raw.options.length > LETTERS.length) {
    const extra = raw.options[LETTERS.length] as RawOption;
    sink.add(
      "too-many-options",
      extra.line,
      extra.column,
      `A question has at most ${LETTERS.length} options (A to Z)`,
    );
  }
  return raw.options.slice(0, LETTERS.length).map((o, index) => {
    const key = LETTERS[index] ?? "Z";
    const text = joinBlock(o.text);
    if (text === "")
      sink.add(
        "missing-options",
        o.line,
        o.column,
        `Option ${key} has no text`,
        "Write the option after [ ]",
      );
    const option: QuestionOption = { key, text: text || "(empty)", correct: o.checked };
    const rationale = o.rationale ? joinBlock(o.rationale) : "";
    if (rationale) option.rationale = rationale;
    if (o.misconception) {
      const m = o.misconception;
      if (KEBAB_CASE.test(m.text)) option.misconception = m.text;
      else
        sink.add(
          "bad-value",
          m.line,
          m.column,
          `"${m.text}" is not a kebab-case misconception tag`,
          "Write it like bridge-on-fargate",
        );
    }
    if (o.sim) {
      const sim = readSim(o.sim, sink, ctx.validateSim);
      if (sim) option.sim = sim;
    }
    return option;
  });
}

function checkKind(q: Question, raw: RawSection, stemText: string, sink: FindingSink): void {
  const checked = raw.options.filter((o) => o.checked);
  const needOptions = (what: string) => {
    if (raw.options.length < 2) {
      sink.add("missing-options", raw.options[0]?.line ?? raw.line, 1, `${what} needs at least two options`);
    }
  };
  const noOptions = (kind: string) => {
    const first = raw.options[0];
    if (first) sink.add("unexpected-content", first.line, first.column, `A ${kind} question has no options`);
  };
  const noAnswer = (message: string) => sink.add("missing-answer", raw.line, 1, message);
  switch (q.kind) {
    case "single":
    case "multiple":
      needOptions(q.kind === "single" ? "A single-choice question" : "A multiple-choice question");
      if (raw.options.length > 0 && checked.length === 0) noAnswer("No option is marked right with [x]");
      if (q.kind === "single" && checked.length > 1) severalAnswers(checked, "single-choice", sink);
      if (q.kind === "multiple" && checked.length > 0) q.chooseCount = checked.length;
      return;
    case "true-false": {
      const texts = q.options.map((o) => o.text.toLowerCase()).sort();
      if (texts.length !== 2 || texts[0] !== "false" || texts[1] !== "true") {
        sink.add(
          "bad-true-false",
          raw.options[0]?.line ?? raw.line,
          1,
          "A true-false question has exactly the options True and False",
        );
      }
      if (checked.length === 0) noAnswer("Neither True nor False is marked with [x]");
      if (checked.length > 1) severalAnswers(checked, "true-false", sink);
      q.answer = q.options.find((o) => o.correct)?.text.toLowerCase() === "true";
      return;
    }
    case "typed":
      noOptions("typed");
      q.accepted = (raw.answers ?? []).map((a) => a.text).filter((a) => a !== "");
      if (q.accepted.length === 0) noAnswer("A typed question needs accepted answers under ### Answer");
      return;
    case "ordering": {
      needOptions("An ordering question");
      const task = raw.options.find((o) => o.isTask);
      if (task)
        sink.add(
          "bad-ordering",
          task.line,
          task.column,
          "Ordering items are a numbered list, without [ ] or [x]",
        );
      for (const o of q.options) o.correct = true;
      q.order = q.options.map((o) => o.key);
      return;
    }
    case "flashcard": {
      noOptions("flashcard");
      const back = raw.back ? joinBlock(raw.back) : stemText;
      q.front = raw.back && stemText ? stemText : q.title;
      q.back = back;
      q.stem = q.front;
      q.reversible = raw.meta.reversible;
      if (back === "") noAnswer("This flashcard has no back: write it below the heading (or under ### Back)");
      return;
    }
    case "cloze": {
      noOptions("cloze");
      const text = stemText || q.title;
      q.cloze = text;
      q.stem = text;
      const parsed = parseCloze(text);
      if (parsed.error || parsed.deletions.length === 0) {
        const at = parsed.error
          ? offsetToLine(raw, stemText, parsed.error.offset)
          : { line: raw.line, column: 1 };
        sink.add(
          "bad-cloze",
          at.line,
          at.column,
          parsed.error?.message ?? "This cloze has no {{c1::answer}} deletion",
        );
      }
      return;
    }
  }
}

function severalAnswers(checked: RawOption[], what: string, sink: FindingSink): void {
  const second = checked[1] as RawOption;
  sink.add(
    "several-answers",
    second.line,
    second.checkColumn,
    `A ${what} question has ${checked.length} options marked [x]`,
    what === "single-choice" ? "Keep one [x], or write kind: multiple" : "Mark only the right one",
  );
}

function offsetToLine(raw: RawSection, stemText: string, offset: number): { line: number; column: number } {
  if (stemText === "") return { line: raw.line, column: 1 };
  const firstLine = raw.stem.findIndex((l) => l.trim() !== "");
  const before = stemText.slice(0, offset);
  const lineOffset = before.split("\n").length - 1;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { line: raw.stemLine + Math.max(0, firstLine) + lineOffset, column };
}

function references(items: RawItem[], sink: FindingSink): string[] {
  const out: string[] = [];
  for (const item of items) {
    const url = extractUrl(item.text);
    if (url) out.push(url);
    else
      sink.add("bad-reference", item.line, item.column, `"${item.text.slice(0, 80)}" is not an http(s) URL`);
  }
  return out;
}

/** The URL of a reference written bare, as <url>, or as [text](url "title"). */
export function extractUrl(text: string): string | null {
  let candidate = text;
  if (text.startsWith("[") && text.endsWith(")")) {
    const at = text.indexOf("](");
    if (at < 0) return null;
    candidate =
      text
        .slice(at + 2, -1)
        .trim()
        .split(/\s/)[0] ?? "";
  }
  if (candidate.startsWith("<") && candidate.endsWith(">")) candidate = candidate.slice(1, -1);
  if (!/^https?:\/\/\S+$/i.test(candidate)) return null;
  try {
    new URL(candidate);
    return candidate;
  } catch {
    return null;
  }
}
