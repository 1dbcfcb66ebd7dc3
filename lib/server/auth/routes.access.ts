import { expect } from "vitest";
import { healthResponse } from "../health-route";
import type { AccessRow, MatrixUserKey, MatrixWorld } from "./access-matrix/types";
import { authPath } from "./access-matrix/world";
import { handleAuthRequest } from "./auth-route";
import { exportResponse } from "./export-route";

// Role-matrix rows for the route handlers: /api/auth/* (better-auth, narrowed), the data export
// and the health check. Each attempt sends a real Request carrying the caller's cookie; the
// handler's core resolves the caller from it, exactly as the route does.

const signedIn = async (world: MatrixWorld, key: MatrixUserKey) =>
  (await world.actorOf(world.request(world.users[key], "/")))?.id === world.users[key].id;

const authCall = (
  w: MatrixWorld,
  actor: MatrixUserKey | null,
  path: string,
  method: "GET" | "POST" = "POST",
  body: unknown = {},
) => handleAuthRequest(w.request(actor ? w.users[actor] : null, authPath(path), { method, body }), w.auth);

/** The doors better-auth could open that Taskdeck keeps shut, tried with another user's ids. */
const closedDoors = (method: "GET" | "POST"): AccessRow["attempts"] =>
  method === "GET"
    ? [
        {
          label: "learner1 lists sessions",
          actor: "learner1",
          expect: "refused",
          run: (w) => authCall(w, "learner1", "/list-sessions", "GET"),
        },
        {
          label: "learner1 lists accounts",
          actor: "learner1",
          expect: "refused",
          run: (w) => authCall(w, "learner1", "/list-accounts", "GET"),
        },
      ]
    : [
        {
          label: "learner1 revokes learner2's session by token",
          actor: "learner1",
          expect: "refused",
          run: async (w) => {
            const session = await w.db.session.findFirstOrThrow({ where: { userId: w.users.learner2.id } });
            return authCall(w, "learner1", "/revoke-session", "POST", { token: session.token });
          },
          verify: async (w) => expect(await signedIn(w, "learner2")).toBe(true),
        },
        {
          label: "learner1 renames themself and claims a role through update-user",
          actor: "learner1",
          expect: "refused",
          run: (w) => authCall(w, "learner1", "/update-user", "POST", { name: "Owned", role: "admin" }),
          verify: async (w) =>
            expect((await w.db.user.findUniqueOrThrow({ where: { id: w.users.learner1.id } })).name).toBe(
              w.users.learner1.name,
            ),
        },
        {
          label: "learner1 deletes an account without confirmation",
          actor: "learner1",
          expect: "refused",
          run: (w) => authCall(w, "learner1", "/delete-user", "POST", {}),
          verify: async (w) => expect(await w.db.user.count({ where: { id: w.users.learner1.id } })).toBe(1),
        },
      ];

export const accessRows: AccessRow[] = [
  {
    target: "app/api/auth/[...all]/route.ts#GET",
    who: "Anyone may call: the session lookup of better-auth's HTTP API (everything else answers 404).",
    attempts: [
      {
        label: "a visitor reads the session",
        actor: null,
        expect: "allowed",
        run: (w) => authCall(w, null, "/get-session", "GET"),
      },
      {
        label: "learner1 reads their own session, and only theirs",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => {
          const response = await authCall(w, "learner1", "/get-session", "GET");
          const text = await response.clone().text();
          expect(text).toContain(w.users.learner1.email);
          return response;
        },
      },
      ...closedDoors("GET"),
    ],
  },
  {
    target: "app/api/auth/[...all]/route.ts#POST",
    who: "Anyone may call: sign-up, sign-in and sign-out of better-auth's HTTP API (everything else answers 404).",
    attempts: [
      ...closedDoors("POST"),
      {
        label: "learner1 signs in as learner2 with learner1's password",
        actor: "learner1",
        expect: "refused",
        run: (w) =>
          authCall(w, "learner1", "/sign-in/email", "POST", {
            email: w.users.learner2.email,
            password: w.users.learner1.password,
          }),
      },
      {
        label: "a visitor signs up with instructor2's email",
        actor: null,
        expect: "refused",
        run: (w) =>
          authCall(w, null, "/sign-up/email", "POST", {
            name: "Mallory",
            email: w.users.instructor2.email,
            password: "sly fox jumps high",
          }),
      },
      {
        label: "learner1 signs out: learner2 stays signed in",
        actor: "learner1",
        expect: "allowed",
        run: (w) => authCall(w, "learner1", "/sign-out", "POST", {}),
        verify: async (w) => {
          expect(await signedIn(w, "learner1")).toBe(false);
          expect(await signedIn(w, "learner2")).toBe(true);
        },
      },
    ],
  },
  {
    target: "app/account/export/route.ts#GET",
    who: "Signed-in users, for their own data only: a JSON download of everything Taskdeck keeps about them.",
    attempts: [
      {
        label: "a visitor asks for learner2's data",
        actor: null,
        expect: "refused",
        run: async (w) => {
          const request = w.request(null, `/account/export?userId=${w.users.learner2.id}`);
          return exportResponse({ actor: await w.actorOf(request), db: w.db });
        },
      },
      {
        label: "learner1 asks for learner2's data and gets only their own",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => {
          const request = w.request(w.users.learner1, `/account/export?userId=${w.users.learner2.id}`);
          const response = await exportResponse({ actor: await w.actorOf(request), db: w.db });
          expect(await response.clone().text()).toContain(w.users.learner1.email);
          return response;
        },
      },
      {
        label: "instructor1 asks for a learner's data and gets only their own",
        actor: "instructor1",
        expect: "allowed",
        run: async (w) => {
          const request = w.request(w.users.instructor1, `/account/export?userId=${w.users.learner1.id}`);
          return exportResponse({ actor: await w.actorOf(request), db: w.db });
        },
      },
    ],
  },
  {
    target: "app/api/health/route.ts#GET",
    who: "Anyone may call (load balancers, the fresh-machine check); it reveals counts, never content.",
    attempts: [
      {
        label: "learner1 reads the health check: counts only, nobody's data",
        actor: "learner1",
        expect: "allowed",
        run: () => healthResponse(),
      },
    ],
  },
];
