import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma, storeOf } from "@/lib/server/db";
import { type ActingUser, assertRole, assertSignedIn, hasRole, type Role, rolesFrom } from "./acting-user";
import { authForHeaders } from "./auth";
import type { AuthActionContext, CookieJar } from "./auth-call";
import type { TaskdeckAuth } from "./create-auth";
import { signInPath } from "./origin";

// Who is acting, read from the session cookie of the current request. Pages, actions and route
// handlers all resolve the user here; data functions then receive it as an argument.

/**
 * The signed-in user for a request's headers, or null (no cookie, ended session, disabled account).
 * It decides exactly as better-auth's getSession (without refresh, which Taskdeck never asks for
 * here) followed by the account's disabled flag and roles: the session cookie must carry a valid
 * signature under the auth secret, its session row must exist and not have expired, and its user
 * must exist and not be disabled. Nothing is cached: the rows are read on every request, so
 * signing out, a password change (which ends the other sessions), disabling or deleting the account
 * takes effect on the very next request. The three reads run as one prepared statement, because
 * this runs for every page, action and API call.
 */
export async function actingUserFromHeaders(
  auth: TaskdeckAuth,
  db: PrismaClient,
  requestHeaders: Headers,
): Promise<ActingUser | null> {
  const context = await auth.$context;
  const token = signedCookie(
    requestHeaders.get("cookie"),
    context.authCookies.sessionToken.name,
    context.secret,
  );
  if (!token) return null;
  const found = await storeOf(db).sessionUserByToken(token);
  if (!found || found.expiresAt.getTime() < Date.now() || found.user.disabledAt) return null;
  const { id, name, email, roles, locale } = found.user;
  return { id, name, email, roles: rolesFrom(roles), savedLocale: locale };
}

/** The first cookie called `name` in a Cookie header, decoded (better-call's parsing rules). */
function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const equals = part.indexOf("=");
    if (equals === -1 || part.slice(0, equals).trim() !== name) continue;
    let value = part.slice(equals + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** A signed cookie's value when its HMAC-SHA256 signature (base64, 44 characters) is valid. */
export function signedCookie(header: string | null, name: string, secret: string): string | null {
  const value = cookieValue(header, name);
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const signed = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", secret).update(signed).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? signed : null;
}

/**
 * The current request's headers, with the Cookie header taken from Next's cookie store: after an
 * action sets or clears the session cookie, the page it re-renders must see the new session.
 */
async function currentHeaders(): Promise<Headers> {
  const requestHeaders = new Headers(await headers());
  const cookie = (await cookies())
    .getAll()
    .map(({ name, value }) => `${name}=${encodeURIComponent(value)}`)
    .join("; ");
  if (cookie) requestHeaders.set("cookie", cookie);
  else requestHeaders.delete("cookie");
  return requestHeaders;
}

/** The signed-in user of the current request, or null; looked up once per request. */
export const getActingUser = cache(async (): Promise<ActingUser | null> => {
  const requestHeaders = await currentHeaders();
  return actingUserFromHeaders(authForHeaders(requestHeaders).auth, prisma, requestHeaders);
});

/** The signed-in user, or a NotSignedInError (actions turn it into a refusal). */
export async function requireUser(): Promise<ActingUser> {
  return assertSignedIn(await getActingUser());
}

/** The signed-in user holding `role`, or a NotSignedInError / ForbiddenError. */
export async function requireRole(role: Role): Promise<ActingUser> {
  return assertRole(await getActingUser(), role);
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `path`. */
export async function requirePageUser(path: string): Promise<ActingUser> {
  const user = await getActingUser();
  if (!user) redirect(signInPath(path));
  return user;
}

/** For pages: the signed-in user holding `role`; others get sign-in or not-found. */
export async function requirePageRole(role: Role, path: string): Promise<ActingUser> {
  const user = await requirePageUser(path);
  if (!hasRole(user, role)) notFound();
  return user;
}

/** Next's cookie store as a CookieJar (writable in server actions and route handlers only). */
async function nextCookieJar(): Promise<CookieJar> {
  const store = await cookies();
  return { set: (name, value, options) => store.set(name, value, options) };
}

/** Everything an account action core needs, resolved from the current request. */
export async function currentActionContext(): Promise<AuthActionContext> {
  const requestHeaders = await currentHeaders();
  const { auth, origin } = authForHeaders(requestHeaders);
  return {
    actor: await getActingUser(),
    db: prisma,
    auth,
    origin,
    headers: requestHeaders,
    cookies: await nextCookieJar(),
  };
}

/** The acting user and database for a route handler, resolved from the request's own cookie. */
export async function routeContext(request: {
  headers: Headers;
}): Promise<{ actor: ActingUser | null; db: PrismaClient }> {
  const { auth } = authForHeaders(request.headers);
  return { actor: await actingUserFromHeaders(auth, prisma, request.headers), db: prisma };
}
