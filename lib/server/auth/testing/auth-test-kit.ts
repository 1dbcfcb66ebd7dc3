import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AUTH_BASE_PATH, type AuthOptions, createAuth, type TaskdeckAuth } from "../create-auth";

// Helpers for tests that drive better-auth the way a browser would: real requests through the
// handler, real cookies, a real SQLite file. Not imported by the app.

export const TEST_ORIGIN = "http://taskdeck.test";
export const TEST_SECRET = "taskdeck-test-secret-0123456789abcdefghijklmnop";
/** A documentation-range address (RFC 5737), as Next would put in x-forwarded-for. */
export const TEST_ADDRESS = "203.0.113.7";

/** An auth instance over `db` for TEST_ORIGIN; better-auth's request limiter is off unless asked for. */
export function createTestAuth(db: PrismaClient, overrides: Partial<AuthOptions> = {}): TaskdeckAuth {
  return createAuth({ db, origin: TEST_ORIGIN, secret: TEST_SECRET, rateLimit: false, ...overrides });
}

export type RequestOptions = {
  cookie?: string;
  /** The Origin header; null leaves it out. Defaults to TEST_ORIGIN. */
  origin?: string | null;
  address?: string;
  headers?: Record<string, string>;
  contentType?: string;
  rawBody?: string;
};

/** A request to /api/auth{path} as a same-origin browser would send it. */
export function authRequest(
  path: string,
  method: "GET" | "POST",
  body?: Record<string, unknown>,
  options: RequestOptions = {},
): Request {
  const headers = new Headers({
    host: new URL(TEST_ORIGIN).host,
    "x-forwarded-for": options.address ?? TEST_ADDRESS,
    "user-agent": "taskdeck-tests",
  });
  if (options.origin !== null) headers.set("origin", options.origin ?? TEST_ORIGIN);
  if (options.cookie) headers.set("cookie", options.cookie);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  let payload: string | undefined;
  if (method === "POST") {
    headers.set("content-type", options.contentType ?? "application/json");
    payload = options.rawBody ?? JSON.stringify(body ?? {});
  }
  return new Request(`${TEST_ORIGIN}${AUTH_BASE_PATH}${path}`, { method, headers, body: payload });
}

/** The session cookie a response sets, as a `Cookie` header value ("" when none). */
export function sessionCookieFrom(response: Response): string {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const [name, value] = pair.split("=");
    if (name?.endsWith("session_token") && value) return pair;
  }
  return "";
}

/** Signs up through the handler and returns the new user's id and session cookie. */
export async function signUpThroughHandler(
  auth: TaskdeckAuth,
  user: { name: string; email: string; password: string },
  options: RequestOptions = {},
): Promise<{ id: string; cookie: string }> {
  const response = await auth.handler(authRequest("/sign-up/email", "POST", user, options));
  if (response.status !== 200) {
    throw new Error(`Sign-up of ${user.email} answered ${response.status}: ${await response.text()}`);
  }
  const body = (await response.json()) as { user: { id: string } };
  return { id: body.user.id, cookie: sessionCookieFrom(response) };
}
