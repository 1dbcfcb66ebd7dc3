import "server-only";
import { prisma } from "@/lib/server/db";
import { createAuth, type TaskdeckAuth } from "./create-auth";
import { requestOrigin } from "./origin";
import { authSecret } from "./secret";

// The app's better-auth instances, one per origin it is reached at (usually exactly one).
// Cookie attributes are fixed when an instance is built, so an https origin gets Secure
// cookies and the plain-http origin of a laptop or the e2e server does not.

const MAX_INSTANCES = 8;
const instances = new Map<string, TaskdeckAuth>();
let secret: string | undefined;

/** The instance serving `origin`, built on first use (so `next build` writes no secret). */
export function getAuth(origin: string): TaskdeckAuth {
  const existing = instances.get(origin);
  if (existing) return existing;
  secret ??= authSecret();
  const auth = createAuth({ db: prisma, origin, secret });
  // Host headers are the client's to choose: keep a few instances, never an unbounded map.
  if (instances.size >= MAX_INSTANCES) {
    const oldest = instances.keys().next().value;
    if (oldest !== undefined) instances.delete(oldest);
  }
  instances.set(origin, auth);
  return auth;
}

/** The instance for the origin a request was made to. */
export function authForHeaders(headers: Headers): { auth: TaskdeckAuth; origin: string } {
  const origin = requestOrigin(headers);
  return { auth: getAuth(origin), origin };
}
