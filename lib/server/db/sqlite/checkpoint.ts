import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";

// WAL checkpoints off the request path.
//
// SQLite appends every commit to the write-ahead log and, by default, the connection whose commit
// takes the log past 1,000 pages copies them back into the database file there and then: on a
// Taskdeck server that is the one connection every request shares, and better-sqlite3 is
// synchronous, so every ~125th grading stopped the whole event loop for 15–20 ms while it copied
// (docs/benchmarks-history.md, "Load"). Here a worker thread with its own connection copies the log in the
// background instead (a PASSIVE checkpoint never takes the write lock, so it never makes a
// grading wait), and the server's connection never checkpoints by itself.
//
// A log that is copied in the background only starts again from its beginning once a checkpoint
// has caught up with it at a moment when no write is in progress. Under a steady write load that
// moment never comes by chance, so when the log passes `restartPages` the worker asks for one:
// the server takes its connection lock (its statements queue, its event loop keeps serving), the
// worker copies the last few pages, and the lock is released; the next commit starts the log over.

/** How the checkpointer behaves; the defaults suit the Taskdeck server. */
export type CheckpointOptions = {
  /** How often the worker copies the log into the database, in milliseconds. */
  intervalMs?: number;
  /** Log size, in pages, past which the worker asks for a quiet moment to start the log over. */
  restartPages?: number;
  /** The least time between two such requests, in milliseconds. */
  quietEveryMs?: number;
  /** The longest the server's statements wait for that quiet moment, in milliseconds. */
  quietLimitMs?: number;
};

export type Checkpointer = {
  /** Stops the worker (it closes its connection); safe to call twice. */
  stop: () => Promise<void>;
  /** Resolves when the worker has opened its connection and begun, or rejects if it could not. */
  ready: Promise<void>;
  /** The worker thread itself. */
  worker: Worker;
};

// The worker is plain CommonJS evaluated from this string: a bundler leaves it alone, and it
// loads better-sqlite3 from the app's own node_modules (`workerData.base`).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.base)("better-sqlite3");
const { file, intervalMs, restartPages, quietEveryMs } = workerData;
let lastQuiet = 0;
let db;
let timer;
let stopped = false;
let waiting = false;
const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)")[0];
function pass() {
  timer = undefined;
  if (stopped) return;
  try {
    const result = checkpoint();
    // Only when this pass caught up with the log: while a reader (a backup) still uses older
    // pages the log cannot start over, and asking would only stall the server for nothing.
    const caughtUp = result.checkpointed >= result.log;
    if (result.log >= restartPages && caughtUp && Date.now() - lastQuiet >= quietEveryMs) {
      lastQuiet = Date.now();
      // Ask the server for a moment without writes; the next pass runs once it answers.
      waiting = true;
      parentPort.postMessage({ type: "quiet?" });
      return;
    }
  } catch (error) {
    parentPort.postMessage({ type: "error", message: String(error && error.message || error) });
  }
  timer = setTimeout(pass, intervalMs);
}
parentPort.on("message", (message) => {
  if (message.type === "quiet" && waiting) {
    waiting = false;
    let result = null;
    try {
      result = checkpoint();
    } catch (error) {
      parentPort.postMessage({ type: "error", message: String(error && error.message || error) });
    }
    parentPort.postMessage({ type: "done", result });
    if (!stopped) timer = setTimeout(pass, intervalMs);
  } else if (message.type === "stop") {
    stopped = true;
    if (timer) clearTimeout(timer);
    try { db && db.close(); } catch {}
    parentPort.postMessage({ type: "stopped" });
    parentPort.close();
  }
});
try {
  db = new Database(file, { fileMustExist: true, timeout: 0 });
  parentPort.postMessage({ type: "ready" });
  timer = setTimeout(pass, intervalMs);
} catch (error) {
  parentPort.postMessage({ type: "failed", message: String(error && error.message || error) });
  parentPort.close();
}
`;

/**
 * Starts the background checkpointer for the database at `file`. `acquire` is the lock every
 * statement on the server's connection takes (lib/server/db.ts): holding it is the quiet moment.
 * `onError` hears what went wrong (a full or read-only disk): the server then checkpoints on its
 * own connection again, so the log never grows without bound.
 */
export function startCheckpointer(
  file: string,
  acquire: () => Promise<() => void>,
  onError: (message: string) => void,
  options: CheckpointOptions = {},
): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      base: path.join(process.cwd(), "package.json"),
      intervalMs: options.intervalMs ?? 50,
      restartPages: options.restartPages ?? 16384,
      quietEveryMs: options.quietEveryMs ?? 250,
    },
  });
  worker.unref();
  const quietLimitMs = options.quietLimitMs ?? 250;
  let release: (() => void) | null = null;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  const letGo = () => {
    if (releaseTimer) clearTimeout(releaseTimer);
    releaseTimer = undefined;
    const held = release;
    release = null;
    held?.();
  };
  let stopped = false;
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      exited = true;
      letGo();
      if (!stopped) onError("the checkpoint worker stopped");
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    worker.on("message", (message: { type: string; message?: string }) => {
      switch (message.type) {
        case "ready":
          resolve();
          break;
        case "failed":
          reject(new Error(message.message));
          onError(message.message ?? "the checkpoint worker could not open the database");
          break;
        case "error":
          onError(message.message ?? "a checkpoint failed");
          break;
        case "quiet?":
          void acquire().then((held) => {
            if (stopped || exited) return held();
            release = held;
            // Never hold the server's statements for long, whatever the worker is doing.
            releaseTimer = setTimeout(letGo, quietLimitMs);
            worker.postMessage({ type: "quiet" });
          });
          break;
        case "done":
          letGo();
          break;
      }
    });
    worker.once("error", (error) => {
      reject(error);
      onError(error.message);
    });
  });
  ready.catch(() => undefined);
  return {
    ready,
    worker,
    async stop() {
      if (stopped) return exit;
      stopped = true;
      letGo();
      if (!exited) worker.postMessage({ type: "stop" });
      const timer = setTimeout(() => void worker.terminate(), 2_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
