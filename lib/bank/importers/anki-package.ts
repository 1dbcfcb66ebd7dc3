import type { SimValidator } from "../schema";
import { type Draft, type ImportResult, newState, writeImported } from "./draft";
import { htmlToMarkdown } from "./text-utils";

// The pure half of the Anki package (.apkg) importer: a collection already read out of its
// SQLite file (lib/server/banks/anki-package.ts does that, it needs better-sqlite3) becomes
// Taskdeck drafts. Basic and Basic-and-reversed notes become flashcards, Cloze notes cloze cards;
// every other note type is counted and reported, never dropped silently.

/** A note type as the collection defines it (`col.models` in schema 11, `notetypes` in 18). */
export type AnkiNoteType = {
  id: number;
  name: string;
  /** Anki's kind: 0 standard, 1 cloze. */
  kind: "standard" | "cloze";
  /** Field names in order. */
  fields: string[];
  /** Card templates in order: question and answer formats. */
  templates: Array<{ name: string; qfmt: string; afmt: string }>;
};

export type AnkiNote = { id: number; guid: string; noteTypeId: number; fields: string[]; tags: string[] };

/** A card's scheduling state, as Anki keeps it (`cards`). */
export type AnkiCard = {
  id: number;
  noteId: number;
  deckId: number;
  /** The template (standard notes) or the cloze number minus one (cloze notes). */
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** Days (review cards). */
  interval: number;
  /** Ease in permille (2500 = 250 %). */
  factor: number;
  reps: number;
  lapses: number;
};

/** One row of Anki's review log (`revlog`). */
export type AnkiReview = {
  /** Milliseconds since the epoch when the review was made (Anki's revlog id). */
  id: number;
  cardId: number;
  /** 1 again, 2 hard, 3 good, 4 easy (0: a manual reschedule). */
  ease: number;
  /** Interval after the review: days when positive, seconds when negative. */
  interval: number;
  lastInterval: number;
  factor: number;
  /** Milliseconds spent on the answer. */
  timeMs: number;
  /** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual. */
  type: number;
};

/** A collection read out of a package. */
export type AnkiCollection = {
  /** Which collection file the package held. */
  format: "collection.anki2" | "collection.anki21" | "collection.anki21b";
  noteTypes: AnkiNoteType[];
  notes: AnkiNote[];
  cards: AnkiCard[];
  reviews: AnkiReview[];
  decks: Array<{ id: number; name: string }>;
  /** Names of the media files the package carries. */
  media: string[];
};

/** What an .apkg import did beyond the cards: skipped note types, scheduling history, media. */
export type AnkiImportReport = {
  format: AnkiCollection["format"];
  notes: number;
  /** Cards written, by kind: flashcards (reversible ones count once) and cloze notes. */
  written: { flashcards: number; reversible: number; cloze: number };
  /** Notes of other note types, counted per note type. */
  skipped: Array<{ noteType: string; notes: number }>;
  /**
   * The review history the package carries for the imported notes: what would be kept as
   * review-log rows. Banks are shared, so it is reported, not written into anyone's history.
   */
  history: { reviews: number; cards: number; first: string | null; last: string | null };
  /** Media file names the package carries. */
  media: string[];
};

const SCRIPTS = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** An Anki field (HTML) as Markdown: scripts and styles removed, other tags reduced, entities decoded. */
export function ankiFieldToMarkdown(html: string): string {
  return htmlToMarkdown(html.replace(SCRIPTS, "").replace(/<(script|style)\b[^>]*>[\s\S]*$/i, ""));
}

/** Whether a template shows a field (`{{Front}}`, `{{text:Front}}`, `{{type:Front}}`, …). */
function shows(format: string, field: string | undefined): boolean {
  if (field === undefined) return false;
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\{\\{(?:[^{}:]*:)*\\s*${escaped}\\s*\\}\\}`).test(format);
}

/**
 * A cloze note type whose template blanks its first field (`{{cloze:Text}}`): Anki's Cloze and
 * its copies. Image Occlusion is a cloze kind too, but its deletions are shapes on an image.
 */
function isCloze(type: AnkiNoteType): boolean {
  const field = type.fields[0];
  return (
    type.kind === "cloze" &&
    field !== undefined &&
    type.templates.some((t) => t.qfmt.includes(`{{cloze:${field}}}`)) &&
    !/occlusion/i.test(type.name)
  );
}

/** A standard note type whose first template shows field 1 and whose answer shows field 2. */
function isBasic(type: AnkiNoteType): boolean {
  const [first, second] = type.templates;
  if (type.kind !== "standard" || type.fields.length < 2 || !first || type.templates.length > 2) return false;
  if (!shows(first.qfmt, type.fields[0]) || !shows(first.afmt, type.fields[1])) return false;
  return !second || shows(second.qfmt, type.fields[1]);
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** An import hint from a card's Anki state (kept in the bank as `srs`, never as a schedule). */
function scheduleHint(card: AnkiCard | undefined): string | undefined {
  if (!card || card.reps === 0) return undefined;
  return `anki interval ${card.interval}d, ease ${card.factor / 10}%, ${card.reps} reps, ${card.lapses} lapses`;
}

/**
 * Turns an Anki collection into Taskdeck drafts and a report. Each draft's `line` is the note's
 * position in the collection (1-based), which findings and `dropped` cite as the source line.
 *
 * @example
 * const { state, report } = ankiCollectionToDrafts(collection);
 * report.skipped // [{ noteType: "Image Occlusion", notes: 3 }]
 */
export function ankiCollectionToDrafts(collection: AnkiCollection) {
  const state = newState();
  const types = new Map(collection.noteTypes.map((t) => [t.id, t]));
  const cardsByNote = new Map<number, AnkiCard[]>();
  for (const card of collection.cards)
    cardsByNote.set(card.noteId, [...(cardsByNote.get(card.noteId) ?? []), card]);
  const decks = new Map(collection.decks.map((d) => [d.id, d.name]));
  const deckUse = new Map<string, number>();
  const skipped = new Map<string, number>();
  const written = { flashcards: 0, reversible: 0, cloze: 0 };
  const imported = new Set<number>();
  collection.notes.forEach((note, i) => {
    const type = types.get(note.noteTypeId);
    const cards = (cardsByNote.get(note.id) ?? []).sort((a, b) => a.ord - b.ord);
    const tags = note.tags.filter((t) => t.trim() !== "");
    const base = { line: i + 1, tags, srsHint: scheduleHint(cards[0]) };
    let draft: Draft | null = null;
    if (type && isCloze(type) && !/image-occlusion:/.test(note.fields[0] ?? "")) {
      draft = {
        ...base,
        kind: "cloze",
        stem: ankiFieldToMarkdown(note.fields[0] ?? ""),
        explanation: ankiFieldToMarkdown(note.fields[1] ?? ""),
      };
      written.cloze++;
    } else if (type && isBasic(type)) {
      const reversible = type.templates.length === 2 && cards.some((c) => c.ord === 1);
      draft = {
        ...base,
        kind: "flashcard",
        stem: ankiFieldToMarkdown(note.fields[0] ?? ""),
        back: ankiFieldToMarkdown(note.fields[1] ?? ""),
        reversible,
      };
      written.flashcards++;
      if (reversible) written.reversible++;
    } else {
      const name = type?.name ?? `unknown note type ${note.noteTypeId}`;
      skipped.set(name, (skipped.get(name) ?? 0) + 1);
      return;
    }
    imported.add(note.id);
    for (const c of cards) {
      const deck = decks.get(c.deckId);
      if (deck) deckUse.set(deck, (deckUse.get(deck) ?? 0) + 1);
    }
    state.drafts.push(draft);
  });
  for (const [noteType, notes] of skipped)
    state.dropped.push({
      line: 1,
      reason: `${notes} ${notes === 1 ? "note" : "notes"} of the note type “${noteType}” skipped: only Basic, Basic (and reversed card) and Cloze notes are imported`,
    });
  const mainDeck = [...deckUse].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (mainDeck) {
    // Anki separates deck levels with U+001F.
    const levels = mainDeck.split(String.fromCharCode(0x1f));
    state.meta.title = levels.join(" › ");
    state.meta.topic = levels.at(-1) ?? mainDeck;
  }
  const keptCards = new Set(collection.cards.filter((c) => imported.has(c.noteId)).map((c) => c.id));
  const reviews = collection.reviews.filter((r) => keptCards.has(r.cardId)).sort((a, b) => a.id - b.id);
  const report: AnkiImportReport = {
    format: collection.format,
    notes: collection.notes.length,
    written,
    skipped: [...skipped].map(([noteType, notes]) => ({ noteType, notes })),
    history: {
      reviews: reviews.length,
      cards: new Set(reviews.map((r) => r.cardId)).size,
      first: reviews[0] ? day(reviews[0].id) : null,
      last: reviews.at(-1) ? day(reviews.at(-1)?.id ?? 0) : null,
    },
    media: collection.media,
  };
  return { state, report };
}

/**
 * Converts an Anki collection (read from an .apkg by lib/server/banks/anki-package.ts) into a
 * Taskdeck bank, checked like any import: `findings` point at `outFile` and cite the note's
 * position as the source line; `anki` reports skipped note types, history and media.
 *
 * @example
 * const result = importAnkiCollection(collection, { file: "ecs.apkg" });
 * if (result.bank) save(result.bank);
 */
export function importAnkiCollection(
  collection: AnkiCollection,
  options: { file: string; outFile?: string; validateSim?: SimValidator },
): ImportResult & { anki: AnkiImportReport } {
  const { state, report } = ankiCollectionToDrafts(collection);
  const result = writeImported(state, options.file, "apkg", {
    outFile: options.outFile,
    validateSim: options.validateSim,
  });
  return { ...result, anki: report };
}
