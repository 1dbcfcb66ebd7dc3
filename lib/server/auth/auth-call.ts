import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActingUser } from "./acting-user";
import { AUTH_BASE_PATH, type TaskdeckAuth } from "./create-auth";

// Server actions reach better-auth through its HTTP handler, exactly as a browser calling
// /api/auth would: the same origin check, rate limiter, throttle and hooks apply to both.

/** Where Set-Cookie headers from better-auth end up (Next's cookies() in an action). */
export type CookieJar = {
  set(
    name: string,
    value: string,
    options: {
      maxAge?: number;
      expires?: Date;
      path?: string;
      domain?: string;
      secure?: boolean;
      httpOnly?: boolean;
      sameSite?: "strict" | "lax" | "none";
    },
  ): void;
};

/** Who is acting and the database, as every action core receives them. */
export type ActionContext = { actor: ActingUser | null; db: PrismaClient };

/** An action core that also talks to better-auth on behalf of the incoming request. */
export type AuthActionContext = ActionContext & {
  auth: TaskdeckAuth;
  origin: string;
  /** The incoming request's headers (cookie, origin, client address…). */
  headers: Headers;
  cookies: CookieJar;
};

/** Request headers better-auth needs to judge a call: session, origin, fetch metadata, address. */
const FORWARDED_HEADERS = [
  "cookie",
  "origin",
  "referer",
  "user-agent",
  "host",
  "x-forwarded-for",
  "x-forwarded-proto",
  "sec-fetch-site",
  "sec-fetch-mode",
  "sec-fetch-dest",
] as const;

export type AuthPath = "/sign-in/email" | "/sign-up/email" | "/sign-out" | "/change-password";
export type AuthCallResult = {
  status: number;
  code: string | null;
  message: string | null;
  /** Seconds until a throttled caller may try again (429 answers only). */
  retryAfterSeconds: number | null;
};

/** POSTs `body` to a better-auth endpoint for the incoming request; cookies go to the jar. */
export async function callAuthEndpoint(
  ctx: AuthActionContext,
  path: AuthPath,
  body: Record<string, unknown>,
): Promise<AuthCallResult> {
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of FORWARDED_HEADERS) {
    const value = ctx.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const response = await ctx.auth.handler(
    new Request(`${ctx.origin}${AUTH_BASE_PATH}${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    }),
  );
  const setCookie = response.headers.get("set-cookie");
  if (setCookie) {
    for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
      ctx.cookies.set(name, attributes.value, toCookieOptions(attributes));
    }
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  const field = (key: string) => {
    const value = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>)[key] : undefined;
    return typeof value === "string" ? value : null;
  };
  const retryAfter = Number(response.headers.get("retry-after") ?? response.headers.get("x-retry-after"));
  return {
    status: response.status,
    code: field("code"),
    message: field("message"),
    retryAfterSeconds:
      response.status === 429 && Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  };
}
