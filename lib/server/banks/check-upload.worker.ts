import { parentPort } from "node:worker_threads";
import { checkUpload, type UploadInput } from "./check-upload";

// The worker thread behind check-upload-thread.ts: checks one upload per message, in order.

parentPort?.on("message", (message: { id: number; input: UploadInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: checkUpload(message.input) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
