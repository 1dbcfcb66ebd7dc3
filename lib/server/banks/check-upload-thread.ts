import "server-only";
import { Worker } from "node:worker_threads";
import { type CheckedUpload, checkUpload, type UploadInput } from "./check-upload";

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

type Pending = { resolve: (result: CheckedUpload) => void; reject: (error: Error) => void };

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
  started.on("message", (message: { id: number; result?: CheckedUpload; error?: string }) => {
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.result) entry.resolve(message.result);
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

/** Checks an upload in the worker thread (in the Next server) or inline (tests, scripts). */
export async function checkUploadOffThread(input: UploadInput): Promise<CheckedUpload> {
  if (!isNextServer()) return checkUpload(input);
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  return new Promise<CheckedUpload>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`Checking the bank took longer than ${CHECK_TIMEOUT_MS / 1000} s`));
      void current.terminate();
    }, CHECK_TIMEOUT_MS);
    pending.set(id, {
      resolve: (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    current.postMessage({ id, input });
  });
}
