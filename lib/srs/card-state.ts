import { type Card, createEmptyCard, State } from "ts-fsrs";
import { z } from "zod";

/** Where a card is in its life, as Taskdeck stores it. */
export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
export type CardPhase = (typeof CARD_STATES)[number];

/**
 * A learner's schedule for one card: the FSRS memory state plus bookkeeping, in plain JSON-able
 * fields so it can be stored in a row and logged before and after every grade.
 */
export type CardState = {
  phase: CardPhase;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
};

/** Validates a CardState read back from JSON (the review log stores states as JSON). */
export const cardStateSchema = z.object({
  phase: z.enum(CARD_STATES),
  due: z.coerce.date(),
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  lastReview: z.coerce.date().nullable(),
});

const PHASE_OF_STATE: Record<State, CardPhase> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
const STATE_OF_PHASE: Record<CardPhase, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/**
 * A card the learner has never seen, due now.
 * @example newCardState(new Date("2026-01-01")).phase // "new"
 */
export function newCardState(now: Date): CardState {
  return fromFsrsCard(createEmptyCard(now));
}

/** ts-fsrs's card → ours. */
export function fromFsrsCard(card: Card): CardState {
  return {
    phase: PHASE_OF_STATE[card.state],
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? new Date(card.last_review) : null,
  };
}

/** Ours → ts-fsrs's card. */
export function toFsrsCard(state: CardState): Card {
  return {
    state: STATE_OF_PHASE[state.phase],
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    last_review: state.lastReview ? new Date(state.lastReview) : undefined,
  };
}
