import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ActingUser } from "../acting-user";
import type { AuthActionContext } from "../auth-call";
import type { TaskdeckAuth } from "../create-auth";

// The role matrix's vocabulary (SECURITY.md item 8). Every server action and route handler has a
// row; each row tries the door as people who must be refused (signed out, the wrong role,
// another person's ids) and as someone who may pass, and the matrix checks every answer.
// Rows live in `*.access.ts` files beside the code they cover; see docs/architecture.md.

/** The people every row can act as: two learners, two instructors, and the install's admin. */
export type MatrixUserKey = "learner1" | "learner2" | "instructor1" | "instructor2" | "admin";

/** A seeded person: who they are, their password, and their live session cookie. */
export type MatrixUser = ActingUser & { key: MatrixUserKey; password: string; cookie: string };

/** A fresh database with the five people signed in, shared by the attempts of one row. */
export type MatrixWorld = {
  db: PrismaClient;
  auth: TaskdeckAuth;
  users: Record<MatrixUserKey, MatrixUser>;
  /**
   * The context an action core gets when `user` calls it from the browser (null: signed out).
   * The actor is resolved from the user's session cookie, as in production; cookies the core
   * sets update `user.cookie`.
   */
  as(user: MatrixUser | null): Promise<AuthActionContext>;
  /** A same-origin request to the app as `user`, carrying their session cookie. */
  request(user: MatrixUser | null, path: string, init?: { method?: "GET" | "POST"; body?: unknown }): Request;
  /** The acting user a route handler would resolve from this request's cookie. */
  actorOf(request: { headers: Headers }): Promise<ActingUser | null>;
  /** True when `user` can sign in with `password` (used to check a password did not change). */
  canSignIn(user: MatrixUser, password: string): Promise<boolean>;
};

/** One call through a door, and what must come of it. */
export type AccessAttempt = {
  /** Who calls with what, e.g. "learner1 deletes with learner2's email". */
  label: string;
  /** The caller of this attempt (null: signed out): their own id and email may appear in the answer. */
  actor: MatrixUserKey | null;
  /** "refused": `{ ok: false }` or an HTTP error status; "allowed": anything else. */
  expect: "refused" | "allowed";
  /** Calls the action core or route handler; returns its result or Response. */
  run: (world: MatrixWorld) => Promise<unknown>;
  /** Extra strings that must not appear in the answer (other people's ids and emails always are checked). */
  mustNotReveal?: (world: MatrixWorld) => string[];
  /** Afterwards: check nothing of anyone else changed (throw, or use expect, when it did). */
  verify?: (world: MatrixWorld) => Promise<void>;
};

/** The matrix row for one exported server action or HTTP method of a route handler. */
export type AccessRow = {
  /** `<file>#<export>`: "lib/server/actions/account.ts#deleteAccount", "app/account/export/route.ts#GET". */
  target: string;
  /** Who may call it: the same sentence as the comment above the export. */
  who: string;
  /** Run in order on one world, so put attempts that delete or sign out last. */
  attempts: AccessAttempt[];
};
