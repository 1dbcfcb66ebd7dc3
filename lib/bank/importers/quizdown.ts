import { parse as parseYaml } from "yaml";
import { fenceOpening, heading } from "../lines";
import { type Draft, type ImportState, newState } from "./draft";

const CHECKBOX = /^\s{0,3}[-*+]\s+\[([ xX])\]\s*(.*)$/;
const NUMBERED_CHECKBOX = /^\s{0,3}\d{1,9}[.)]\s+\[([ xX])\]\s*(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const COMMENT = /^\s{2,}>\s?(.*)$/;
const SETTINGS = [
  "shuffleQuestions",
  "shuffleAnswers",
  "nQuestions",
  "primaryColor",
  "secondaryColor",
  "textColor",
];

type Option = { text: string; correct: boolean; comment?: string };

/**
 * Imports a quizdown quiz: any heading starts a question; `- [x]` options are multiple choice,
 * `1. [x]` single choice, a plain numbered list is put-in-order; a `>` line before the options is
 * a hint (kept in the stem), a `>` line indented under an option is that option's comment.
 *
 * @example
 * importQuizdown("# Mode?\n1. [x] awsvpc\n1. [ ] bridge").drafts[0]?.kind // "single"
 */
export function importQuizdown(text: string): ImportState {
  const state = newState();
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  let i = 0;
  if ((lines[0] ?? "").trim() === "---") {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === "---");
    if (end > 0) {
      readSettings(lines.slice(1, end).join("\n"), state);
      i = end + 1;
    }
  }
  let current: { line: number; title: string; body: Array<{ text: string; line: number }> } | null = null;
  const flush = () => {
    if (current) readQuestion(current, state);
    current = null;
  };
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const open = fenceOpening(line);
    if (open && current) {
      const body = (current as { body: Array<{ text: string; line: number }> }).body;
      body.push({ text: line, line: i + 1 });
      for (i++; i < lines.length; i++) {
        body.push({ text: lines[i] ?? "", line: i + 1 });
        const t = (lines[i] ?? "").trim();
        if (t[0] === open.marker[0] && /^(`{3,}|~{3,})$/.test(t) && t.length >= open.marker.length) break;
      }
      continue;
    }
    const h = heading(line);
    if (h) {
      flush();
      current = { line: i + 1, title: h.text, body: [] };
    } else if (current)
      (current as { body: Array<{ text: string; line: number }> }).body.push({ text: line, line: i + 1 });
  }
  flush();
  return state;
}

function readSettings(yamlText: string, state: ImportState): void {
  let value: unknown;
  try {
    value = parseYaml(yamlText);
  } catch {
    state.dropped.push({ line: 1, reason: "Front matter is not valid YAML; quiz settings ignored" });
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === "locale" && typeof v === "string") state.meta.language = v;
    else if (key === "title" && typeof v === "string") state.meta.title = v;
    else {
      const why = SETTINGS.includes(key)
        ? "Taskdeck shuffles options itself and picks questions per session"
        : "not a setting Taskdeck uses";
      state.dropped.push({ line: 1, reason: `Quiz setting "${key}" ignored: ${why}` });
    }
  }
}

function readQuestion(
  q: { line: number; title: string; body: Array<{ text: string; line: number }> },
  state: ImportState,
) {
  const stem: string[] = [];
  const after: string[] = [];
  const options: Option[] = [];
  let style: "multiple" | "single" | "ordering" | null = null;
  for (const { text } of q.body) {
    const box = CHECKBOX.exec(text);
    const numberedBox = box ? null : NUMBERED_CHECKBOX.exec(text);
    const numbered = box || numberedBox ? null : NUMBERED.exec(text);
    const item = box ?? numberedBox;
    const itemStyle = box ? "multiple" : numberedBox ? "single" : numbered ? "ordering" : null;
    if (itemStyle && (style === null || style === itemStyle) && after.length === 0) {
      style = itemStyle;
      options.push(
        item
          ? { text: (item[2] ?? "").trim(), correct: (item[1] ?? " ") !== " " }
          : { text: (numbered?.[1] ?? "").trim(), correct: true },
      );
      continue;
    }
    const comment = COMMENT.exec(text);
    const last = options[options.length - 1];
    if (comment && last && after.length === 0) {
      last.comment = last.comment ? `${last.comment}\n${comment[1] ?? ""}` : (comment[1] ?? "");
      continue;
    }
    if (style === null) stem.push(text);
    else if (text.trim() !== "" || after.length > 0) after.push(text);
  }
  if (style === null) {
    state.dropped.push({ line: q.line, reason: "No options under this heading" });
    return;
  }
  const right = options.filter((o) => o.correct).length;
  let kind: Draft["kind"] = style;
  if (style === "single" && right > 1) {
    kind = "multiple";
    state.dropped.push({
      line: q.line,
      reason: `1. [x] marks single choice but ${right} answers are marked: imported as multiple choice`,
    });
  }
  state.drafts.push({
    line: q.line,
    kind,
    title: q.title,
    stem: stem.join("\n").trim(),
    options: options.map((o) => (o.comment ? { text: o.text, correct: o.correct, rationale: o.comment } : o)),
    explanation: after.join("\n").trim(),
  });
}
