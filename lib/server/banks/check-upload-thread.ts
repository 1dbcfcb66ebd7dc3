import "server-only";
import { Worker } from "node:worker_threads";
import type { NewQuestionRow } from "../db/store";
import { type CheckedUpload, checkUpload, type UploadInput } from "./check-upload";
import { type PreparedUpload, prepareUpload } from "./upload-rows";

// Checking an upload off the request path. Parsing a bank is synchronous and a 1 MB upload can
// take a second or more: on the server's thread that stopped every other request for as long
// (issue 21 item 4: /api/health waited 15.9 s behind one Anki upload). In the Next server the
// check runs in one worker thread, started on first use and kept; uploads queue on it in order.
//
// `new Worker(new URL("./check-upload.worker.ts", import.meta.url))` is the form Turbopack
// recognises and bundles as a worker entry (with lib/bank and lib/sim inside it). The checkpoint
// worker (lib/server/db-checkpoint.ts) is a string instead because it needs only better-sqlite3
// from node_modules; this one needs the app's own TypeScript, so the bundler must build it.
// Outside Next (Vitest, the CLIs) there is no bundler to build it, and the check runs inline.

type Answer = CheckedUpload | PreparedUpload;
type Pending = {
  resolve: (result: Answer) => void;
  reject: (error: Error) => void;
  /** A new upload's rows, as their parts arrive ahead of the result. */
  rows: NewQuestionRow[];
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

function startWorker(): Worker {
  const started = new Worker(new URL("./check-upload.worker.ts", import.meta.url));
  started.unref();
  started.on(
    "message",
    (message: { id: number; rows?: NewQuestionRow[]; result?: Answer; error?: string }) => {
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.rows) {
        for (const row of message.rows) entry.rows.push(row);
        return;
      }
      pending.delete(message.id);
      if (message.result?.ok && "rows" in message.result)
        entry.resolve({ ...message.result, rows: entry.rows });
      else if (message.result) entry.resolve(message.result);
      else entry.reject(new Error(`Checking the bank failed: ${message.error ?? "no answer"}`));
    },
  );
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
function ask(input: UploadInput, uploadId: string | undefined): Promise<Answer> {
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
      resolve: (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    current.postMessage({ id, input, uploadId });
  });
}

/** Checks an upload in the worker thread (in the Next server) or inline (tests, scripts). */
export async function checkUploadOffThread(input: UploadInput): Promise<CheckedUpload> {
  if (!isNextServer()) return checkUpload(input);
  return (await ask(input, undefined)) as CheckedUpload;
}

/**
 * Checks a new upload and makes its question rows under `uploadId` (upload-rows.ts), in the worker
 * thread (in the Next server) or inline (tests, scripts). The rows arrive in parts, each copied
 * into this thread in its own short turn of the event loop.
 */
export async function prepareUploadOffThread(input: UploadInput, uploadId: string): Promise<PreparedUpload> {
  if (!isNextServer()) return prepareUpload(input, uploadId);
  return (await ask(input, uploadId)) as PreparedUpload;
}
