import { Worker } from "node:worker_threads";

/** One field of a form: a text, or a file's bytes and name. */
export type FormEntry = [name: string, value: string | { bytes: Uint8Array; fileName: string }];

// The uploader is another client: a learner uploading a deck is not the browser that asks
// /api/health. Sent from this process's own thread, a 3.8 MB form's encoding and writing (the
// Blob's UTF-8, undici's multipart stream, its socket writes) ran on the same event loop that
// timed /api/health, and the answer sent as the upload began waited for the uploader as well
// as for the server. The form is built and sent from a worker thread instead (plain JavaScript:
// tsx does not register inside a worker on Node 20); its answer's status and text come back.
const SENDER = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, headers, entries } = workerData;
const form = new FormData();
for (const [name, value] of entries)
  if (typeof value === "string") form.append(name, value);
  else form.append(name, new Blob([value.bytes]), value.fileName);
const send = () => fetch(url, { method: "POST", headers, body: form });
(async () => {
  let response;
  try {
    response = await send();
  } catch {
    // EPIPE: the server closed an idle keep-alive socket as this request reused it. Once more.
    response = await send();
  }
  parentPort.postMessage({ status: response.status, body: await response.text() });
})().catch((error) => parentPort.postMessage({ error: String(error?.stack ?? error) }));
`;

/** POSTs a multipart form from a worker thread; resolves with the answer's status and text. */
export function postFormElsewhere(
  url: string,
  headers: Record<string, string>,
  entries: FormEntry[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SENDER, { eval: true, workerData: { url, headers, entries } });
    worker.once("message", (message: { status: number; body: string } | { error: string }) => {
      void worker.terminate();
      if ("error" in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once("error", reject);
  });
}
