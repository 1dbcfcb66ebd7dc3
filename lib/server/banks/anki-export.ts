import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import type { Bank } from "@/lib/bank";
import { type AnkiExportNote, ankiNotesOf } from "@/lib/bank/export/anki";
import type { CardState, GradeName } from "@/lib/srs";

// Writing an Anki package (.apkg) in the older layout every Anki version imports: a zip holding
// `collection.anki2` (a schema 11 SQLite collection: note types, decks and deck options as JSON
// in the `col` row) and an empty JSON media map. The tables are Anki's schema 11
// (rslib/src/storage/schema11.sql in Anki's source); the JSON keys are the ones Anki's schema 11
// readers require (rslib/src/notetype/schema11.rs, decks/schema11.rs, deckconfig/schema11.rs).
// No "server-only": the CLI uses it too.

const SCHEMA_11 = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
  ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
  models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
  ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
  ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** Fixed ids, so every export from Taskdeck shares its three note types in the learner's Anki. */
const NOTE_TYPE_IDS = { basic: 1764000000001, reversed: 1764000000002, cloze: 1764000000003 } as const;
const CSS =
  ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }";

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] };
}

function template(name: string, ord: number, qfmt: string, afmt: string) {
  return { name, ord, qfmt, afmt, bqfmt: "", bafmt: "", did: null, bfont: "", bsize: 0 };
}

function noteTypes(mod: number, deckId: number) {
  const common = {
    mod,
    usn: -1,
    sortf: 0,
    did: deckId,
    css: CSS,
    latexPre: "",
    latexPost: "",
    latexsvg: false,
    tags: [],
    vers: [],
  };
  const back = "{{FrontSide}}\n\n<hr id=answer>\n\n";
  return {
    [NOTE_TYPE_IDS.basic]: {
      ...common,
      id: NOTE_TYPE_IDS.basic,
      name: "Basic (Taskdeck)",
      type: 0,
      flds: [field("Front", 0), field("Back", 1)],
      tmpls: [template("Card 1", 0, "{{Front}}", `${back}{{Back}}`)],
      req: [[0, "any", [0]]],
    },
    [NOTE_TYPE_IDS.reversed]: {
      ...common,
      id: NOTE_TYPE_IDS.reversed,
      name: "Basic (and reversed card) (Taskdeck)",
      type: 0,
      flds: [field("Front", 0), field("Back", 1)],
      tmpls: [
        template("Card 1", 0, "{{Front}}", `${back}{{Back}}`),
        template("Card 2", 1, "{{Back}}", `${back}{{Front}}`),
      ],
      req: [
        [0, "any", [0]],
        [1, "any", [1]],
      ],
    },
    [NOTE_TYPE_IDS.cloze]: {
      ...common,
      id: NOTE_TYPE_IDS.cloze,
      name: "Cloze (Taskdeck)",
      type: 1,
      flds: [field("Text", 0), field("Back Extra", 1)],
      tmpls: [template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")],
    },
  };
}

function deck(id: number, name: string, mod: number) {
  return {
    id,
    mod,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: "",
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

function deckOptions(mod: number) {
  return {
    1: {
      id: 1,
      mod,
      name: "Default",
      usn: -1,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
      rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    },
  };
}

/** Anki's checksum of a note's first field: the first 8 hex digits of its SHA-1, as a number. */
function checksum(html: string): number {
  const text = html.replace(/<[^>]*>/g, "").trim();
  return Number.parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16);
}

/** Cards a note gives in Anki: one per template (basic 1, reversed 2), one per cloze number. */
function cardOrds(note: AnkiExportNote): number[] {
  if (note.kind === "basic") return [0];
  if (note.kind === "reversed") return [0, 1];
  const numbers = new Set([...note.fields[0].matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1])));
  return [...numbers].filter((n) => n >= 1).map((n) => n - 1);
}

/** A card's schedule and its graded reviews, oldest first, to carry into the package. */
export type CardHistory = {
  state: Pick<CardState, "phase" | "due" | "scheduledDays" | "reps" | "lapses">;
  reviews: Array<{ at: Date; grade: GradeName; durationMs: number }>;
};

const EASE: Record<GradeName, number> = { again: 1, hard: 2, good: 3, easy: 4 };
/** Anki's card type and queue for a phase (0 new, 1 learning, 2 review, 3 relearning; queue 1 learning). */
const ANKI_QUEUE: Record<CardState["phase"], { type: number; queue: number }> = {
  new: { type: 0, queue: 0 },
  learning: { type: 1, queue: 1 },
  review: { type: 2, queue: 2 },
  relearning: { type: 3, queue: 1 },
};

/** The Taskdeck study side an Anki card of a note is: its template, or its cloze number. */
function sideOfOrd(note: AnkiExportNote, ord: number): string {
  if (note.kind === "cloze") return `c${ord + 1}`;
  return ord === 1 ? "reverse" : "";
}

/**
 * Writes a bank (or a deck shaped as one) as an Anki package in the older `collection.anki2`
 * layout, which every Anki version imports: one deck named after the bank, Taskdeck's three note
 * types (Basic, Basic and reversed, Cloze), every card new unless `history` gives its schedule and
 * reviews (a learner's own deck: the cards then carry their state and the package a revlog, which
 * Taskdeck's deck import keeps). Note guids are the question ids, so importing a newer export
 * updates the notes instead of duplicating them.
 *
 * @example
 * fs.writeFileSync("ecs.apkg", bankToApkg(bank, { now: new Date() }));
 */
export function bankToApkg(
  bank: Bank,
  options: {
    now?: Date;
    deckName?: string;
    history?: (questionId: string, side: string) => CardHistory | undefined;
  } = {},
): Uint8Array {
  const now = options.now ?? new Date();
  const seconds = Math.floor(now.getTime() / 1000);
  const deckId = 1764000000100;
  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA_11);
    const decks = {
      1: deck(1, "Default", seconds),
      [deckId]: deck(deckId, options.deckName ?? bank.meta.title, seconds),
    };
    db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run(
      seconds,
      now.getTime(),
      now.getTime(),
      JSON.stringify({
        curDeck: deckId,
        activeDecks: [deckId],
        nextPos: 1,
        sortType: "noteFld",
        sortBackwards: false,
      }),
      JSON.stringify(noteTypes(seconds, deckId)),
      JSON.stringify(decks),
      JSON.stringify(deckOptions(seconds)),
    );
    const addNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const addCard = db.prepare(
      "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    );
    const scheduled = db.prepare(
      "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = 2500, reps = ?, lapses = ? WHERE id = ?",
    );
    const addReview = db.prepare("INSERT INTO revlog VALUES (?, ?, -1, ?, ?, 0, 2500, ?, ?)");
    const revlogIds = new Set<number>();
    const writeHistory = (cardId: number, history: CardHistory) => {
      const { state } = history;
      const anki = ANKI_QUEUE[state.phase];
      const dueDay = Math.floor((state.due.getTime() / 1000 - seconds) / 86_400);
      const ivl = Math.max(state.phase === "review" ? 1 : 0, Math.round(state.scheduledDays));
      const due = state.phase === "review" ? dueDay : Math.floor(state.due.getTime() / 1000);
      scheduled.run(anki.type, anki.queue, due, ivl, state.reps, state.lapses, cardId);
      history.reviews.forEach((review, i) => {
        // A revlog id is the review's time in ms and unique in the collection: a tie moves by 1 ms.
        let at = review.at.getTime();
        while (revlogIds.has(at)) at++;
        revlogIds.add(at);
        const time = Math.min(review.durationMs, 60_000);
        addReview.run(at, cardId, EASE[review.grade], ivl, time, i === 0 ? 0 : 1);
      });
    };
    let id = now.getTime();
    let position = 1;
    db.transaction(() => {
      for (const note of ankiNotesOf(bank)) {
        const noteId = id++;
        const tags = note.tags.length ? ` ${note.tags.join(" ")} ` : "";
        const sortField = note.fields[0].replace(/<[^>]*>/g, "").trim();
        addNote.run(
          noteId,
          note.id,
          NOTE_TYPE_IDS[note.kind],
          seconds,
          tags,
          note.fields.join("\x1f"),
          sortField,
          checksum(note.fields[0]),
        );
        for (const ord of cardOrds(note)) {
          const cardId = id++;
          addCard.run(cardId, noteId, deckId, ord, seconds, position);
          const history = options.history?.(note.id, sideOfOrd(note, ord));
          if (history && history.reviews.length > 0) writeHistory(cardId, history);
        }
        position++;
      }
    })();
    const collection = new Uint8Array(db.serialize());
    return zipSync({ "collection.anki2": collection, media: new TextEncoder().encode("{}") });
  } finally {
    db.close();
  }
}
