import "server-only";
import { type StorageFailure, storageUnavailable } from "@/lib/server/auth/action-result";
import { isStorageUnavailable } from "@/lib/server/db";

/**
 * Runs a write; when the database cannot take it (a full or read-only disk), answers the typed
 * refusal that tells the learner nothing was saved instead of a generic server error. Every other
 * error is rethrown. A refused write is one rolled-back transaction, so nothing is half-written.
 */
export async function refusingWhenStorageUnavailable<R>(
  what: string,
  run: () => Promise<R>,
): Promise<R | StorageFailure> {
  try {
    return await run();
  } catch (error) {
    if (!isStorageUnavailable(error)) throw error;
    console.error(`Storage unavailable: ${what} was refused`, error);
    return storageUnavailable();
  }
}
