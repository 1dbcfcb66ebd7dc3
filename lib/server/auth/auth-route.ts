import { readBoundedBody } from "./bounded-body";
import { AUTH_BASE_PATH, type TaskdeckAuth } from "./create-auth";

// /api/auth/*: better-auth's HTTP API, narrowed to what Taskdeck uses. Everything else it could
// serve (profile updates, account deletion without confirmation, social sign-in, password reset
// by email…) answers 404, so the role matrix has only these doors to check.

const ALLOWED: Record<string, ReadonlySet<string>> = {
  GET: new Set(["/get-session", "/ok"]),
  POST: new Set(["/sign-up/email", "/sign-in/email", "/sign-out"]),
};

/** Requests with bodies over this size are refused before anything parses them. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ code, message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Serves one /api/auth request through `auth`, after the allow-list and the body cap. */
export async function handleAuthRequest(request: Request, auth: TaskdeckAuth): Promise<Response> {
  const path = new URL(request.url).pathname.slice(AUTH_BASE_PATH.length);
  if (!ALLOWED[request.method]?.has(path)) return jsonError(404, "NOT_FOUND", "Not found");
  let forwarded = request;
  if (request.method !== "GET") {
    const body = await readBoundedBody(request, AUTH_BODY_LIMIT_BYTES);
    if (!body.ok) return jsonError(413, "PAYLOAD_TOO_LARGE", "Request body too large");
    forwarded = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: body.bytes,
    });
  }
  const response = await auth.handler(forwarded);
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
