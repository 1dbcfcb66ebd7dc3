import type { Question } from "./schema";

export type ClozeDeletion = { index: number; answer: string; hint?: string; start: number; end: number };
export type ClozeCard = { index: number; front: string; back: string; answers: string[] };

const OPEN = /\{\{c(\d{1,3})::/g;

/**
 * Finds the `{{c1::answer::hint}}` deletions in a text. An unclosed or empty deletion is returned as
 * an error with its character offset.
 *
 * @example
 * parseCloze("Fargate uses {{c1::awsvpc::mode}}").deletions[0] // { index: 1, answer: "awsvpc", hint: "mode", … }
 */
export function parseCloze(text: string): {
  deletions: ClozeDeletion[];
  error?: { offset: number; message: string };
} {
  const deletions: ClozeDeletion[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    const close = text.indexOf("}}", bodyStart);
    if (close < 0)
      return { deletions, error: { offset: start, message: "This cloze deletion is never closed with }}" } };
    const nested = text.indexOf("{{", bodyStart);
    if (nested >= 0 && nested < close) {
      return { deletions, error: { offset: start, message: "Cloze deletions cannot be nested" } };
    }
    const body = text.slice(bodyStart, close);
    const split = body.indexOf("::");
    const answer = (split < 0 ? body : body.slice(0, split)).trim();
    const hint = split < 0 ? undefined : body.slice(split + 2).trim();
    if (answer === "")
      return { deletions, error: { offset: start, message: "This cloze deletion has no answer" } };
    const index = Number(m[1]);
    if (index < 1) return { deletions, error: { offset: start, message: "Cloze numbers start at c1" } };
    const deletion: ClozeDeletion = { index, answer, start, end: close + 2 };
    if (hint) deletion.hint = hint;
    deletions.push(deletion);
    OPEN.lastIndex = close + 2;
  }
  return { deletions };
}

/**
 * The cards a cloze yields: one per deletion number. The front hides that number's deletions as
 * `[…]` (or `[hint]`) and shows the others; the back shows every answer, the asked ones in bold.
 *
 * @example
 * clozeCards("{{c1::awsvpc}} mode, port {{c2::2049}}")[1]?.front // "awsvpc mode, port […]"
 */
export function clozeCards(source: Question | string): ClozeCard[] {
  const text = typeof source === "string" ? source : (source.cloze ?? source.stem);
  const { deletions } = parseCloze(text);
  const indexes = [...new Set(deletions.map((d) => d.index))].sort((a, b) => a - b);
  return indexes.map((index) => {
    let front = "";
    let back = "";
    let at = 0;
    const answers: string[] = [];
    for (const d of deletions) {
      front += text.slice(at, d.start);
      back += text.slice(at, d.start);
      if (d.index === index) {
        answers.push(d.answer);
        front += d.hint ? `[${d.hint}]` : "[…]";
        back += `**${d.answer}**`;
      } else {
        front += d.answer;
        back += d.answer;
      }
      at = d.end;
    }
    front += text.slice(at);
    back += text.slice(at);
    return { index, front, back, answers };
  });
}
