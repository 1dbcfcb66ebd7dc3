import { parentPort } from "node:worker_threads";
import { AnkiPackageError } from "./anki-package";
import { type CheckedUpload, checkUpload, type UploadInput } from "./check-upload";
import type { WorkerAnswer } from "./check-upload-thread";
import { checkDeckUpload, type HistoryRequest } from "./deck-upload";
import { prepareUpload } from "./upload-rows";
import { createPartSender } from "./worker-parts";

// The worker thread behind check-upload-thread.ts: checks one upload per message, in order. A new
// upload (`uploadId` given) comes back as its question rows, any other as its bank's questions, and
// a deck import (`history` given, null when none is kept) with its package's kept history, in parts
// before the result, so the request thread copies each part in a short turn instead of the whole
// in one, and one part at a time (worker-parts.ts).

/** The request thread took in the last part: the next may go. */
export type PartTaken = { ack: number };

/** One request: an upload to check, with what to make of it. */
export type UploadRequest = {
  id: number;
  input: UploadInput;
  uploadId?: string;
  history?: HistoryRequest | null;
};

const ROWS_PER_PART = 250;
/** Card sides per part of a kept history (each with its reviews, ~10 on average). */
const SIDES_PER_PART = 100;

const send = (answer: WorkerAnswer) => parentPort?.postMessage(answer);

const parts = createPartSender(send);
const sendParts = parts.sendParts;

/**
 * A checked bank without its questions, which go ahead in parts: a 5,000-question bank copied in
 * one message held the request thread for hundreds of milliseconds.
 */
async function sendChecked(id: number, checked: CheckedUpload): Promise<CheckedUpload> {
  if (!checked.ok) return checked;
  await sendParts(checked.bank.questions, ROWS_PER_PART, (questions) => ({ id, questions }));
  return { ...checked, bank: { ...checked.bank, questions: [] } };
}

async function answer(message: UploadRequest) {
  const { id } = message;
  if (message.history !== undefined) {
    const deck = checkDeckUpload(message.input, message.history);
    if (deck.kept) await sendParts(deck.kept, SIDES_PER_PART, (kept) => ({ id, kept }));
    const checked = await sendChecked(id, deck.checked);
    send({ id, result: { checked, kept: deck.kept ? [] : deck.kept } });
    return;
  }
  if (message.uploadId === undefined) {
    send({ id, result: await sendChecked(id, checkUpload(message.input)) });
    return;
  }
  const prepared = prepareUpload(message.input, message.uploadId);
  if (prepared.ok) await sendParts(prepared.rows, ROWS_PER_PART, (rows) => ({ id, rows }));
  send({ id, result: prepared.ok ? { ...prepared, rows: [] } : prepared });
}

/** Requests wait their turn: one upload at a time, its parts in order. */
let queue: Promise<void> = Promise.resolve();

parentPort?.on("message", (message: UploadRequest | PartTaken) => {
  if ("ack" in message) {
    parts.taken();
    return;
  }
  queue = queue.then(() =>
    answer(message).catch((error: unknown) => {
      send({
        id: message.id,
        error: error instanceof Error ? error.message : String(error),
        ...(error instanceof AnkiPackageError ? { unreadable: true } : {}),
      });
    }),
  );
});
