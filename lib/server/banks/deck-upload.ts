import type { SchedulerSettings } from "@/lib/srs";
import { ankiHistoryFor, type KeptHistoryRows, keptHistoryRows } from "./anki-history";
import { type CheckedUpload, checkUploadAndCollection, type UploadInput } from "./check-upload";

// A learner's deck import, checked where every upload is (the upload worker in the Next server,
// inline elsewhere: check-upload-thread.ts). For an Anki package whose review history the learner
// keeps, the replay of that history through FSRS runs there too: thousands of reviews, each a
// ts-fsrs step, would otherwise hold the server's thread.

/** What a deck import keeps of a package's history: the deck its cards join, the learner's settings. */
export type HistoryRequest = { deckId: string; settings: SchedulerSettings };

/**
 * The checked upload and, when history was asked for and the upload is a package, the history's
 * rows (`null`: the package's notes could not be matched to the cards one for one, so none is kept;
 * `undefined`: none asked, or not a package).
 */
export type CheckedDeckUpload = { checked: CheckedUpload; kept: KeptHistoryRows[] | null | undefined };

/** Checks a deck import and replays its kept history (pure; throws AnkiPackageError on a bad package). */
export function checkDeckUpload(input: UploadInput, history: HistoryRequest | null): CheckedDeckUpload {
  const { checked, collection } = checkUploadAndCollection(input);
  if (!checked.ok || !history || !collection) return { checked, kept: undefined };
  const kept = ankiHistoryFor(
    collection,
    checked.bank.questions,
    (q) => `${history.deckId}.${q.id}`,
    history.settings,
  );
  return { checked, kept: kept?.map(keptHistoryRows) ?? null };
}
