import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ActingUser } from "@/lib/server/auth/acting-user";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { exportOwnData } from "./user-export";
import {
  claimFirstAdmin,
  deleteOwnAccount,
  listUsersForAdmin,
  loadActingUser,
  setAccountDisabled,
  setGrantedRole,
} from "./users";

let database: TestDatabase;

async function createUser(id: string, createdAt = new Date("2026-11-27T09:00:00Z")): Promise<ActingUser> {
  await database.prisma.user.create({
    data: { id, name: `Name ${id}`, email: `${id}@example.com`, createdAt, updatedAt: createdAt },
  });
  const user = await loadActingUser(database.prisma, id);
  if (!user) throw new Error("user not created");
  return user;
}

async function addSession(userId: string, token: string) {
  await database.prisma.session.create({
    data: {
      id: `s-${token}`,
      token,
      userId,
      expiresAt: new Date(Date.now() + 3_600_000),
      updatedAt: new Date(),
    },
  });
}

beforeEach(() => {
  database = createTestDatabase();
});

afterEach(async () => {
  await database.cleanup();
});

describe("the first admin", () => {
  it("is the oldest account, decided once even when sign-ups race", async () => {
    await createUser("b-second", new Date("2026-11-27T09:00:00.000Z"));
    await createUser("a-first", new Date("2026-11-27T09:00:00.000Z"));
    await createUser("c-third", new Date("2026-11-27T09:00:01.000Z"));
    const claims = await Promise.all(
      ["c-third", "b-second", "a-first", "a-first", "b-second"].map((id) =>
        claimFirstAdmin(database.prisma, id),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const admins = await database.prisma.userRole.findMany({ where: { role: "admin" } });
    expect(admins.map((row) => row.userId)).toEqual(["a-first"]);
    expect((await loadActingUser(database.prisma, "a-first"))?.roles).toEqual([
      "learner",
      "instructor",
      "admin",
    ]);
    expect((await loadActingUser(database.prisma, "c-third"))?.roles).toEqual(["learner"]);
  });

  it("is never granted once an admin exists", async () => {
    await createUser("first");
    expect(await claimFirstAdmin(database.prisma, "first")).toBe(true);
    await database.prisma.user.delete({ where: { id: "first" } });
    await createUser("older", new Date("2020-01-01T00:00:00Z"));
    await createUser("newer");
    expect(await claimFirstAdmin(database.prisma, "newer")).toBe(false);
  });
});

describe("roles and account status", () => {
  let admin: ActingUser;
  let learner: ActingUser;
  let other: ActingUser;

  beforeEach(async () => {
    admin = await createUser("admin");
    await claimFirstAdmin(database.prisma, "admin");
    admin = (await loadActingUser(database.prisma, "admin")) as ActingUser;
    learner = await createUser("learner");
    other = await createUser("other");
  });

  it("lets admins grant and revoke the instructor role", async () => {
    expect(
      (
        await setGrantedRole(database.prisma, admin, {
          userId: learner.id,
          role: "instructor",
          granted: true,
        })
      ).roles,
    ).toEqual(["learner", "instructor"]);
    expect(
      (
        await setGrantedRole(database.prisma, admin, {
          userId: learner.id,
          role: "instructor",
          granted: false,
        })
      ).roles,
    ).toEqual(["learner"]);
  });

  it("refuses role changes and listings by non-admins, and an admin demoting themself", async () => {
    await expect(
      setGrantedRole(database.prisma, learner, { userId: other.id, role: "instructor", granted: true }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      setGrantedRole(database.prisma, null, { userId: other.id, role: "instructor", granted: true }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(listUsersForAdmin(database.prisma, learner)).rejects.toMatchObject({ status: 403 });
    await expect(
      setGrantedRole(database.prisma, admin, { userId: admin.id, role: "admin", granted: false }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      setGrantedRole(database.prisma, admin, { userId: "missing", role: "instructor", granted: true }),
    ).rejects.toMatchObject({ code: "unknown-account", userMessage: "There is no such account." });
    expect((await loadActingUser(database.prisma, other.id))?.roles).toEqual(["learner"]);
  });

  it("disabling an account deletes its sessions at once and hides it from the session lookup", async () => {
    await addSession(learner.id, "learner-token-1");
    await addSession(learner.id, "learner-token-2");
    await addSession(other.id, "other-token");
    const changed = await setAccountDisabled(database.prisma, admin, { userId: learner.id, disabled: true });
    expect(changed.isDisabled).toBe(true);
    expect(await database.prisma.session.count({ where: { userId: learner.id } })).toBe(0);
    expect(await database.prisma.session.count({ where: { userId: other.id } })).toBe(1);
    expect(await loadActingUser(database.prisma, learner.id)).toBeNull();
    await setAccountDisabled(database.prisma, admin, { userId: learner.id, disabled: false });
    expect(await loadActingUser(database.prisma, learner.id)).not.toBeNull();
  });

  it("refuses disabling by non-admins and an admin disabling themself", async () => {
    await expect(
      setAccountDisabled(database.prisma, learner, { userId: other.id, disabled: true }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      setAccountDisabled(database.prisma, admin, { userId: admin.id, disabled: true }),
    ).rejects.toMatchObject({
      status: 403,
    });
    expect(await loadActingUser(database.prisma, other.id)).not.toBeNull();
  });

  it("lists accounts for admins, filtered by name or email", async () => {
    const all = await listUsersForAdmin(database.prisma, admin);
    expect(all.map((row) => row.id).sort()).toEqual(["admin", "learner", "other"]);
    const found = await listUsersForAdmin(database.prisma, admin, { query: "LEARNER@" });
    expect(found.map((row) => row.id)).toEqual(["learner"]);
    // A name matches whatever its case, on PostgreSQL as on SQLite.
    const byName = await listUsersForAdmin(database.prisma, admin, { query: "name OTHER" });
    expect(byName.map((row) => row.id)).toEqual(["other"]);
  });

  it("deletes only the acting user's own account, with its sessions and roles", async () => {
    await addSession(learner.id, "learner-token");
    await setGrantedRole(database.prisma, admin, { userId: learner.id, role: "instructor", granted: true });
    await deleteOwnAccount(database.prisma, learner);
    expect(await database.prisma.user.count({ where: { id: learner.id } })).toBe(0);
    expect(await database.prisma.session.count({ where: { userId: learner.id } })).toBe(0);
    expect(await database.prisma.userRole.count({ where: { userId: learner.id } })).toBe(0);
    expect(await database.prisma.user.count()).toBe(2);
    await expect(deleteOwnAccount(database.prisma, null)).rejects.toMatchObject({ status: 401 });
  });

  it("exports the acting user's own data and nobody else's, without secrets", async () => {
    await addSession(learner.id, "secret-session-token");
    await database.prisma.account.create({
      data: {
        id: "acc-1",
        accountId: learner.id,
        providerId: "credential",
        userId: learner.id,
        password: "$scrypt$hash-marker",
        updatedAt: new Date(),
      },
    });
    const document = await exportOwnData(database.prisma, learner, new Date("2026-11-27T10:00:00Z"));
    const text = JSON.stringify(document);
    expect(document).toMatchObject({
      format: "taskdeck-export/1",
      account: { id: learner.id, email: learner.email },
    });
    expect(text).toContain("credential");
    expect(text).not.toContain("secret-session-token");
    expect(text).not.toContain("hash-marker");
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(admin.email);
    await expect(exportOwnData(database.prisma, null)).rejects.toMatchObject({ status: 401 });
  });
});
