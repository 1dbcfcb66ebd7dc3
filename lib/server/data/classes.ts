import "server-only";
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type ActingUser, assertRole, ForbiddenError } from "../auth/acting-user";
import { finishAttempt, finishOverdue } from "./attempts";

// Classes and their rosters. An instructor sees and changes only the classes they own; a learner
// joins with the code and sees only their own membership.

// No 0/O, 1/I/L: codes are read aloud and typed.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A fresh 8-character join code. */
export function newJoinCode(): string {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
}

/** Instructors: a new class they own, with its join code. */
export async function createClass(db: PrismaClient, actor: ActingUser, input: { name: string }) {
  const me = assertRole(actor, "instructor");
  return db.class.create({
    data: { ownerId: me.id, name: input.name, joinCode: newJoinCode() },
    select: { id: true, name: true, joinCode: true },
  });
}

/** The classes an instructor owns, with roster and quiz counts. */
export async function listOwnedClasses(db: PrismaClient, actor: ActingUser) {
  if (!actor.roles.includes("instructor")) return [];
  return db.class.findMany({
    where: { ownerId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, joinCode: true, _count: { select: { members: true, quizzes: true } } },
  });
}

/** The classes a learner has joined. */
export async function listJoinedClasses(db: PrismaClient, actor: ActingUser) {
  return db.class.findMany({
    where: { members: { some: { userId: actor.id } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** One class with its roster, for its owner only (null for anyone else or a missing class). */
export async function getOwnedClass(db: PrismaClient, actor: ActingUser, classId: string) {
  if (!actor.roles.includes("instructor")) return null;
  return db.class.findFirst({
    where: { id: classId, ownerId: actor.id },
    select: {
      id: true,
      name: true,
      joinCode: true,
      members: {
        orderBy: { joinedAt: "asc" },
        select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
      },
      blocks: {
        orderBy: { blockedAt: "asc" },
        select: { blockedAt: true, user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}

/** Throws unless the actor is an instructor who owns the class. */
export async function assertOwnsClass(db: PrismaClient, actor: ActingUser, classId: string) {
  const me = assertRole(actor, "instructor");
  const found = await db.class.findFirst({ where: { id: classId, ownerId: me.id }, select: { id: true } });
  if (!found) throw new ForbiddenError(`User ${me.id} does not own class ${classId}`);
  return me;
}

/** What the join page shows about a code: the class name only. */
export async function classByCode(db: PrismaClient, code: string) {
  return db.class.findUnique({ where: { joinCode: code.toUpperCase() }, select: { id: true, name: true } });
}

/** Signed-in people: join the class with this code (joining twice is harmless), unless blocked. */
export async function joinClass(db: PrismaClient, actor: ActingUser, code: string) {
  const found = await classByCode(db, code);
  if (!found) throw new AppError("not-found", "No class has that code.");
  const blocked = await db.classBlock.count({ where: { classId: found.id, userId: actor.id } });
  if (blocked > 0) throw new AppError("invalid", "The instructor of this class has not let you join it.");
  await db.classMember.upsert({
    where: { classId_userId: { classId: found.id, userId: actor.id } },
    create: { classId: found.id, userId: actor.id },
    update: {},
  });
  return found;
}

/**
 * The class's owner removes a learner from the roster. Their open attempts at the class's quizzes
 * end now and are graded as they stand (overdue ones at their deadline); past attempts stay in the
 * gradebook. The membership goes first, so every attempt action refuses them from then on.
 */
export async function removeMember(
  db: PrismaClient,
  actor: ActingUser,
  classId: string,
  userId: string,
  now: Date = new Date(),
) {
  await assertOwnsClass(db, actor, classId);
  await db.classMember.deleteMany({ where: { classId, userId } });
  await endOpenAttempts(db, classId, userId, now);
}

/** Finishes a person's open attempts at a class's quizzes: graded from what was saved. */
async function endOpenAttempts(db: PrismaClient, classId: string, userId: string, now: Date) {
  await finishOverdue(db, { classId, userId }, now);
  const open = await db.quizAttempt.findMany({
    where: { userId, status: "open", quiz: { classId } },
    select: { id: true },
  });
  for (const attempt of open) await finishAttempt(db, attempt.id, "submitted", now);
}

/**
 * The class's owner blocks someone on the roster (or who has attempts in the class) from joining
 * again: removed as above, and refused by joinClass until unblocked.
 */
export async function blockMember(
  db: PrismaClient,
  actor: ActingUser,
  classId: string,
  userId: string,
  now: Date = new Date(),
) {
  await assertOwnsClass(db, actor, classId);
  const [member, attempts] = await Promise.all([
    db.classMember.count({ where: { classId, userId } }),
    db.quizAttempt.count({ where: { userId, quiz: { classId } } }),
  ]);
  if (member + attempts === 0) throw new AppError("not-found", "That learner is not in this class.");
  await db.classBlock.upsert({
    where: { classId_userId: { classId, userId } },
    create: { classId, userId, blockedAt: now },
    update: {},
  });
  await removeMember(db, actor, classId, userId, now);
}

/** The class's owner lets a blocked person join again (with the current code). */
export async function unblockMember(db: PrismaClient, actor: ActingUser, classId: string, userId: string) {
  await assertOwnsClass(db, actor, classId);
  await db.classBlock.deleteMany({ where: { classId, userId } });
}

/** The class's owner replaces the join code: the old code and link stop working at once. */
export async function rotateJoinCode(db: PrismaClient, actor: ActingUser, classId: string) {
  await assertOwnsClass(db, actor, classId);
  for (let tries = 0; ; tries += 1) {
    try {
      return await db.class.update({
        where: { id: classId },
        data: { joinCode: newJoinCode() },
        select: { joinCode: true },
      });
    } catch (error) {
      // Another class holds the new code (one chance in 31^8): draw again.
      if ((error as { code?: string }).code !== "P2002" || tries >= 4) throw error;
    }
  }
}

/** True when the learner is on the class's roster. */
export async function isMember(db: PrismaClient, userId: string, classId: string) {
  return (await db.classMember.count({ where: { classId, userId } })) > 0;
}
