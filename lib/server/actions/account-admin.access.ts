import { expect } from "vitest";
import type { AccessRow, MatrixUserKey, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { form } from "@/lib/server/auth/access-matrix/world";
import { setAccountDisabledCore, setInstructorRoleCore } from "./account-admin-core";

// Role-matrix rows for the admin actions (account-admin.ts).

const rolesOf = async (world: MatrixWorld, key: MatrixUserKey) =>
  (
    await world.db.userRole.findMany({ where: { userId: world.users[key].id }, orderBy: { role: "asc" } })
  ).map((row) => row.role);
const isDisabled = async (world: MatrixWorld, key: MatrixUserKey) =>
  (await world.db.user.findUniqueOrThrow({ where: { id: world.users[key].id } })).disabledAt !== null;

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/account-admin.ts#setInstructorRole",
    who: "Admins only: grant or revoke the instructor role.",
    attempts: [
      {
        label: "a visitor makes learner2 an instructor",
        actor: null,
        expect: "refused",
        run: async (w) =>
          setInstructorRoleCore(await w.as(null), form({ userId: w.users.learner2.id, grant: "true" })),
        verify: async (w) => expect(await rolesOf(w, "learner2")).toEqual([]),
      },
      {
        label: "learner1 makes learner2 an instructor",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          setInstructorRoleCore(
            await w.as(w.users.learner1),
            form({ userId: w.users.learner2.id, grant: "true" }),
          ),
        verify: async (w) => expect(await rolesOf(w, "learner2")).toEqual([]),
      },
      {
        label: "learner1 makes themself an instructor",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          setInstructorRoleCore(
            await w.as(w.users.learner1),
            form({ userId: w.users.learner1.id, grant: "true" }),
          ),
        verify: async (w) => expect(await rolesOf(w, "learner1")).toEqual([]),
      },
      {
        label: "instructor1 revokes instructor2",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          setInstructorRoleCore(
            await w.as(w.users.instructor1),
            form({ userId: w.users.instructor2.id, grant: "false" }),
          ),
        verify: async (w) => expect(await rolesOf(w, "instructor2")).toEqual(["instructor"]),
      },
      {
        label: "the admin makes learner1 an instructor",
        actor: "admin",
        expect: "allowed",
        run: async (w) =>
          setInstructorRoleCore(
            await w.as(w.users.admin),
            form({ userId: w.users.learner1.id, grant: "true" }),
          ),
        verify: async (w) => {
          expect(await rolesOf(w, "learner1")).toEqual(["instructor"]);
          expect(await rolesOf(w, "learner2")).toEqual([]);
        },
      },
    ],
  },
  {
    target: "lib/server/actions/account-admin.ts#setAccountDisabled",
    who: "Admins only, never on their own account: disable (ending its sessions) or enable an account.",
    attempts: [
      {
        label: "a visitor disables learner2",
        actor: null,
        expect: "refused",
        run: async (w) =>
          setAccountDisabledCore(await w.as(null), form({ userId: w.users.learner2.id, disabled: "true" })),
        verify: async (w) => expect(await isDisabled(w, "learner2")).toBe(false),
      },
      {
        label: "learner1 disables learner2",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          setAccountDisabledCore(
            await w.as(w.users.learner1),
            form({ userId: w.users.learner2.id, disabled: "true" }),
          ),
        verify: async (w) => expect(await isDisabled(w, "learner2")).toBe(false),
      },
      {
        label: "instructor1 disables learner1, a would-be student",
        actor: "instructor1",
        expect: "refused",
        run: async (w) =>
          setAccountDisabledCore(
            await w.as(w.users.instructor1),
            form({ userId: w.users.learner1.id, disabled: "true" }),
          ),
        verify: async (w) => expect(await isDisabled(w, "learner1")).toBe(false),
      },
      {
        label: "the admin disables their own account",
        actor: "admin",
        expect: "refused",
        run: async (w) =>
          setAccountDisabledCore(
            await w.as(w.users.admin),
            form({ userId: w.users.admin.id, disabled: "true" }),
          ),
        verify: async (w) => expect(await isDisabled(w, "admin")).toBe(false),
      },
      {
        label: "the admin disables learner2, whose sessions end",
        actor: "admin",
        expect: "allowed",
        run: async (w) =>
          setAccountDisabledCore(
            await w.as(w.users.admin),
            form({ userId: w.users.learner2.id, disabled: "true" }),
          ),
        verify: async (w) => {
          expect(await isDisabled(w, "learner2")).toBe(true);
          expect(await w.db.session.count({ where: { userId: w.users.learner2.id } })).toBe(0);
          expect(await isDisabled(w, "learner1")).toBe(false);
        },
      },
    ],
  },
];
