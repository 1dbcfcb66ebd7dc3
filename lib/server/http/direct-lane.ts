import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { asUtf8Text, type BodyRead, joinChunks } from "@/lib/server/auth/bounded-body";
import type { JsonAnswer, JsonWriteRequest } from "@/lib/server/auth/json-route";

// The direct lane: the two writes a learner makes most often, grading a card and autosaving a
// quiz answer, answered by Taskdeck's server (scripts/serve.mjs) straight from Node's request,
// without Next.js's route-handler pipeline in between. A closed loop of 100 learners spent about
// two thirds of each request's CPU in that pipeline (its Web Request and Response, its request
// context); docs/architecture.md, "The direct lane", has the figures.
//
// Both lanes run the same code: the route module (app/api/…/route.ts) hands Next its POST and
// offers the same `jsonWriteAnswer` call here, so access rules, limits, refusals and their
// languages are written once (json-route.ts). The route module is what registers the lane, so the
// lane uses exactly the module instances Next's route does (one database client, one lock);
// Next loads every route module when the server starts, and until a route is registered its
// requests simply go through Next. Only an exact `POST <path>` is answered here: any other method,
// a query string or a trailing slash goes to Next as before.

/** A JSON write as both lanes run it: what it reads of its request → what it answers. */
export type DirectWrite = (request: JsonWriteRequest) => Promise<JsonAnswer>;

/**
 * What Taskdeck's server finds on `globalThis[DIRECT_LANE]`: `answer` takes a request the lane
 * serves (an exact `POST <registered path>`) and returns true, or returns false and leaves it to Next.
 */
export type DirectLane = {
  answer(request: IncomingMessage, response: ServerResponse): boolean;
};

/** Where the lane is published for Taskdeck's server (scripts/serve.mjs looks it up by this name). */
export const DIRECT_LANE = Symbol.for("taskdeck.directLane");

type PublishedLane = DirectLane & { writes: Map<string, DirectWrite> };

/**
 * The process's one lane, kept on globalThis rather than in this module: each route module
 * registers its write, and however Next bundles them, all land in the same registry.
 */
export function directLane(): DirectLane {
  return published();
}

function published(): PublishedLane {
  const holder = globalThis as unknown as Record<symbol, PublishedLane | undefined>;
  let lane = holder[DIRECT_LANE];
  if (!lane) {
    const writes = new Map<string, DirectWrite>();
    lane = {
      writes,
      answer(request, response) {
        const write = request.method === "POST" && request.url ? writes.get(request.url) : undefined;
        if (!write) return false;
        void answerWith(request, response, write);
        return true;
      },
    };
    holder[DIRECT_LANE] = lane;
  }
  return lane;
}

/**
 * Offers `write` to Taskdeck's server for `POST path`.
 * @example serveDirectly("/api/study/grade", (request) => jsonWriteAnswer(request, routeContext, gradeCore, routeLocale));
 */
export function serveDirectly(path: string, write: DirectWrite): void {
  published().writes.set(path, write);
}

/**
 * Reads at most `limit` bytes of a Node request's body, with the Web reader's rules
 * (bounded-body.ts): a declared Content-Length over the cap is refused before a byte is read, a
 * body that streams past it at the first chunk over, and the rest is never read.
 */
export function readNodeBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const tooLarge: BodyRead = { ok: false, reason: "too-large", limit };
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      request.off("aborted", onAborted);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        request.pause();
        settle(() => resolve(tooLarge));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(() => resolve({ ok: true, bytes: joinChunks(chunks, size) }));
    const onError = (error: Error) => settle(() => reject(error));
    const onAborted = () =>
      settle(() => reject(new Error("The client went away before its request was read")));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("aborted", onAborted);
  });
}

/** A Node request's headers as the Web Headers the write reads (repeated headers kept). */
function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let at = 0; at + 1 < raw.length; at += 2) headers.append(raw[at] as string, raw[at + 1] as string);
  return headers;
}

async function answerWith(request: IncomingMessage, response: ServerResponse, write: DirectWrite) {
  let answered: JsonAnswer;
  try {
    answered = await write({
      headers: headersOf(request),
      readText: async (limit) => asUtf8Text(await readNodeBody(request, limit)),
    });
  } catch (error) {
    // The write answers its own refusals and failures; what lands here is a connection that broke
    // while its body was read. There is nobody to answer.
    if (!request.destroyed) console.error("A JSON write could not be read", error);
    response.destroy();
    return;
  }
  const body = JSON.stringify(answered.body);
  response.writeHead(answered.status, {
    ...answered.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
  });
  // A body left unread (refused before it was read, or over the cap): Node answers with
  // "Connection: close" and discards the rest without keeping it (direct-lane.test.ts).
  response.end(body);
}
