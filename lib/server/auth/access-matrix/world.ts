import { parseSetCookieHeader } from "better-auth/cookies";
import { loadActingUser } from "@/lib/server/data/users";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import type { ActingUser } from "../acting-user";
import type { AuthActionContext, CookieJar } from "../auth-call";
import { AUTH_BASE_PATH } from "../create-auth";
import { actingUserFromHeaders } from "../session";
import { authRequest, createTestAuth, signUpThroughHandler, TEST_ORIGIN } from "../testing/auth-test-kit";
import type { MatrixUser, MatrixUserKey, MatrixWorld } from "./types";

// Builds the role matrix's world: a migrated SQLite file, better-auth over it, and the five
// people signed up through the real handler (the first, the admin, claims the role as on a
// fresh install; the instructors are granted theirs).

const SEEDS: Array<{ key: MatrixUserKey; name: string; address: string }> = [
  { key: "admin", name: "Avery Admin", address: "203.0.113.10" },
  { key: "learner1", name: "Lee Learner", address: "203.0.113.11" },
  { key: "learner2", name: "Lou Learner", address: "203.0.113.12" },
  { key: "instructor1", name: "Ira Instructor", address: "203.0.113.13" },
  { key: "instructor2", name: "Ines Instructor", address: "203.0.113.14" },
];

/** Cheap hashing for seeded accounts: the matrix checks access, not password storage. */
const MATRIX_SCRYPT = { ln: 14, r: 8, p: 1 };

/** FormData from a plain object, as a browser form would send it. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

export type DisposableWorld = MatrixWorld & { database: TestDatabase; cleanup: () => Promise<void> };

export async function createMatrixWorld(): Promise<DisposableWorld> {
  const database = createTestDatabase();
  const db = database.prisma;
  const auth = createTestAuth(db, { scryptParams: MATRIX_SCRYPT });
  const users = {} as Record<MatrixUserKey, MatrixUser>;
  const addressOf = new Map<MatrixUserKey, string>();
  for (const seed of SEEDS) {
    const email = `${seed.key}@matrix.example`;
    const password = `${seed.key} correct horse battery`;
    const { id, cookie } = await signUpThroughHandler(
      auth,
      { name: seed.name, email, password },
      { address: seed.address },
    );
    if (seed.key.startsWith("instructor"))
      await db.userRole.create({ data: { userId: id, role: "instructor" } });
    const acting = (await loadActingUser(db, id)) as ActingUser;
    users[seed.key] = { ...acting, key: seed.key, password, cookie };
    addressOf.set(seed.key, seed.address);
  }

  const headersFor = (user: MatrixUser | null): Headers => {
    const headers = new Headers({
      host: new URL(TEST_ORIGIN).host,
      origin: TEST_ORIGIN,
      "user-agent": "taskdeck-role-matrix",
      "x-forwarded-for": user ? (addressOf.get(user.key) ?? "203.0.113.99") : "203.0.113.99",
      "sec-fetch-site": "same-origin",
      "sec-fetch-mode": "cors",
    });
    if (user?.cookie) headers.set("cookie", user.cookie);
    return headers;
  };

  const world: DisposableWorld = {
    db,
    auth,
    users,
    async as(user) {
      const headers = headersFor(user);
      const cookies: CookieJar = {
        set(name, value) {
          // Values arrive decoded, as Next's cookie store takes them; a Cookie header carries them encoded.
          if (user && name.endsWith("session_token"))
            user.cookie = value ? `${name}=${encodeURIComponent(value)}` : "";
        },
      };
      const context: AuthActionContext = {
        actor: await actingUserFromHeaders(auth, db, headers),
        db,
        auth,
        origin: TEST_ORIGIN,
        headers,
        cookies,
      };
      return context;
    },
    request(user, path, init = {}) {
      const headers = headersFor(user);
      const method = init.method ?? "GET";
      if (method === "POST") headers.set("content-type", "application/json");
      return new Request(`${TEST_ORIGIN}${path}`, {
        method,
        headers,
        body: method === "POST" ? JSON.stringify(init.body ?? {}) : undefined,
      });
    },
    actorOf(request) {
      return actingUserFromHeaders(auth, db, request.headers);
    },
    async canSignIn(user, password) {
      const response = await auth.handler(
        authRequest("/sign-in/email", "POST", { email: user.email, password }, { address: "198.18.0.1" }),
      );
      const setCookie = response.headers.get("set-cookie");
      // Sign the probe's session out again so it does not linger in the world.
      if (setCookie) {
        for (const [name, attributes] of parseSetCookieHeader(setCookie)) {
          if (name.endsWith("session_token") && attributes.value) {
            await auth.handler(
              authRequest(
                "/sign-out",
                "POST",
                {},
                {
                  cookie: `${name}=${encodeURIComponent(attributes.value)}`,
                  address: "198.18.0.1",
                },
              ),
            );
          }
        }
      }
      return response.status === 200;
    },
    database,
    cleanup: () => database.cleanup(),
  };
  return world;
}

/** The path of a better-auth endpoint, for rows that call /api/auth. */
export function authPath(path: string): string {
  return `${AUTH_BASE_PATH}${path}`;
}
