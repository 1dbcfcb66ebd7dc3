// @ts-check
// Taskdeck's server: what `npm start`, the end-to-end tests, the benchmarks and every process of a
// PostgreSQL deployment run in place of `next start`. It is Next.js's own request handler (a
// "custom server", https://nextjs.org/docs/app/guides/custom-server) with one addition: the two
// JSON writes learners send most, POST /api/study/grade and /api/quiz/autosave, are answered by
// the direct lane their route modules register (lib/server/http/direct-lane.ts), without Next's
// route-handler pipeline. Everything else — pages, actions, proxy.ts, every other route — is
// Next's, unchanged.
//
// Plain JavaScript, run by Node itself: the production server loads no TypeScript tooling.
// PORT and HOST say where it listens (defaults 3000 and localhost), as for `npm start`.

import http from "node:http";

process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
const started = Date.now();

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * The direct lane the route modules publish (lib/server/http/direct-lane.ts, `DirectLane`): it
 * answers the requests it serves and returns true, and leaves the rest to Next.
 * @typedef {{ answer(request: http.IncomingMessage, response: http.ServerResponse): boolean }} DirectLane
 */
const directLane = () =>
  /** @type {DirectLane | undefined} */ (
    /** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("taskdeck.directLane")]
  );

const server = http.createServer((request, response) => {
  if (!directLane()?.answer(request, response)) void handle(request, response);
});

// The routes register their lanes as Next loads them, just after this: not listed here.
server.listen(port, hostname, () => {
  console.log(`▸ Taskdeck is serving on http://${hostname}:${port} (ready in ${Date.now() - started} ms)`);
});

// Stop as `next start` stops: no new connections, the requests in flight answered, then exit with
// the signal's code. A connection that keeps sending is not waited for past 10 s.
let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  const code = signal === "SIGINT" ? 130 : 143;
  setTimeout(() => process.exit(code), 10_000).unref();
  server.close(() => {
    void app.close().finally(() => process.exit(code));
  });
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
