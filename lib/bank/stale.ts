import { dayNumber } from "./lint";
import type { Bank } from "./schema";

/** How much learners used a question, from the database when there is one. */
export type QuestionUsage = { studied: number; reported: number };

/** One question or card to re-check, with what put it where it is in the list. */
export type StaleEntry = {
  id: string;
  file: string;
  line: number;
  title: string;
  kind: string;
  /** YYYY-MM-DD, or null when the question says nowhere when it was verified. */
  verified: string | null;
  /** Days between `verified` and now; null when undated. */
  ageDays: number | null;
  studied: number;
  reported: number;
};

/**
 * Every question and card of the banks, in the order an author should re-check them: undated
 * first, then the oldest `verified` date, then the most studied, then the most reported, then by
 * file and line. Pure: `now` and the usage counts are arguments (no counts: files alone).
 *
 * @example
 * staleList(banks, "2026-12-06", new Map([["q1", { studied: 40, reported: 2 }]]))[0]?.id
 */
export function staleList(
  banks: Bank[],
  now: Date | string,
  usage: ReadonlyMap<string, QuestionUsage> = new Map(),
): StaleEntry[] {
  const today = dayNumber(now);
  const entries: StaleEntry[] = banks.flatMap((bank) =>
    bank.questions.map((q) => {
      const day = q.verified ? dayNumber(q.verified) : null;
      const counts = usage.get(q.id) ?? { studied: 0, reported: 0 };
      return {
        id: q.id,
        file: bank.file,
        line: q.line,
        title: q.title,
        kind: q.kind,
        verified: q.verified ?? null,
        ageDays: day === null || today === null ? null : today - day,
        studied: counts.studied,
        reported: counts.reported,
      };
    }),
  );
  const age = (e: StaleEntry) => (e.ageDays === null ? Number.POSITIVE_INFINITY : e.ageDays);
  return entries.sort(
    (a, b) =>
      age(b) - age(a) ||
      b.studied - a.studied ||
      b.reported - a.reported ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line,
  );
}
