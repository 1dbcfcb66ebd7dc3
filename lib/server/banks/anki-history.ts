import { createEmptyCard, type Grade, Rating } from "ts-fsrs";
import { clozeCards, parseCloze, type Question } from "@/lib/bank";
import {
  type AnkiCollection,
  type AnkiReview,
  ankiCollectionToDrafts,
} from "@/lib/bank/importers/anki-package";
import {
  type CardState,
  createScheduler,
  fromFsrsCard,
  type GradeName,
  newCardState,
  type SchedulerSettings,
} from "@/lib/srs";

// An Anki package's review history (its revlog) as a learner's own: which Taskdeck card side each
// Anki card became, and each review replayed through FSRS (ts-fsrs `reschedule`), so every kept
// review has the exact state before and after it and the card comes up when FSRS says, not as new.
// Pure: no database, no clock (the caller writes the rows; lib/server/data/decks-history.ts).

/** Anki's ease (1–4) as Taskdeck's grade; 0 is a manual reschedule, which is no review. */
const GRADE_OF_EASE: Record<number, { name: GradeName; rating: Grade }> = {
  1: { name: "again", rating: Rating.Again },
  2: { name: "hard", rating: Rating.Hard },
  3: { name: "good", rating: Rating.Good },
  4: { name: "easy", rating: Rating.Easy },
};

/** One kept review: when, how long, the grade, and the card's FSRS state around it. */
export type KeptReview = {
  /** Anki's revlog id: the review's time in ms since the epoch, unique within the collection. */
  ankiId: number;
  at: Date;
  grade: GradeName;
  durationMs: number;
  before: CardState;
  after: CardState;
};

/** One Taskdeck card side with the history its Anki card had, and the state that history leaves. */
export type KeptCardHistory = { questionId: string; side: string; reviews: KeptReview[]; state: CardState };

/** Anki's revlog rows, oldest first, replayed through FSRS; empty when none is a graded review. */
export function replayAnkiReviews(reviews: readonly AnkiReview[], settings: SchedulerSettings): KeptReview[] {
  const graded = reviews
    .filter((r) => GRADE_OF_EASE[r.ease] !== undefined && r.type !== 4)
    .sort((a, b) => a.id - b.id);
  const first = graded[0];
  if (!first) return [];
  const history = graded.map((r) => ({
    rating: (GRADE_OF_EASE[r.ease] as { rating: Grade }).rating,
    review: new Date(r.id),
  }));
  const { collections } = createScheduler(settings).reschedule(createEmptyCard(new Date(first.id)), history, {
    skipManual: true,
    update_memory_state: true,
  });
  let before = newCardState(new Date(first.id));
  return graded.map((r, i) => {
    const after = fromFsrsCard((collections[i] as (typeof collections)[number]).card);
    const kept: KeptReview = {
      ankiId: r.id,
      at: new Date(r.id),
      grade: (GRADE_OF_EASE[r.ease] as { name: GradeName }).name,
      // Anki caps an answer's time at its own limit (60 s by default); a day is the sane bound.
      durationMs: Math.max(0, Math.min(Math.round(r.timeMs), 3_600_000)),
      before,
      after,
    };
    before = after;
    return kept;
  });
}

/** The study side an Anki card of a note became: its template (flashcards) or cloze number. */
function sideOf(question: Question, ord: number): string | null {
  if (question.kind === "cloze")
    return clozeCards(question).some((c) => c.index === ord + 1) ? `c${ord + 1}` : null;
  if (question.kind === "flashcard")
    return ord === 0 ? "" : ord === 1 && question.reversible ? "reverse" : null;
  return null;
}

/** Whether the importer keeps a draft as a question (the same test as lib/bank/importers/draft.ts). */
function isWritten(draft: { kind: string; stem: string; back?: string }): boolean {
  if (draft.kind === "flashcard") return draft.stem.trim() !== "" && (draft.back ?? "").trim() !== "";
  if (draft.kind === "cloze") {
    const parsed = parseCloze(draft.stem);
    return !parsed.error && parsed.deletions.length > 0;
  }
  return false;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * The history each question's sides carry, for the questions the collection was converted into
 * (`questions`: the checked bank's, in order; `idOf` names the stored id). Cards of skipped note
 * types keep none. Null when the questions are not the collection's notes in order (the history
 * could then land on the wrong card, so none is kept).
 *
 * @example
 * const kept = ankiHistoryFor(collection, bank.questions, (q) => `${deckId}.${q.id}`, settings);
 */
export function ankiHistoryFor(
  collection: AnkiCollection,
  questions: readonly Question[],
  idOf: (question: Question) => string,
  settings: SchedulerSettings,
): KeptCardHistory[] | null {
  const { state } = ankiCollectionToDrafts(collection);
  const written = state.drafts.filter(isWritten);
  if (written.length !== questions.length) return null;
  const reviewsByCard = groupBy(collection.reviews, (r) => r.cardId);
  const cardsByNote = groupBy(collection.cards, (c) => c.noteId);
  const out: KeptCardHistory[] = [];
  for (const [i, draft] of written.entries()) {
    const question = questions[i] as Question;
    if (question.kind !== draft.kind) return null;
    // A draft's line is its note's position in the collection (1-based).
    const note = collection.notes[draft.line - 1];
    if (!note) return null;
    for (const card of cardsByNote.get(note.id) ?? []) {
      const side = sideOf(question, card.ord);
      const reviews = side === null ? [] : replayAnkiReviews(reviewsByCard.get(card.id) ?? [], settings);
      const last = reviews.at(-1);
      if (side !== null && last) out.push({ questionId: idOf(question), side, reviews, state: last.after });
    }
  }
  return out;
}

/** A kept card side as it is written: each review's states already as the JSON its row stores. */
export type KeptHistoryRows = {
  questionId: string;
  side: string;
  state: CardState;
  reviews: Array<{
    at: Date;
    grade: GradeName;
    durationMs: number;
    wasNew: boolean;
    stateBefore: string;
    stateAfter: string;
  }>;
};

/**
 * The rows of one kept side, made where the history was replayed (the upload worker): two JSON
 * states per review, 80,000 for a package of 40,000 reviews, would otherwise be made on the
 * server's thread in one loop.
 */
export function keptHistoryRows(kept: KeptCardHistory): KeptHistoryRows {
  return {
    questionId: kept.questionId,
    side: kept.side,
    state: kept.state,
    reviews: kept.reviews.map((review) => ({
      at: review.at,
      grade: review.grade,
      durationMs: review.durationMs,
      wasNew: review.before.phase === "new",
      stateBefore: JSON.stringify(review.before),
      stateAfter: JSON.stringify(review.after),
    })),
  };
}
