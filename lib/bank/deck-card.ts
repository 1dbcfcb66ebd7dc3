import { createTranslator } from "use-intl/core";
import enDecks from "@/messages/en/decks.json";
import { parseCloze } from "./cloze";
import { exportMarkdown } from "./export/markdown";
import { parseBank } from "./parse-bank";
import {
  type Bank,
  type Difficulty,
  QUESTION_KINDS,
  type Question,
  type QuestionKind,
  type QuestionOption,
  type SimValidator,
  TAG_PATTERN,
} from "./schema";

// A learner's card form (the deck page's "Add a card" and "Edit"): the fields of every kind, checked
// field by field, turned into the same Question the bank parser makes. The card is written with the
// bank's own Markdown writer and parsed back before it is accepted, so a deck exported as Markdown
// always reads back as the same cards (a line that the format would read as a heading or an option
// is refused on its field instead of being saved as something else).

/** The topic every card of a personal deck carries: a deck's own topic is never shown to anyone else. */
export const DECK_TOPIC = "my-decks";

/** Option rows the form offers for single and multiple choice. */
export const OPTION_ROWS = 6;

/** The longest text one field takes (the bank format's line limit is 10,000 characters). */
export const MAX_FIELD_LENGTH = 10_000;

export type CardFieldErrors = Record<string, string[]>;
export type CardFormResult =
  | { ok: true; question: Question }
  | { ok: false; fieldErrors: CardFieldErrors; formError: string };

/** The card form's messages (catalog `decks.cardErrors`), in the language of whoever asked. */
export type CardErrorKey = keyof (typeof enDecks)["cardErrors"];
export type CardText = (key: CardErrorKey, values?: Record<string, string | number>) => string;

// English unless the caller passes its own translator (the server passes the request's language).
const englishCardText: CardText = createTranslator({
  locale: "en",
  messages: { decks: enDecks },
  namespace: "decks.cardErrors",
}) as CardText;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The form's text fields as the browser sent them (missing ones are ""). */
export type CardFields = Record<string, string>;

const lines = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** Trims a block and normalises its line breaks, keeping blank lines inside it. */
const block = (text: string) => text.replace(/\r\n?/g, "\n").trim();

function isKind(value: string): value is QuestionKind {
  return (QUESTION_KINDS as readonly string[]).includes(value);
}

/** The message for an empty main text field, by kind. */
const TEXT_MISSING: Record<QuestionKind, CardErrorKey> = {
  single: "textQuestion",
  multiple: "textQuestion",
  "true-false": "textStatement",
  typed: "textQuestion",
  ordering: "textQuestion",
  flashcard: "textFlashcard",
  cloze: "textCloze",
};

/**
 * Checks a card form and builds the question it describes, with the given id. `keep` is the card
 * being edited: what the form does not show (simulator blocks, exam codes, a carried-over schedule
 * hint, the verified date) is kept from it.
 *
 * @example
 * cardFromForm({ kind: "flashcard", text: "Fargate network mode", back: "awsvpc" }, { id: "card-1" })
 * // { ok: true, question: { kind: "flashcard", front: "Fargate network mode", back: "awsvpc", … } }
 */
export function cardFromForm(
  fields: CardFields,
  options: { id: string; keep?: Question | null; validateSim?: SimValidator; text?: CardText },
): CardFormResult {
  const say = options.text ?? englishCardText;
  const errors: CardFieldErrors = {};
  const add = (field: string, key: CardErrorKey, values?: Record<string, string | number>) => {
    errors[field] = [...(errors[field] ?? []), say(key, values)];
  };
  const field = (name: string) => fields[name] ?? "";
  for (const [name, value] of Object.entries(fields))
    if (value.length > MAX_FIELD_LENGTH) add(name, "tooLong", { length: value.length });

  const kindText = field("kind");
  if (!isKind(kindText)) {
    add("kind", "kind");
    return refused(errors, say);
  }
  const kind = kindText;
  const text = block(field("text"));
  if (text === "") add("text", TEXT_MISSING[kind]);
  const difficulty = Number(field("difficulty") || "2");
  if (![1, 2, 3, 4, 5].includes(difficulty)) add("difficulty", "difficulty");
  const tags = field("tags")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  for (const tag of tags) if (!TAG_PATTERN.test(tag)) add("tags", "tag", { tag });
  const references = lines(field("references"));
  for (const url of references) if (!/^https?:\/\/\S+$/i.test(url)) add("references", "reference", { url });
  const explanation = block(field("explanation"));

  const [firstLine = "", ...restLines] = text.split("\n");
  const title = firstLine.trim();
  const rest = block(restLines.join("\n"));
  const keep = options.keep ?? null;
  const question: Question = {
    id: options.id,
    kind,
    title,
    stem: rest || title,
    options: [],
    explanation,
    references,
    tags,
    exams: keep?.exams ?? [],
    difficulty: (difficulty || 2) as Difficulty,
    line: 1,
    ...(keep?.sim ? { sim: keep.sim } : {}),
    ...(keep?.srsHint ? { srsHint: keep.srsHint } : {}),
    ...(keep?.verified ? { verified: keep.verified } : {}),
  };

  switch (kind) {
    case "single":
    case "multiple": {
      const rows: QuestionOption[] = [];
      for (let i = 0; i < OPTION_ROWS; i++) {
        const optionText = block(field(`option${i}`));
        const why = block(field(`why${i}`));
        const correct = field(`correct${i}`) === "yes";
        if (optionText === "") {
          if (why !== "" || correct) add(`option${i}`, "optionEmpty", { n: i + 1 });
          continue;
        }
        const before = keep?.options.find((o) => o.text === optionText);
        rows.push({
          key: LETTERS[rows.length] ?? "Z",
          text: optionText,
          correct,
          ...(why ? { rationale: why } : {}),
          ...(before?.sim ? { sim: before.sim } : {}),
        });
      }
      const right = rows.filter((o) => o.correct).length;
      if (rows.length < 2) add("options", "twoOptions");
      else if (right === 0) add("options", "tickRight");
      else if (kind === "single" && right > 1) add("options", "singleOne");
      question.options = rows;
      if (kind === "multiple" && right > 0) question.chooseCount = right;
      break;
    }
    case "true-false": {
      const truth = field("truth");
      if (truth !== "true" && truth !== "false") add("truth", "truth");
      const isTrue = truth === "true";
      question.options = [
        { key: "A", text: "True", correct: isTrue },
        { key: "B", text: "False", correct: !isTrue },
      ];
      question.answer = isTrue;
      break;
    }
    case "typed": {
      const accepted = lines(field("answers"));
      if (accepted.length === 0) add("answers", "answers");
      question.accepted = accepted;
      break;
    }
    case "ordering": {
      const items = lines(field("items"));
      if (items.length < 2) add("items", "items");
      if (items.length > LETTERS.length) add("items", "itemsMax", { max: LETTERS.length });
      question.options = items
        .slice(0, LETTERS.length)
        .map((item, i) => ({ key: LETTERS[i] ?? "Z", text: item, correct: true }));
      question.order = question.options.map((o) => o.key);
      break;
    }
    case "flashcard": {
      const back = block(field("back"));
      if (back === "") add("back", "back");
      question.front = text;
      question.stem = text;
      question.back = back;
      question.reversible = field("reversible") === "yes";
      break;
    }
    case "cloze": {
      const parsed = parseCloze(text);
      if (text !== "" && (parsed.error || parsed.deletions.length === 0))
        errors.text = [...(errors.text ?? []), parsed.error?.message ?? say("gap")];
      question.cloze = text;
      question.stem = text;
      break;
    }
  }
  if (Object.keys(errors).length > 0) return refused(errors, say);
  return readBack(question, fields, say, options.validateSim);
}

function refused(fieldErrors: CardFieldErrors, say: CardText): CardFormResult {
  return { ok: false, fieldErrors, formError: say("refused") };
}

/** A line the bank format reads as a heading, an option, a numbered item, a fence or an id. */
const STRUCTURE_LINE = /^ {0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|```|~~~)|\{#[^{}]*\}\s*$/m;

/** Which form field holds each part of a question, for a part that did not read back the same. */
const FIELD_OF: Array<[keyof Question, string]> = [
  ["title", "text"],
  ["stem", "text"],
  ["front", "text"],
  ["cloze", "text"],
  ["back", "back"],
  ["options", "options"],
  ["accepted", "answers"],
  ["explanation", "explanation"],
  ["references", "references"],
];

/**
 * Writes the card as bank Markdown and parses it back: the card is accepted only when the parser
 * reads exactly what the form said, so the deck's Markdown export round-trips.
 */
function readBack(
  question: Question,
  fields: CardFields,
  say: CardText,
  validateSim?: SimValidator,
): CardFormResult {
  const bank: Bank = {
    file: "card.md",
    meta: {
      id: "card",
      title: "Card",
      topic: DECK_TOPIC,
      domains: [],
      language: "en",
      version: "1",
      authors: [],
    },
    questions: [question],
  };
  const markdown = exportMarkdown(bank);
  const { bank: parsed, findings } = parseBank(markdown, { file: "card.md", validateSim });
  const back = parsed?.questions.length === 1 ? parsed.questions[0] : undefined;
  const errors = findings.filter((f) => f.severity === "error");
  if (!back || errors.length > 0) {
    // Most often a line of one field started a question or section of its own: name that field.
    const suspects = Object.keys(fields).filter(
      (name) => name !== "kind" && STRUCTURE_LINE.test(fields[name] ?? ""),
    );
    if (suspects.length > 0)
      return refused(Object.fromEntries(suspects.map((name) => [name, [say("structure")]])), say);
    const first = errors[0];
    return {
      ok: false,
      fieldErrors: {},
      formError: first ? say("unreadable", { message: first.message }) : say("unreadableUnknown"),
    };
  }
  const fieldErrors: CardFieldErrors = {};
  for (const [part, field] of FIELD_OF) {
    if (JSON.stringify(partOf(back, part)) !== JSON.stringify(partOf(question, part)) && !fieldErrors[field])
      fieldErrors[field] = [say("structure")];
  }
  if (Object.keys(fieldErrors).length > 0) return refused(fieldErrors, say);
  return { ok: true, question: { ...back, line: 1 } };
}

/** A part of a question as the form sees it, for comparing what was written with what was read. */
function partOf(question: Question, part: keyof Question): unknown {
  if (part === "options") return question.options.map((o) => [o.text, o.correct, o.rationale ?? null, o.key]);
  const value = question[part];
  return value === undefined || value === "" ? null : value;
}

/**
 * The form's fields for a stored card, so "Edit" opens with exactly what the card holds.
 *
 * @example formFromQuestion(question).text // the question's heading and body
 */
export function formFromQuestion(question: Question): CardFields {
  const fields: CardFields = {
    kind: question.kind,
    difficulty: String(question.difficulty),
    tags: question.tags.join(", "),
    explanation: question.explanation,
    references: question.references.join("\n"),
  };
  switch (question.kind) {
    case "flashcard":
      fields.text = question.front ?? question.stem;
      fields.back = question.back ?? "";
      if (question.reversible) fields.reversible = "yes";
      break;
    case "cloze":
      fields.text = question.cloze ?? question.stem;
      break;
    default:
      fields.text = question.stem === question.title ? question.title : `${question.title}\n${question.stem}`;
  }
  if (question.kind === "single" || question.kind === "multiple")
    question.options.forEach((o, i) => {
      fields[`option${i}`] = o.text;
      if (o.correct) fields[`correct${i}`] = "yes";
      if (o.rationale) fields[`why${i}`] = o.rationale;
    });
  if (question.kind === "true-false") fields.truth = question.answer ? "true" : "false";
  if (question.kind === "typed") fields.answers = (question.accepted ?? []).join("\n");
  if (question.kind === "ordering") fields.items = question.options.map((o) => o.text).join("\n");
  return fields;
}

/** A card's one-line label for lists: its title, with cloze gaps shown as […] so the list gives nothing away. */
export function cardLabel(question: Question): string {
  const text = question.kind === "cloze" ? (question.cloze ?? question.title) : question.title;
  const first = (text.split("\n")[0] ?? "").replace(/\{\{c\d+::[^}]*\}\}/g, "[…]");
  return first.length > 140 ? `${first.slice(0, 139)}…` : first;
}
