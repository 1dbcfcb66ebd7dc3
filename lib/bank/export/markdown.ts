import { stringify } from "yaml";
import { append } from "../lines";
import { findSeparator } from "../parse-deck";
import type { Bank, BankMeta, Question, QuestionOption, SimBlock } from "../schema";

/**
 * Writes a bank as Taskdeck Markdown. Lossless: parsing the result gives the same questions (only
 * line numbers differ). One-line flashcards and clozes that share tags, exams and difficulty are
 * written as compact `kind: flashcards` decks; everything else as `##` questions.
 *
 * @example
 * const md = exportMarkdown(bank);
 * parseBank(md, { file: "copy.md" }).bank?.questions // same questions as bank.questions
 */
export function exportMarkdown(bank: Bank): string {
  const out: string[] = [frontMatter(bank.meta), "", `# ${oneLine(bank.meta.title)}`, ""];
  const qs = bank.questions;
  for (let i = 0; i < qs.length; ) {
    const q = qs[i] as Question;
    if (!deckLine(q)) {
      append(out, questionLines(q));
      out.push("");
      i++;
      continue;
    }
    const key = deckKey(q);
    const deck: string[] = [];
    for (; i < qs.length; i++) {
      const card = qs[i] as Question;
      const line = deckLine(card);
      if (!line || deckKey(card) !== key) break;
      deck.push(line);
    }
    out.push("## Flashcards", "", metaLine(q, "flashcards"), "");
    append(out, deck);
    out.push("");
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

function frontMatter(meta: BankMeta): string {
  const ordered = {
    id: meta.id,
    title: meta.title,
    topic: meta.topic,
    domains: meta.domains,
    language: meta.language,
    version: meta.version,
    authors: meta.authors,
    ...(meta.verified ? { verified: meta.verified } : {}),
  };
  return `---\n${stringify(ordered, { lineWidth: 0 }).trimEnd()}\n---`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function metaLine(q: Question, kind: string = q.kind): string {
  const parts = [`kind: ${kind}`, `difficulty: ${q.difficulty}`];
  if (q.tags.length > 0) parts.push(`tags: ${q.tags.join(", ")}`);
  if (q.exams.length > 0) parts.push(`exams: ${q.exams.join(", ")}`);
  if (kind === "flashcard" && q.reversible) parts.push("reversible: yes");
  if (kind !== "flashcards" && q.srsHint) parts.push(`srs: ${q.srsHint}`);
  // Written on every question (not only where it differs from the bank's) so the copy is lossless.
  if (q.verified) parts.push(`verified: ${q.verified}`);
  return parts.join(" · ");
}

function deckKey(q: Question): string {
  return JSON.stringify([q.tags, q.exams, q.difficulty, q.verified ?? null]);
}

const SINGLE_LINE = /^[^\n]+$/;
const ENDS_LIKE_ID = /\{#[^{}]*\}\s*$/;

/** The card as a deck line, or null when it needs the full `##` form to be written losslessly. */
function deckLine(q: Question): string | null {
  const plain =
    q.options.length === 0 &&
    q.explanation === "" &&
    q.references.length === 0 &&
    !q.sim &&
    !(q.srsHint ?? "").includes("-->") &&
    !(q.srsHint !== undefined && /^\s*$/.test(q.srsHint));
  if (!plain) return null;
  const safe = (s: string) =>
    SINGLE_LINE.test(s) &&
    s === s.trim() &&
    !s.includes("<!--SR:") &&
    !ENDS_LIKE_ID.test(s) &&
    !/^\[[ xX]\](?:[ \t]|$)/.test(s) &&
    !/^[-*+][ \t]/.test(s);
  const sr = q.srsHint ? ` <!--SR:${q.srsHint}-->` : "";
  if (q.kind === "flashcard") {
    const front = q.front ?? "";
    const back = q.back ?? "";
    if (q.title !== front || q.stem !== front || !safe(front) || !safe(back) || findSeparator(front))
      return null;
    if (/^:/.test(back)) return null;
    const card = `${front} ${q.reversible ? ":::" : "::"} ${back}`;
    // The line must split where it was joined: a code span or cloze opened in the front and closed
    // in the back would hide the separator, so such a card is written in the full form instead.
    if (findSeparator(card)?.at !== front.length + 1) return null;
    return `- ${card} {#${q.id}}${sr}`;
  }
  if (q.kind === "cloze") {
    const cloze = q.cloze ?? "";
    if (q.title !== cloze || q.stem !== cloze || !safe(cloze) || findSeparator(cloze)) return null;
    return `- ${cloze} {#${q.id}}${sr}`;
  }
  return null;
}

function questionLines(q: Question): string[] {
  const out = [`## ${oneLine(q.title)} {#${q.id}}`, "", metaLine(q), ""];
  const body = (text: string) => {
    if (text !== "") out.push(text, "");
  };
  if (q.kind === "flashcard") {
    const front = q.front ?? q.stem;
    if (front === q.title) body(q.back ?? "");
    else out.push(front, "", "### Back", "", q.back ?? "", "");
  } else if (q.kind === "cloze") {
    if ((q.cloze ?? q.stem) !== q.title) body(q.cloze ?? q.stem);
  } else if (q.stem !== q.title) {
    body(q.stem);
  }
  if (q.options.length > 0) {
    q.options.forEach((o, i) => {
      append(out, optionLines(o, q.kind === "ordering" ? `${i + 1}.` : `- [${o.correct ? "x" : " "}]`));
    });
    out.push("");
  }
  if (q.kind === "typed") append(out, ["### Answer", "", ...(q.accepted ?? []).map((a) => `- ${a}`), ""]);
  if (q.explanation !== "") out.push("### Explanation", "", q.explanation, "");
  if (q.references.length > 0) append(out, ["### References", "", ...q.references.map((r) => `- ${r}`), ""]);
  if (q.sim) append(out, [...simLines(q.sim, ""), ""]);
  while (out[out.length - 1] === "") out.pop();
  return out;
}

function optionLines(o: QuestionOption, marker: string): string[] {
  // Content of "- [x] text" sits after "- " (the checkbox is part of it); of "12. text" after "12. ".
  const pad = " ".repeat(marker.startsWith("-") ? 2 : marker.length + 1);
  const [first = "", ...rest] = o.text.split("\n");
  const out = [`${marker} ${first}`, ...rest.map((l) => (l === "" ? "" : pad + l))];
  if (o.rationale) {
    const [why = "", ...more] = o.rationale.split("\n");
    append(out, [`${pad}- why: ${why}`, ...more.map((l) => (l === "" ? "" : `${pad}  ${l}`))]);
  }
  if (o.misconception) out.push(`${pad}- misconception: ${o.misconception}`);
  if (o.sim) append(out, simLines(o.sim, pad));
  return out;
}

function simLines(sim: SimBlock, indent: string): string[] {
  let longest = 0;
  for (const run of sim.yaml.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  const body = sim.yaml.split("\n").map((l) => (l === "" ? "" : indent + l));
  return [`${indent}${fence}sim`, ...body, `${indent}${fence}`];
}
