import "server-only";
import { Worker } from "node:worker_threads";
import type { Question } from "@/lib/bank";
import type { NewQuestionRow } from "../db/store";
import { afterGivingWay } from "../give-way";
import type { KeptHistoryRows } from "./anki-history";
import { AnkiPackageError } from "./anki-package";
import { type CheckedUpload, checkUpload, type UploadInput } from "./check-upload";
import type { PartTaken, UploadRequest } from "./check-upload.worker";
import { type CheckedDeckUpload, checkDeckUpload, type HistoryRequest } from "./deck-upload";
import { type PreparedUpload, prepareUpload } from "./upload-rows";

// Checking an upload off the request path. Parsing a bank is synchronous and a 1 MB upload can
// take a second or more: on the server's thread that stopped every other request for as long
// (issue 21 item 4: /api/health waited 15.9 s behind one Anki upload). In the Next server the
// check runs in one worker thread, started on first use and kept; uploads queue on it in order.
// An Anki package travels as its bytes: the worker unzips it, reads its SQLite collection and
// replays its review history, and a package it cannot read comes back as AnkiPackageError.
//
// `new Worker(new URL("./check-upload.worker.ts", import.meta.url))` is the form Turbopack
// recognises and bundles as a worker entry (with lib/bank and lib/sim inside it). better-sqlite3,
// which reads a package's collection, is one of next.config.js's serverExternalPackages: the
// worker's chunks require it from node_modules as the server's own do (a native module is never
// bundled). The checkpoint worker (lib/server/db/sqlite/checkpoint.ts) is a string instead
// because it needs nothing but better-sqlite3. Outside Next (Vitest, the CLIs) there is no
// bundler to build this one, and the check runs inline.

type Answer = CheckedUpload | PreparedUpload | CheckedDeckUpload;
type Pending = {
  resolve: (result: Answer) => void;
  reject: (error: Error) => void;
  /** A new upload's rows, a bank's questions and a package's kept history, as their parts arrive. */
  rows: NewQuestionRow[];
  kept: KeptHistoryRows[];
  questions: Question[];
};
/** One message of the worker: a part of the rows or of the history, the result, or why none. */
export type WorkerAnswer = {
  id: number;
  rows?: NewQuestionRow[];
  kept?: KeptHistoryRows[];
  questions?: Question[];
  result?: Answer;
  error?: string;
  /** The package could not be read: `error` says why, for the person who gave it. */
  unreadable?: boolean;
};

/** The longest one check may take before the worker is stopped and the upload refused. */
const CHECK_TIMEOUT_MS = 60_000;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const entry of pending.values()) entry.reject(error);
  pending.clear();
}

/** A checked bank with its questions, which came ahead of it in parts, put back in. */
function withQuestions(checked: CheckedUpload, entry: Pending): CheckedUpload {
  return checked.ok ? { ...checked, bank: { ...checked.bank, questions: entry.questions } } : checked;
}

/** The answer with the parts that came ahead of it put back in. */
function assembled(result: Answer, entry: Pending): Answer {
  if ("checked" in result)
    return { checked: withQuestions(result.checked, entry), kept: result.kept ? entry.kept : result.kept };
  if (result.ok && "rows" in result) return { ...result, rows: entry.rows };
  return "bank" in result ? withQuestions(result, entry) : result;
}

function startWorker(): Worker {
  const started = new Worker(new URL("./check-upload.worker.ts", import.meta.url));
  started.unref();
  started.on("message", (message: WorkerAnswer) => {
    const entry = pending.get(message.id);
    if (message.rows || message.kept || message.questions) {
      // The worker sends the next part once this one is in and the event loop has polled for I/O
      // (give-way.ts), so requests waiting on I/O are served between parts (check-upload.worker.ts).
      afterGivingWay(() => started.postMessage({ ack: message.id } satisfies PartTaken));
      if (!entry) return;
      for (const row of message.rows ?? []) entry.rows.push(row);
      for (const side of message.kept ?? []) entry.kept.push(side);
      for (const question of message.questions ?? []) entry.questions.push(question);
      return;
    }
    if (!entry) return;
    pending.delete(message.id);
    if (message.result) entry.resolve(assembled(message.result, entry));
    else if (message.unreadable) entry.reject(new AnkiPackageError(message.error ?? "unreadable"));
    else entry.reject(new Error(`Checking the bank failed: ${message.error ?? "no answer"}`));
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", () => {
    if (worker === started) worker = null;
    failAll(new Error("The bank checker stopped"));
  });
  return started;
}

/** Whether this process is the Next server, where the worker entry has been bundled. */
function isNextServer(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs" && process.env.TASKDECK_INLINE_BANK_CHECK !== "1";
}

/** Sends one request to the worker (started on first use) and waits for its answer. */
function ask(request: Omit<UploadRequest, "id">): Promise<Answer> {
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  return new Promise<Answer>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`Checking the bank took longer than ${CHECK_TIMEOUT_MS / 1000} s`));
      void current.terminate();
    }, CHECK_TIMEOUT_MS);
    pending.set(id, {
      rows: [],
      kept: [],
      questions: [],
      resolve: (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    // A package's bytes are moved, not copied (a copy of its own first: the form's buffer may be
    // shared with other views).
    if ("bytes" in request.input) {
      const bytes = request.input.bytes.slice();
      current.postMessage({ ...request, id, input: { ...request.input, bytes } }, [bytes.buffer]);
    } else current.postMessage({ ...request, id });
  });
}

/** Checks an upload in the worker thread (in the Next server) or inline (tests, scripts). */
export async function checkUploadOffThread(input: UploadInput): Promise<CheckedUpload> {
  if (!isNextServer()) return checkUpload(input);
  return (await ask({ input })) as CheckedUpload;
}

/**
 * Checks a new upload and makes its question rows under `uploadId` (upload-rows.ts), in the worker
 * thread (in the Next server) or inline (tests, scripts). The rows arrive in parts, each copied
 * into this thread in its own short turn of the event loop.
 */
export async function prepareUploadOffThread(input: UploadInput, uploadId: string): Promise<PreparedUpload> {
  if (!isNextServer()) return prepareUpload(input, uploadId);
  return (await ask({ input, uploadId })) as PreparedUpload;
}

/**
 * Checks a learner's deck import and, with `history`, replays an Anki package's review history
 * (deck-upload.ts), in the worker thread (in the Next server) or inline (tests, scripts). The
 * history arrives in parts, as a new upload's rows do.
 */
export async function checkDeckUploadOffThread(
  input: UploadInput,
  history: HistoryRequest | null,
): Promise<CheckedDeckUpload> {
  if (!isNextServer()) return checkDeckUpload(input, history);
  return (await ask({ input, history })) as CheckedDeckUpload;
}
