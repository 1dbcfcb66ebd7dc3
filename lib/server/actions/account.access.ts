import { expect } from "vitest";
import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { changePasswordCore, deleteAccountCore, signInCore, signOutCore, signUpCore } from "./account-core";

// Role-matrix rows for the account actions (account.ts). Each attempt calls the action's core
// with the acting user resolved from that person's session cookie.

const exists = async (world: MatrixWorld, id: string) => (await world.db.user.count({ where: { id } })) === 1;
const signedIn = async (world: MatrixWorld, key: keyof MatrixWorld["users"]) =>
  (await world.actorOf(world.request(world.users[key], "/account")))?.id === world.users[key].id;

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/account.ts#signUp",
    who: "Anyone may call: creates an account and signs it in.",
    attempts: [
      {
        label: "a visitor signs up with learner2's email",
        actor: null,
        expect: "refused",
        run: async (w) =>
          signUpCore(
            await w.as(null),
            form({ name: "Mallory", email: w.users.learner2.email, password: "sly fox jumps high" }),
          ),
        verify: async (w) => {
          expect(await w.db.user.count({ where: { email: w.users.learner2.email } })).toBe(1);
          expect(await w.canSignIn(w.users.learner2, w.users.learner2.password)).toBe(true);
        },
      },
      {
        label: "a visitor signs up as a new learner, with no role beyond learner",
        actor: null,
        expect: "allowed",
        run: async (w) =>
          signUpCore(
            await w.as(null),
            form({ name: "Nia New", email: "nia@matrix.example", password: "nia reads aws docs" }),
          ),
        verify: async (w) => {
          const nia = await w.db.user.findUniqueOrThrow({
            where: { email: "nia@matrix.example" },
            include: { roles: true },
          });
          expect(nia.roles).toEqual([]);
        },
      },
    ],
  },
  {
    target: "lib/server/actions/account.ts#signIn",
    who: "Anyone may call: signs in with email and password (throttled per account and address).",
    attempts: [
      {
        label: "learner1 signs in as learner2 with learner1's password",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          signInCore(
            await w.as(w.users.learner1),
            form({ email: w.users.learner2.email, password: w.users.learner1.password }),
          ),
        verify: async (w) => expect(await signedIn(w, "learner2")).toBe(true),
      },
      {
        label: "a visitor signs in as instructor1 with a guess",
        actor: null,
        expect: "refused",
        run: async (w) =>
          signInCore(
            await w.as(null),
            form({ email: w.users.instructor1.email, password: "guessing games" }),
          ),
      },
      {
        label: "learner2 signs in with their own password",
        actor: null,
        expect: "allowed",
        run: async (w) =>
          signInCore(
            await w.as(null),
            form({ email: w.users.learner2.email, password: w.users.learner2.password }),
          ),
      },
    ],
  },
  {
    target: "lib/server/actions/account.ts#signOut",
    who: "Anyone may call: ends the caller's own session, if any.",
    attempts: [
      {
        label: "a visitor signs out: nobody's session ends",
        actor: null,
        expect: "allowed",
        run: async (w) => signOutCore(await w.as(null)),
        verify: async (w) => {
          for (const key of ["learner1", "learner2", "instructor1", "instructor2", "admin"] as const) {
            expect(await signedIn(w, key), key).toBe(true);
          }
        },
      },
      {
        label: "learner1 signs out: only learner1's session ends",
        actor: "learner1",
        expect: "allowed",
        run: async (w) => {
          const before = w.users.learner1.cookie;
          const result = await signOutCore(await w.as(w.users.learner1));
          w.users.learner1.cookie = before;
          return result;
        },
        verify: async (w) => {
          expect(await signedIn(w, "learner1")).toBe(false);
          expect(await signedIn(w, "learner2")).toBe(true);
        },
      },
    ],
  },
  {
    target: "lib/server/actions/account.ts#changePassword",
    who: "Signed-in users, for their own account only.",
    attempts: [
      {
        label: "a visitor changes a password",
        actor: null,
        expect: "refused",
        run: async (w) =>
          changePasswordCore(
            await w.as(null),
            form({ currentPassword: w.users.learner2.password, newPassword: "taken over now ok" }),
          ),
        verify: async (w) =>
          expect(await w.canSignIn(w.users.learner2, w.users.learner2.password)).toBe(true),
      },
      {
        label: "learner1 submits learner2's current password",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          changePasswordCore(
            await w.as(w.users.learner1),
            form({ currentPassword: w.users.learner2.password, newPassword: "taken over now ok" }),
          ),
        verify: async (w) => {
          expect(await w.canSignIn(w.users.learner2, w.users.learner2.password)).toBe(true);
          expect(await w.canSignIn(w.users.learner1, w.users.learner1.password)).toBe(true);
        },
      },
      {
        label: "learner1 changes their own password; learner2 is untouched",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          changePasswordCore(
            await w.as(w.users.learner1),
            form({ currentPassword: w.users.learner1.password, newPassword: "a brand new passphrase" }),
          ),
        verify: async (w) => {
          expect(await w.canSignIn(w.users.learner1, "a brand new passphrase")).toBe(true);
          expect(await w.canSignIn(w.users.learner2, w.users.learner2.password)).toBe(true);
          expect(await signedIn(w, "learner2")).toBe(true);
        },
      },
    ],
  },
  {
    target: "lib/server/actions/account.ts#deleteAccount",
    who: "Signed-in users, for their own account only.",
    attempts: [
      {
        label: "a visitor deletes learner2",
        actor: null,
        expect: "refused",
        run: async (w) => deleteAccountCore(await w.as(null), form({ confirmEmail: w.users.learner2.email })),
        verify: async (w) => expect(await exists(w, w.users.learner2.id)).toBe(true),
      },
      {
        label: "learner1 confirms with learner2's email",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          deleteAccountCore(await w.as(w.users.learner1), form({ confirmEmail: w.users.learner2.email })),
        verify: async (w) => {
          expect(await exists(w, w.users.learner1.id)).toBe(true);
          expect(await exists(w, w.users.learner2.id)).toBe(true);
        },
      },
      {
        label: "instructor1 deletes their own account; instructor2 remains",
        actor: "instructor1",
        expect: "allowed",
        run: async (w) =>
          deleteAccountCore(
            await w.as(w.users.instructor1),
            form({ confirmEmail: w.users.instructor1.email }),
          ),
        verify: async (w) => {
          expect(await exists(w, w.users.instructor1.id)).toBe(false);
          expect(await w.db.session.count({ where: { userId: w.users.instructor1.id } })).toBe(0);
          expect(await exists(w, w.users.instructor2.id)).toBe(true);
          expect(await signedIn(w, "instructor2")).toBe(true);
        },
      },
    ],
  },
];
