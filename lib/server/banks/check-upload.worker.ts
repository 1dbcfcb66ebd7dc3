import { parentPort } from "node:worker_threads";
import { checkUpload, type UploadInput } from "./check-upload";
import { prepareUpload } from "./upload-rows";

// The worker thread behind check-upload-thread.ts: checks one upload per message, in order. A new
// upload (`uploadId` given) comes back as its question rows, in parts of ROWS_PER_PART before the
// result, so the request thread copies each part in a short turn instead of the whole bank in one.

const ROWS_PER_PART = 250;

parentPort?.on("message", (message: { id: number; input: UploadInput; uploadId?: string }) => {
  try {
    if (message.uploadId === undefined) {
      parentPort?.postMessage({ id: message.id, result: checkUpload(message.input) });
      return;
    }
    const prepared = prepareUpload(message.input, message.uploadId);
    if (prepared.ok)
      for (let at = 0; at < prepared.rows.length; at += ROWS_PER_PART)
        parentPort?.postMessage({ id: message.id, rows: prepared.rows.slice(at, at + ROWS_PER_PART) });
    parentPort?.postMessage({ id: message.id, result: prepared.ok ? { ...prepared, rows: [] } : prepared });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
