import { parentPort } from "node:worker_threads";
import { AnkiPackageError } from "./anki-package";
import { type CheckedUpload, checkUpload, type UploadInput } from "./check-upload";
import type { WorkerAnswer } from "./check-upload-thread";
import { checkDeckUpload, type HistoryRequest } from "./deck-upload";
import { prepareUpload } from "./upload-rows";

// The worker thread behind check-upload-thread.ts: checks one upload per message, in order. A new
// upload (`uploadId` given) comes back as its question rows, any other as its bank's questions, and a deck import (`history` given,
// null when none is kept) with its package's kept history, in parts before the result, so the
// request thread copies each part in a short turn instead of the whole in one.

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

/**
 * A checked bank without its questions, which go ahead in parts: a 5,000-question bank copied in
 * one message held the request thread for hundreds of milliseconds.
 */
function sendChecked(id: number, checked: CheckedUpload): CheckedUpload {
  if (!checked.ok) return checked;
  const { questions } = checked.bank;
  for (let at = 0; at < questions.length; at += ROWS_PER_PART)
    send({ id, questions: questions.slice(at, at + ROWS_PER_PART) });
  return { ...checked, bank: { ...checked.bank, questions: [] } };
}

function answer(message: UploadRequest) {
  const { id } = message;
  if (message.history !== undefined) {
    const deck = checkDeckUpload(message.input, message.history);
    for (let at = 0; deck.kept && at < deck.kept.length; at += SIDES_PER_PART)
      send({ id, kept: deck.kept.slice(at, at + SIDES_PER_PART) });
    const checked = sendChecked(id, deck.checked);
    send({ id, result: { checked, kept: deck.kept ? [] : deck.kept } });
    return;
  }
  if (message.uploadId === undefined) {
    send({ id, result: sendChecked(id, checkUpload(message.input)) });
    return;
  }
  const prepared = prepareUpload(message.input, message.uploadId);
  if (prepared.ok)
    for (let at = 0; at < prepared.rows.length; at += ROWS_PER_PART)
      send({ id, rows: prepared.rows.slice(at, at + ROWS_PER_PART) });
  send({ id, result: prepared.ok ? { ...prepared, rows: [] } : prepared });
}

parentPort?.on("message", (message: UploadRequest) => {
  try {
    answer(message);
  } catch (error) {
    send({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
      ...(error instanceof AnkiPackageError ? { unreadable: true } : {}),
    });
  }
});
