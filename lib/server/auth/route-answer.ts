import { type AppError, isAppError } from "@/lib/errors";
import { inRequestLanguage } from "./refusal-language";

// The one place a route handler's refusal is shaped from an AppError (lib/errors.ts), as `guarded`
// (action-result.ts) is for server actions. A route never confirms that a record exists to
// someone without access: "forbidden" answers 404 "Not found.", like a record that is not there.
// A JSON route answers `{ ok: false, code, formError }`, a download route plain text; neither
// carries anything but the user message.

/** How the refused route speaks: JSON (the writes, the export) or plain text (the CSV downloads). */
export type RouteFormat = "json" | "text";

const NOT_FOUND = "Not found.";

/**
 * The Response for a refusal.
 * @example appErrorResponse(new NotSignedInError(), "text") // 401 "Sign in to continue."
 */
export function appErrorResponse(
  error: AppError,
  format: RouteFormat,
  headers: Record<string, string> = {},
): Response {
  const refusal = appErrorRefusal(error);
  const all = { "Cache-Control": "no-store", ...headers };
  return format === "json"
    ? Response.json(refusal.body, { status: refusal.status, headers: all })
    : new Response(refusal.body.formError, {
        status: refusal.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", ...all },
      });
}

/**
 * A refusal's status and JSON body, before it becomes a Response (appErrorResponse) or is written
 * straight to the socket (the JSON writes' direct lane, lib/server/http/direct-lane.ts).
 * @example appErrorRefusal(new NotSignedInError()) // { status: 401, body: { ok: false, code: "not-signed-in", … } }
 */
export function appErrorRefusal(error: AppError): {
  status: number;
  body: { ok: false; code: string; formError: string };
} {
  const hidden = error.code === "forbidden";
  // In the request's language where the route runs in one (runInLocale); English otherwise.
  const formError = inRequestLanguage(hidden ? NOT_FOUND : error.userMessage);
  return {
    status: hidden ? 404 : error.status,
    body: { ok: false, code: hidden ? "not-found" : error.code, formError },
  };
}

/**
 * Runs a route's body; an AppError it throws becomes its Response (see appErrorResponse), anything
 * else is unexpected and propagates (Next answers 500 and logs it).
 * @example return answerRoute("text", async () => csvDownload("gradebook.csv", await gradebookCsvFor(db, actor, id)));
 */
export async function answerRoute(format: RouteFormat, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error, format);
    throw error;
  }
}

/** A CSV file download: never cached, never sniffed as anything else. */
export function csvDownload(filename: string, text: string): Response {
  return new Response(text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
