/**
 * The upload bench's Anki package (issue 17 item 4): the largest .apkg a learner's deck import
 * accepts, with its review history kept, so the bench measures the whole path an .apkg takes —
 * unzip, its SQLite collection, the conversion and check, the FSRS replay of every review, the
 * deck's rows and the history's rows written — while /api/health is asked every 20 ms.
 */
import Database from "better-sqlite3";
import { type Bank, parseBank } from "../../lib/bank";
import { bankToApkg, type CardHistory } from "../../lib/server/banks/anki-export";
import { actionTarget } from "./harness";
import { postFormElsewhere } from "./post-elsewhere";

/** A deck's file may be 1 MB at most (lib/server/actions/deck-core.ts). */
const DECK_FILE_LIMIT = 1024 * 1024;
const DAY = 86_400_000;

/** An empty deck owned by `ownerId`, written straight into the database as createDeck writes one. */
export function seedDeck(file: string, ownerId: string, deckId = "dbenchapkg"): string {
  const db = new Database(file);
  try {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO "Bank" (id, title, topic, file, sourceHash, lastSyncedAt, createdAt, updatedAt, visibility, ownerId)
       VALUES (?, 'From Anki', 'my-decks', ?, ?, ?, ?, ?, 'personal', ?)`,
    ).run(deckId, `deck:${deckId}`, deckId, now, now, now, ownerId);
    return deckId;
  } finally {
    db.close();
  }
}

/** `cards` flashcards, as a learner's Anki deck might hold them. */
function flashcards(cards: number): Bank {
  const head = "---\nid: anki-bench\ntitle: Anki bench deck\ntopic: anki-bench\n---\n\n";
  const card = (i: number) =>
    `## Which capacity provider fits workload ${i}? {#w${i}}\n\nkind: flashcard\n\nFargate Spot for the interruptible part of workload ${i}\n\n`;
  const { bank, findings } = parseBank(head + Array.from({ length: cards }, (_, i) => card(i)).join(""), {
    file: "anki-bench.md",
  });
  if (!bank) throw new Error(`the bench deck does not parse: ${findings[0]?.message}`);
  return bank;
}

/** `reviews` reviews of one card, days apart and growing, the second one forgotten. */
function historyOf(index: number, reviews: number, now: Date): CardHistory {
  const start = now.getTime() - 400 * DAY + index * 60_000;
  let day = 0;
  const list = Array.from({ length: reviews }, (_, i) => {
    day += i === 0 ? 0 : 2 ** i;
    return {
      at: new Date(start + day * DAY),
      grade: i === 1 ? ("again" as const) : ("good" as const),
      durationMs: 8000,
    };
  });
  return {
    state: {
      phase: "review",
      due: new Date(now.getTime() + 30 * DAY),
      scheduledDays: 60,
      reps: reviews,
      lapses: 1,
    },
    reviews: list,
  };
}

/**
 * The largest package with history a deck import accepts: 5,000 cards (the size the Anki text
 * upload measures too), each with as many reviews as keep the file under the deck's 1 MB limit.
 */
export function largestApkg(now = new Date()): { bytes: Uint8Array; cards: number; reviews: number } {
  const cards = 5000;
  const bank = flashcards(cards);
  const index = new Map(bank.questions.map((q, i) => [q.id, i]));
  // Down from more than fits (6 a card fit in 2026-12: ~1.0 MB), each try a whole package.
  for (let reviews = 8; reviews >= 1; reviews--) {
    const bytes = bankToApkg(bank, {
      now,
      history: (questionId) => historyOf(index.get(questionId) ?? 0, reviews, now),
    });
    if (bytes.length < DECK_FILE_LIMIT) return { bytes, cards, reviews: cards * reviews };
  }
  throw new Error("not even one review a card fits in a deck's 1 MB");
}

/**
 * Posts an .apkg to a deck through the deck import action, history kept, as the browser's form
 * does, from another thread (post-elsewhere.ts).
 */
export function postDeckImport(
  url: string,
  cookie: string,
  deckId: string,
  bytes: Uint8Array,
): Promise<{ status: number; body: string }> {
  const target = actionTarget("lib/server/actions/deck.ts", "importDeckAction");
  if (!target) throw new Error("importDeckAction is not in this build");
  return postFormElsewhere(
    `${url}${target.path.replace("/x", `/${deckId}`)}`,
    { "Next-Action": target.id, Origin: url, Accept: "text/x-component", Cookie: cookie },
    [
      ["_1_deckId", deckId],
      ["_1_format", "apkg"],
      ["_1_markdown", ""],
      ["_1_keepHistory", "on"],
      ["_1_file", { bytes, fileName: "deck.apkg" }],
      ["0", JSON.stringify([null, "$K1"])],
    ],
  );
}
