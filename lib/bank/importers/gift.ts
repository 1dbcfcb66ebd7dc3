import { type Draft, type ImportState, newState } from "./draft";
import { htmlToMarkdown } from "./text-utils";

// Escaped characters are swapped for private-use code points while the structure is read, then back.
const ESCAPES: Record<string, string> = {
  ":": "\uE001",
  "#": "\uE002",
  "=": "\uE003",
  "{": "\uE004",
  "}": "\uE005",
  "~": "\uE006",
  "\\": "\uE007",
};
const UNESCAPE = new Map(Object.entries(ESCAPES).map(([k, v]) => [v, k]));

function protect(text: string): string {
  return text.replace(/\\([:#={}~\\n])/g, (_, c: string) => (c === "n" ? "\n" : (ESCAPES[c] ?? c)));
}

function restore(text: string): string {
  return text.replace(/[\uE001-\uE007]/g, (c) => UNESCAPE.get(c) ?? c);
}

type Chunk = { text: string; line: number; tags: string[] };

/**
 * Imports Moodle GIFT: `::name::` titles, `=` right and `~` wrong answers, `#` feedback (becomes
 * the option's rationale), `####` general feedback (the explanation), `%n%` weights, `{TRUE}` /
 * `{FALSE}`, `{#n}` numeric and `{=a =b}` short answers (typed), missing-word questions, `$CATEGORY`
 * (a tag) and the escapes `\: \# \= \{ \} \~`. Essays `{}` and matching `->` are reported as dropped.
 *
 * @example
 * importGift("::Q2:: Fargate supports EFS. {TRUE}").drafts[0]?.kind // "true-false"
 */
export function importGift(text: string): ImportState {
  const state = newState();
  let category: string[] = [];
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  let depth = 0;
  text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((raw, i) => {
      const line = protect(raw);
      const t = line.trim();
      if (depth === 0 && t.startsWith("//")) return;
      if (depth === 0 && /^\$CATEGORY:/i.test(t)) {
        const path = restore(t.replace(/^\$CATEGORY:\s*/i, "")).replace(
          /^\$(?:course|system|module)\$\//i,
          "",
        );
        category = path ? [path.toLowerCase().replace(/\s+/g, "-")] : [];
        state.meta.topic ??= path.replace(/\//g, "-");
        return;
      }
      if (t === "" && depth === 0) {
        if (current) chunks.push(current);
        current = null;
        return;
      }
      current ??= { text: "", line: i + 1, tags: category };
      current.text += `${current.text ? "\n" : ""}${line}`;
      for (const c of line) depth += c === "{" ? 1 : c === "}" ? -1 : 0;
      depth = Math.max(0, depth);
    });
  if (current) chunks.push(current);
  for (const chunk of chunks) readChunk(chunk, state);
  return state;
}

function readChunk(chunk: Chunk, state: ImportState): void {
  let body = chunk.text.trim();
  let name: string | undefined;
  const titled = /^::(.*?)::/s.exec(body);
  if (titled) {
    name = restore(titled[1] ?? "").trim();
    body = body.slice(titled[0].length).trim();
  }
  let html = false;
  const format = /^\[(html|moodle|plain|markdown)\]/i.exec(body);
  if (format) {
    html = (format[1] ?? "").toLowerCase() === "html";
    body = body.slice(format[0].length);
  }
  const open = body.indexOf("{");
  const close = body.lastIndexOf("}");
  if (open < 0 || close < open) {
    state.dropped.push({ line: chunk.line, reason: "No answer block { … }: a description, not a question" });
    return;
  }
  const clean = (s: string) => {
    const restored = restore(s).trim();
    return html ? htmlToMarkdown(restored) : restored;
  };
  const before = body.slice(0, open).trim();
  const afterText = body.slice(close + 1).trim();
  const stem = afterText ? `${clean(before)} _____ ${clean(afterText)}` : clean(before);
  if (html)
    state.dropped.push({
      line: chunk.line,
      reason: "HTML formatting converted to Markdown (simple tags only)",
    });
  const answers = body.slice(open + 1, close);
  const draft = readAnswers(answers, chunk, state, clean);
  if (!draft) return;
  state.drafts.push({ line: chunk.line, stem, tags: chunk.tags, ...(name ? { name } : {}), ...draft });
}

type Answers = Omit<Draft, "line" | "stem" | "tags" | "name">;

function readAnswers(
  block: string,
  chunk: Chunk,
  state: ImportState,
  clean: (s: string) => string,
): Answers | null {
  const [answerPart = "", ...general] = block.split("####");
  const explanation = clean(general.join("####"));
  const a = answerPart.trim();
  const drop = (reason: string) => {
    state.dropped.push({ line: chunk.line, reason });
    return null;
  };
  if (a === "") return drop("Essay question ({}) not supported: there is no answer to check");
  if (a.includes("->")) return drop("Matching question (->) not supported");
  const tf = /^(TRUE|FALSE|T|F)\b\s*(.*)$/s.exec(a);
  if (tf) {
    const isTrue = (tf[1] ?? "").toUpperCase().startsWith("T");
    const [, wrongFeedback = "", rightFeedback = ""] = (tf[2] ?? "").split("#");
    const option = (text: string, correct: boolean) => {
      const feedback = clean(correct ? rightFeedback : wrongFeedback);
      return feedback ? { text, correct, rationale: feedback } : { text, correct };
    };
    return { kind: "true-false", options: [option("True", isTrue), option("False", !isTrue)], explanation };
  }
  if (a.startsWith("#")) return numeric(a.slice(1), chunk, state, explanation);
  const parts = [...a.matchAll(/([=~])([^=~]*)/g)];
  if (parts.length === 0) return drop("Answer block not understood");
  const options = parts.map((m) => {
    let text = m[2] ?? "";
    let weight: number | null = null;
    const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(text);
    if (w) {
      weight = Number(w[1]);
      text = text.slice(w[0].length);
    }
    const [answer = "", ...feedback] = text.split("#");
    const correct = m[1] === "=" ? weight === null || weight > 0 : weight !== null && weight > 0;
    const rationale = clean(feedback.join("#"));
    return { text: clean(answer), correct, ...(rationale ? { rationale } : {}) };
  });
  if (parts.every((m) => m[1] === "=")) {
    return { kind: "typed", accepted: options.map((o) => o.text), explanation };
  }
  const right = options.filter((o) => o.correct).length;
  return { kind: right > 1 ? "multiple" : "single", options, explanation };
}

function numeric(spec: string, chunk: Chunk, state: ImportState, explanation: string): Answers | null {
  const values = spec
    .split(/(?=[=~])/)
    .map(
      (p) =>
        p
          .replace(/^=\s*(?:%\d+%)?/, "")
          .split("#")[0]
          ?.trim() ?? "",
    )
    .filter((p) => p !== "" && !p.startsWith("~"));
  const accepted: string[] = [];
  for (const v of values) {
    const range = /^(-?[\d.]+)\.\.(-?[\d.]+)$/.exec(v);
    if (range) {
      state.dropped.push({
        line: chunk.line,
        reason: `Numeric range ${v} not supported: only exact answers are kept`,
      });
      continue;
    }
    const [value = "", tolerance = "0"] = v.split(":");
    if (Number(tolerance) !== 0) {
      state.dropped.push({
        line: chunk.line,
        reason: `Tolerance ±${tolerance} on ${value} dropped: typed answers match exactly`,
      });
    }
    if (value !== "") accepted.push(value);
  }
  if (accepted.length === 0) {
    state.dropped.push({
      line: chunk.line,
      reason: "Numeric question without an exact answer not supported",
    });
    return null;
  }
  return { kind: "typed", accepted, explanation };
}
