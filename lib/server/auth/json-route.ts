import "server-only";
import { type AppError, isAppError } from "@/lib/errors";
import { browserLocale, type Locale } from "@/lib/i18n/locale";
import { isStorageUnavailable } from "@/lib/server/db";
import { runInLocale } from "@/lib/server/i18n/server-text";
import { STATIC_SECURITY_HEADERS } from "@/lib/server/security-headers";
import { NotSignedInError } from "./acting-user";
import type { ActionFailure, ActionResult } from "./action-result";
import { STORAGE_UNAVAILABLE_MESSAGE } from "./action-result";
import type { ActionContext } from "./auth-call";
import { readBoundedText, type TextRead } from "./bounded-body";
import { requestOrigin } from "./origin";
import { inRequestLanguage } from "./refusal-language";
import { appErrorRefusal } from "./route-answer";

// The two writes a learner makes most often, grading a card and autosaving a quiz answer, are
// plain JSON route handlers rather than server actions: the same action cores (who is acting →
// zod → data), without the RSC encoding of a server action's request and answer, which cost
// more CPU than the write itself under load.
//
// Cross-site requests are refused as a server action refuses them, and more strictly:
// - the Origin header must be present and equal to the origin Taskdeck is served from (a server
//   action compares Origin with Host the same way; Next lets a request without Origin through,
//   this does not);
// - Sec-Fetch-Site, when the browser sends it, must be "same-origin";
// - the body must be declared application/json, which a cross-site form cannot send and which
//   makes a cross-site fetch need a CORS preflight that Taskdeck never answers;
// - the session cookie is SameSite=Lax, so a cross-site POST carries no session anyway.

/** A JSON write's body is small: an answer or a grading. */
const MAX_BODY_BYTES = 64 * 1024;

/** A JSON answer loads nothing and may not be framed. */
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

type Core<T extends object> = (
  ctx: ActionContext,
  input: unknown,
) => Promise<ActionResult<T> | (ActionFailure & { reason?: string })>;

// no-transform: Next would otherwise gzip each answer of a few hundred bytes, which cost more CPU
// under load than the database write.
// These routes are outside proxy.ts (a JSON answer needs no CSP nonce), so they carry the
// security headers themselves.
const ANSWER_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store, no-transform",
  "Content-Security-Policy": JSON_CSP,
  ...STATIC_SECURITY_HEADERS,
};
/**
 * A JSON write's answer before it is sent: Next's route handler turns it into a Response
 * (`jsonWrite`), the direct lane writes it to the socket (lib/server/http/direct-lane.ts).
 */
export type JsonAnswer = { status: number; headers: Record<string, string>; body: object };

/** What a JSON write reads of its request, whichever way the request arrived. */
export type JsonWriteRequest = {
  headers: Headers;
  /** The body as UTF-8 text, refused past `limit` bytes (bounded-body.ts). */
  readText(limit: number): Promise<TextRead>;
};

/** A Web Request (Next's route handler) as a JSON write reads it. */
export const fromWebRequest = (request: Request): JsonWriteRequest => ({
  headers: request.headers,
  readText: (limit) => readBoundedText(request, limit),
});

/** Who is acting, from a request's headers (routeContext in production). */
type Resolve = (request: { headers: Headers }) => Promise<ActionContext>;
/** Which language a signed-in learner's refusals are in (routeLocale in production). */
type ResolveLocale = (request: { headers: Headers }, ctx: ActionContext) => Promise<Locale>;

const answer = (status: number, body: object, headers: Record<string, string> = {}): JsonAnswer => ({
  status,
  body,
  headers: { ...ANSWER_HEADERS, ...headers },
});

/** A JSON answer as the Response a route handler returns. */
export const answerResponse = (answer: JsonAnswer): Response =>
  Response.json(answer.body, { status: answer.status, headers: answer.headers });

/** A refusal's words in the request's language (refusal-language.ts; English stays as it is). */
const refuse = (status: number, message: string) =>
  answer(status, { ok: false, formError: inRequestLanguage(message) });

/** The refusal when the database cannot take the write: 503, and nothing was saved. */
const storageUnavailable = () =>
  answer(
    503,
    { ok: false, reason: "storage-unavailable", formError: inRequestLanguage(STORAGE_UNAVAILABLE_MESSAGE) },
    { "Retry-After": "60" },
  );

const refusalOf = (error: AppError) => {
  const refusal = appErrorRefusal(error);
  return answer(refusal.status, refusal.body);
};

/**
 * Whether a Content-Type is JSON: exactly `application/json`, optionally with `charset=utf-8`
 * (JSON is UTF-8 by definition). `application/json-evil`, `application/jsonp` or a second
 * parameter are not: a prefix test accepted them (issue 21 item 9).
 * @example isJsonContentType("application/json; charset=UTF-8") // true
 * @example isJsonContentType("application/json-evil") // false
 */
export function isJsonContentType(value: string | null): boolean {
  return /^\s*application\/json\s*(?:;\s*charset\s*=\s*(?:utf-8|"utf-8")\s*)?$/i.test(value ?? "");
}

/**
 * Runs an action core for a same-origin JSON POST. 200 with the core's `{ ok: true, … }`; 401 when
 * nobody is signed in; 422 with `{ ok: false, formError, … }` when the core refuses; 503 when the
 * database cannot take the write; 403/415/413/400 for requests a Taskdeck page never sends.
 * Refusals are in the browser's language until the learner is known, then in `locale`'s (the
 * routes pass routeLocale: the learner's saved choice first, as pages do).
 */
export async function jsonWrite<T extends object>(
  request: Request,
  resolve: (request: Request) => Promise<ActionContext>,
  core: Core<T>,
  locale: (request: Request, ctx: ActionContext) => Promise<Locale> = async (r) => browserLocale(r.headers),
): Promise<Response> {
  const answered = await jsonWriteAnswer(
    fromWebRequest(request),
    () => resolve(request),
    core,
    (_, ctx) => locale(request, ctx),
  );
  return answerResponse(answered);
}

/**
 * `jsonWrite` before the answer becomes a Response: what both lanes of a JSON write run (Next's
 * route handler through `jsonWrite`, the direct lane in lib/server/http/direct-lane.ts).
 */
export async function jsonWriteAnswer<T extends object>(
  request: JsonWriteRequest,
  resolve: Resolve,
  core: Core<T>,
  locale: ResolveLocale = async (r) => browserLocale(r.headers),
): Promise<JsonAnswer> {
  return runInLocale(browserLocale(request.headers), () => checkedWrite(request, resolve, core, locale));
}

async function checkedWrite<T extends object>(
  request: JsonWriteRequest,
  resolve: Resolve,
  core: Core<T>,
  locale: ResolveLocale,
): Promise<JsonAnswer> {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (!origin || origin !== requestOrigin(request.headers) || (site !== null && site !== "same-origin"))
    return refuse(403, "This request must come from a Taskdeck page.");
  if (!isJsonContentType(request.headers.get("content-type")))
    return refuse(415, "Send JSON (Content-Type: application/json).");
  const body = await request.readText(MAX_BODY_BYTES);
  if (!body.ok && body.reason === "too-large") return refuse(413, "That request is too large.");
  if (!body.ok) return refuse(400, `That request is not valid UTF-8 (byte ${body.offset + 1} of its body).`);
  let input: unknown;
  try {
    input = JSON.parse(body.text);
  } catch {
    return refuse(400, "That request is not valid JSON.");
  }
  let ctx: ActionContext;
  try {
    ctx = await resolve(request);
  } catch (error) {
    return unexpected(error);
  }
  if (!ctx.actor) return refusalOf(new NotSignedInError());
  return runInLocale(await locale(request, ctx), async () => {
    try {
      const result = await core(ctx, input);
      if (result.ok) return answer(200, result);
      if ("reason" in result && result.reason === "storage-unavailable") return storageUnavailable();
      return answer(422, result);
    } catch (error) {
      return unexpected(error);
    }
  });
}

/** What a thrown error answers: its refusal, or 503/500 with nothing saved. */
function unexpected(error: unknown): JsonAnswer {
  if (isAppError(error)) return refusalOf(error);
  if (isStorageUnavailable(error)) {
    console.error("Storage unavailable: a write was refused", error);
    return storageUnavailable();
  }
  console.error("A JSON write failed", error);
  return refuse(500, "The server could not save this. Try again in a moment.");
}
