import { type FSRS, fsrs, type Grade, generatorParameters, Rating } from "ts-fsrs";
import { z } from "zod";
import { type CardState, fromFsrsCard, toFsrsCard } from "./card-state";

/** The four answers a learner can give a card, in Anki's words. */
export const GRADES = ["again", "hard", "good", "easy"] as const;
export type GradeName = (typeof GRADES)[number];

const RATING: Record<GradeName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** A learner's scheduling preferences (stored per learner; defaults follow FSRS's). */
export const schedulerSettingsSchema = z.object({
  desiredRetention: z.number().min(0.7).max(0.99).default(0.9),
  maximumIntervalDays: z.number().int().min(1).max(36_500).default(36_500),
  enableFuzz: z.boolean().default(true),
  /** Optimised FSRS weights for this learner, when they have enough history; else the defaults. */
  weights: z.array(z.number()).min(17).max(21).optional(),
});
export type SchedulerSettings = z.infer<typeof schedulerSettingsSchema>;
export const DEFAULT_SETTINGS: SchedulerSettings = schedulerSettingsSchema.parse({});

/** Builds the ts-fsrs scheduler for a learner's settings. Learning and relearning steps are FSRS's own. */
export function createScheduler(settings: SchedulerSettings = DEFAULT_SETTINGS): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: true,
      ...(settings.weights ? { w: settings.weights } : {}),
    }),
  );
}

/** One grading: the state before and after, and when the card is next due. */
export type GradeOutcome = { grade: GradeName; before: CardState; after: CardState };

/**
 * Applies a grade at `now`. Pure: the same card, grade, settings and time give the same result
 * (ts-fsrs seeds its fuzz from the card's own state).
 * @example gradeCard(newCardState(t), "good", DEFAULT_SETTINGS, t).after.phase // "learning"
 */
export function gradeCard(
  state: CardState,
  grade: GradeName,
  settings: SchedulerSettings,
  now: Date,
): GradeOutcome {
  const next = createScheduler(settings).next(toFsrsCard(state), now, RATING[grade]);
  return { grade, before: state, after: fromFsrsCard(next.card) };
}

/** What each of the four buttons would do, for the labels under them ("10m", "3d"). */
export function previewGrades(
  state: CardState,
  settings: SchedulerSettings,
  now: Date,
): Record<GradeName, { due: Date; interval: Interval }> {
  const preview = createScheduler(settings).repeat(toFsrsCard(state), now);
  const entry = (grade: GradeName) => {
    const due = new Date(preview[RATING[grade]].card.due);
    return { due, interval: intervalOf(due.getTime() - now.getTime()) };
  };
  return { again: entry("again"), hard: entry("hard"), good: entry("good"), easy: entry("easy") };
}

/**
 * The probability the learner recalls the card at `at` (0–1), FSRS's retrievability.
 * A new card has none: 0.
 */
export function retrievability(state: CardState, settings: SchedulerSettings, at: Date): number {
  if (state.phase === "new") return 0;
  return createScheduler(settings).get_retrievability(toFsrsCard(state), at, false);
}

/** How long until a card comes back, in the largest unit that fits; the page words it per locale. */
export type Interval = { unit: "minute" | "hour" | "day" | "month" | "year"; count: number };

/**
 * A short interval for a grade button, counted in one unit (months and years to one decimal):
 * the study page words it in the learner's language ("10m" / "10분", "3d" / "3일").
 * @example intervalOf(3 * 86_400_000) // { unit: "day", count: 3 }
 */
export function intervalOf(ms: number): Interval {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return { unit: "minute", count: minutes };
  const hours = minutes / 60;
  if (hours < 24) return { unit: "hour", count: Math.round(hours) };
  const days = hours / 24;
  if (days < 30) return { unit: "day", count: Math.round(days) };
  const months = days / 30.44;
  if (months < 12) return { unit: "month", count: roundOne(months) };
  return { unit: "year", count: roundOne(days / 365.25) };
}

const roundOne = (n: number) => Math.round(n * 10) / 10;

/**
 * The grade a practice question earns: wrong → again; right → good; right but guessed → hard;
 * right and too easy → easy.
 */
export function gradeForAnswer(answer: {
  isCorrect: boolean;
  guessed?: boolean;
  tooEasy?: boolean;
}): GradeName {
  if (!answer.isCorrect) return "again";
  if (answer.guessed) return "hard";
  if (answer.tooEasy) return "easy";
  return "good";
}
