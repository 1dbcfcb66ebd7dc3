import "server-only";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  type ActingUser,
  assertRole,
  assertSignedIn,
  ForbiddenError,
  type GrantableRole,
  type Role,
  rolesFrom,
} from "@/lib/server/auth/acting-user";
import { containsIgnoringCase } from "../db";
import { isUniqueViolation } from "../db/errors";

// People and their roles. Every function takes the acting user and refuses what they may not do;
// the user-facing side of an account (sign-in, passwords, sessions) is better-auth's.

/** The acting user for an account id, or null when the account is gone or disabled. */
export async function loadActingUser(db: PrismaClient, userId: string): Promise<ActingUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, disabledAt: true, roles: { select: { role: true } } },
  });
  if (!user || user.disabledAt) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: rolesFrom(user.roles.map((row) => row.role)),
  };
}

/**
 * Makes `userId` admin and instructor when it is the first account of a fresh install. Every caller
 * agrees on which account is first (oldest, ties broken by id), and the grant is made only by the
 * one transaction that inserts the install's "first-admin" claim (a primary key): however many
 * sign-ups and app processes race, one admin results, and never a second one later.
 */
export async function claimFirstAdmin(db: PrismaClient, userId: string): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.installClaim.findUnique({
        where: { name: "first-admin" },
        select: { name: true },
      });
      if (claimed) return false;
      const first = await tx.user.findFirst({
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      if (first?.id !== userId) return false;
      await tx.installClaim.create({ data: { name: "first-admin", userId } });
      await tx.userRole.createMany({
        data: [
          { userId, role: "admin" },
          { userId, role: "instructor" },
        ],
      });
      return true;
    });
  } catch (error) {
    // Another transaction inserted the claim first: it made the admin.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** A row of the admin's user list. */
export type AdminUserRow = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  createdAt: Date;
  isDisabled: boolean;
};

/** Accounts for the admin page, newest first, optionally filtered by name or email. Admins only. */
export async function listUsersForAdmin(
  db: PrismaClient,
  actor: ActingUser | null,
  options: { query?: string; limit?: number } = {},
): Promise<AdminUserRow[]> {
  assertRole(actor, "admin");
  const query = options.query?.trim();
  const users = await db.user.findMany({
    where: query
      ? { OR: [{ email: { contains: query.toLowerCase() } }, { name: containsIgnoringCase(db, query) }] }
      : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 200),
    select: {
      id: true,
      name: true,
      email: true,
      createdAt: true,
      disabledAt: true,
      roles: { select: { role: true } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    roles: rolesFrom(user.roles.map((row) => row.role)),
    createdAt: user.createdAt,
    isDisabled: user.disabledAt !== null,
  }));
}

/** The outcome of a role or status change: the target's name and roles afterwards. */
export type ChangedUser = { id: string; name: string; roles: Role[]; isDisabled: boolean };

/** The target account does not exist: actions and the CLI say "no such account". */
const unknownAccount = () =>
  new AppError("unknown-account", "There is no such account.", { internal: "No such account" });

async function changedUser(db: PrismaClient, userId: string): Promise<ChangedUser> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, disabledAt: true, roles: { select: { role: true } } },
  });
  if (!user) throw unknownAccount();
  return {
    id: user.id,
    name: user.name,
    roles: rolesFrom(user.roles.map((row) => row.role)),
    isDisabled: user.disabledAt !== null,
  };
}

/**
 * Grants or revokes a role. Admins only; an admin cannot take the admin role from themself
 * (so the last admin cannot lock everyone out by accident).
 */
export async function setGrantedRole(
  db: PrismaClient,
  actor: ActingUser | null,
  change: { userId: string; role: GrantableRole; granted: boolean },
): Promise<ChangedUser> {
  const admin = assertRole(actor, "admin");
  if (change.role === "admin" && !change.granted && change.userId === admin.id) {
    throw new ForbiddenError("An admin may not revoke their own admin role");
  }
  const exists = await db.user.findUnique({ where: { id: change.userId }, select: { id: true } });
  if (!exists) throw unknownAccount();
  if (change.granted) {
    await db.userRole.upsert({
      where: { userId_role: { userId: change.userId, role: change.role } },
      create: { userId: change.userId, role: change.role },
      update: {},
    });
  } else {
    await db.userRole.deleteMany({ where: { userId: change.userId, role: change.role } });
  }
  return changedUser(db, change.userId);
}

/**
 * Disables or re-enables an account. Admins only, and not their own. Disabling deletes the
 * account's sessions in the same transaction, so it is signed out everywhere at once.
 */
export async function setAccountDisabled(
  db: PrismaClient,
  actor: ActingUser | null,
  change: { userId: string; disabled: boolean },
): Promise<ChangedUser> {
  const admin = assertRole(actor, "admin");
  if (change.userId === admin.id) throw new ForbiddenError("An admin may not disable their own account");
  await db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: change.userId },
      data: { disabledAt: change.disabled ? new Date() : null },
    });
    if (updated.count === 0) throw unknownAccount();
    if (change.disabled) await tx.session.deleteMany({ where: { userId: change.userId } });
  });
  return changedUser(db, change.userId);
}

/** Deletes the acting user's own account; sessions, credentials, roles and progress go with it. */
export async function deleteOwnAccount(db: PrismaClient, actor: ActingUser | null): Promise<void> {
  const user = assertSignedIn(actor);
  await db.user.deleteMany({ where: { id: user.id } });
}

/** Whether an account is disabled (sign-in refuses those); false for unknown ids. */
export async function isAccountDisabled(db: PrismaClient, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
  return Boolean(user?.disabledAt);
}

/** Whether the account with this email (as typed: trimmed, any case) is disabled; false for unknown ones. */
export async function isEmailDisabled(db: PrismaClient, email: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { disabledAt: true },
  });
  return Boolean(user?.disabledAt);
}

/** The id of the account with this email, for the operator's command line. */
export async function findUserIdByEmail(db: PrismaClient, email: string): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  return user?.id ?? null;
}
