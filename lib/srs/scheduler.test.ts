import fc from "fast-check";
import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "@/lib/testing/fuzz";
import { newCardState, toFsrsCard } from "./card-state";
import {
  DEFAULT_SETTINGS,
  GRADES,
  type GradeName,
  gradeCard,
  gradeForAnswer,
  intervalOf,
  previewGrades,
  retrievability,
  schedulerSettingsSchema,
} from "./scheduler";

const t0 = new Date("2026-01-05T09:00:00Z");
const minutes = (n: number) => n * 60_000;
const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;

describe("gradeCard", () => {
  it("gives exactly ts-fsrs's schedule for the same card, grade, settings and time", () => {
    const reference = fsrs(
      generatorParameters({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: true }),
    );
    const expected = reference.next(createEmptyCard(t0), t0, Rating.Good).card;
    const ours = gradeCard(newCardState(t0), "good", DEFAULT_SETTINGS, t0).after;
    expect(ours.due).toEqual(expected.due);
    expect(ours.stability).toBe(expected.stability);
    expect(ours.difficulty).toBe(expected.difficulty);
    expect(ours.phase).toBe("learning");
  });

  it("matches ts-fsrs over any sequence of grades and gaps (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...GRADES), fc.integer({ min: 1, max: 60 * 24 * 90 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom(0.8, 0.9, 0.95),
        (steps, retention) => {
          const settings = schedulerSettingsSchema.parse({ desiredRetention: retention });
          const reference = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: true }));
          let ours = newCardState(t0);
          let theirs = createEmptyCard(t0);
          let now = t0;
          for (const [grade, gap] of steps) {
            now = new Date(now.getTime() + minutes(gap));
            ours = gradeCard(ours, grade, settings, now).after;
            theirs = reference.next(theirs, now, RATINGS[grade]).card;
            expect(ours.due.getTime()).toBe(theirs.due.getTime());
            expect(ours.reps).toBe(theirs.reps);
            expect(ours.lapses).toBe(theirs.lapses);
          }
          expect(toFsrsCard(ours).stability).toBeCloseTo(theirs.stability, 10);
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
  });

  it("passes the learner's maximum interval to FSRS, which stops intervals growing past it", () => {
    const capped = schedulerSettingsSchema.parse({ maximumIntervalDays: 5, enableFuzz: false });
    const open = schedulerSettingsSchema.parse({ enableFuzz: false });
    const reference = fsrs(generatorParameters({ maximum_interval: 5, enable_fuzz: false }));
    let ours = newCardState(t0);
    let uncapped = newCardState(t0);
    let theirs = createEmptyCard(t0);
    for (let i = 0; i < 8; i += 1) {
      theirs = reference.next(theirs, ours.due, Rating.Good).card;
      ours = gradeCard(ours, "good", capped, ours.due).after;
      uncapped = gradeCard(uncapped, "good", open, uncapped.due).after;
      expect(ours.scheduledDays).toBe(theirs.scheduled_days);
    }
    // ts-fsrs keeps Good one day past Hard, so a 5-day cap settles at 6 days; uncapped, months.
    expect(ours.scheduledDays).toBeLessThanOrEqual(6);
    expect(uncapped.scheduledDays).toBeGreaterThan(60);
  });

  it("keeps the state before the grade, so undo can restore it exactly", () => {
    const before = gradeCard(newCardState(t0), "good", DEFAULT_SETTINGS, t0).after;
    const outcome = gradeCard(before, "again", DEFAULT_SETTINGS, new Date(t0.getTime() + minutes(15)));
    expect(outcome.before).toEqual(before);
    expect(outcome.after).not.toEqual(before);
  });
});

describe("previewGrades", () => {
  it("labels each button with the interval it would schedule", () => {
    const preview = previewGrades(newCardState(t0), DEFAULT_SETTINGS, t0);
    expect(preview.again.interval).toEqual({ unit: "minute", count: 1 });
    expect(preview.good.interval).toEqual({ unit: "minute", count: 10 });
    for (const grade of GRADES) {
      const graded = gradeCard(newCardState(t0), grade as GradeName, DEFAULT_SETTINGS, t0).after;
      expect(preview[grade].due).toEqual(graded.due);
    }
  });
});

describe("retrievability", () => {
  it("is 0 for a new card, high right after a review, and falls with time", () => {
    expect(retrievability(newCardState(t0), DEFAULT_SETTINGS, t0)).toBe(0);
    let state = gradeCard(newCardState(t0), "good", DEFAULT_SETTINGS, t0).after;
    state = gradeCard(state, "good", DEFAULT_SETTINGS, state.due).after;
    const soon = retrievability(state, DEFAULT_SETTINGS, state.due);
    const later = retrievability(state, DEFAULT_SETTINGS, new Date(state.due.getTime() + 30 * 86_400_000));
    expect(soon).toBeGreaterThan(0.85);
    expect(later).toBeLessThan(soon);
  });
});

describe("intervalOf", () => {
  it.each([
    [30_000, "minute", 1],
    [minutes(10), "minute", 10],
    [minutes(60 * 5), "hour", 5],
    [3 * 86_400_000, "day", 3],
    [65 * 86_400_000, "month", 2.1],
    [548 * 86_400_000, "year", 1.5],
  ])("%i ms → %s × %d", (ms, unit, count) => {
    expect(intervalOf(ms)).toEqual({ unit, count });
  });
});

describe("gradeForAnswer", () => {
  it("derives the grade of a practice question from the answer", () => {
    expect(gradeForAnswer({ isCorrect: false, tooEasy: true })).toBe("again");
    expect(gradeForAnswer({ isCorrect: true })).toBe("good");
    expect(gradeForAnswer({ isCorrect: true, guessed: true })).toBe("hard");
    expect(gradeForAnswer({ isCorrect: true, tooEasy: true })).toBe("easy");
  });
});
