import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { toPublicAnswer } from "@/lib/quiz";
import { type ActingUser, assertSignedIn, rolesFrom } from "@/lib/server/auth/acting-user";
import { learnerMaySeeReview } from "./attempt-review";
import { mayCheck } from "./attempts";
import { readAttemptItems, readSavedAnswer } from "./json-columns";

// "Export my data": everything Taskdeck keeps about the acting user, and nothing about anyone
// else. Each feature that stores rows for a person adds a section here, reading only rows
// whose owner is `userId` (and never secrets: no password hashes, no session tokens).

/** One part of the export: a name and the rows it collects for one account. */
export type UserDataSection = {
  name: string;
  collect: (db: PrismaClient, userId: string, now: Date) => Promise<unknown>;
};

export const USER_DATA_SECTIONS: UserDataSection[] = [
  {
    name: "account",
    async collect(db, userId) {
      const user = await db.user.findUniqueOrThrow({
        where: { id: userId },
        select: {
          id: true,
          name: true,
          email: true,
          createdAt: true,
          updatedAt: true,
          roles: { select: { role: true, grantedAt: true } },
        },
      });
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
        roles: rolesFrom(user.roles.map((row) => row.role)),
        grantedRoles: user.roles,
      };
    },
  },
  {
    name: "sessions",
    collect: (db, userId) =>
      db.session.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true },
      }),
  },
  {
    name: "signInMethods",
    collect: (db, userId) =>
      db.account.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { providerId: true, createdAt: true, updatedAt: true },
      }),
  },
  {
    name: "studySettings",
    collect: (db, userId) => db.studySettings.findUnique({ where: { userId } }),
  },
  {
    name: "studyCards",
    collect: (db, userId) => db.studyCard.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  },
  {
    name: "reviewLog",
    collect: (db, userId) => db.review.findMany({ where: { userId }, orderBy: { serverTime: "asc" } }),
  },
  {
    name: "questionReports",
    collect: (db, userId) => db.questionReport.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  },
  // Quizzes and exams (issue 7): classes taught, classes joined, quizzes built, and own attempts.
  {
    name: "classesTaught",
    collect: (db, userId) =>
      db.class.findMany({
        where: { ownerId: userId },
        orderBy: { createdAt: "asc" },
        select: { id: true, name: true, joinCode: true, createdAt: true },
      }),
  },
  {
    name: "classMemberships",
    collect: (db, userId) =>
      db.classMember.findMany({
        where: { userId },
        orderBy: { joinedAt: "asc" },
        select: { joinedAt: true, class: { select: { id: true, name: true } } },
      }),
  },
  {
    name: "classBlocks",
    collect: (db, userId) =>
      db.classBlock.findMany({
        where: { userId },
        orderBy: { blockedAt: "asc" },
        select: { blockedAt: true, class: { select: { id: true, name: true } } },
      }),
  },
  {
    name: "quizzesBuilt",
    collect: (db, userId) => db.quiz.findMany({ where: { ownerId: userId }, orderBy: { createdAt: "asc" } }),
  },
  {
    name: "quizAttempts",
    collect: (db, userId, now) => exportAttempts(db, userId, now),
  },
  {
    name: "banksUploaded",
    collect: (db, userId) =>
      db.instructorBank.findMany({
        where: { ownerId: userId },
        orderBy: { createdAt: "asc" },
        select: {
          bankId: true,
          createdAt: true,
          bank: {
            select: {
              title: true,
              topic: true,
              visibility: true,
              questions: { select: { id: true, data: true, retiredAt: true }, orderBy: { position: "asc" } },
            },
          },
        },
      }),
  },
  {
    // The learner's personal decks (visibility "personal"), with every card as stored.
    name: "decks",
    collect: (db, userId) =>
      db.bank.findMany({
        where: { visibility: "personal", ownerId: userId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          description: true,
          createdAt: true,
          questions: { select: { id: true, revision: true, data: true }, orderBy: { position: "asc" } },
        },
      }),
  },
];

/** The export document for the acting user. */
export async function exportOwnData(
  db: PrismaClient,
  actor: ActingUser | null,
  now: Date = new Date(),
): Promise<Record<string, unknown>> {
  const user = assertSignedIn(actor);
  const document: Record<string, unknown> = { format: "taskdeck-export/1", exportedAt: now.toISOString() };
  for (const section of USER_DATA_SECTIONS) document[section.name] = await section.collect(db, user.id, now);
  return document;
}

/**
 * The learner's attempts, under the results page's own release rule (`learnerMaySeeReview`): until
 * the review is allowed, no answer says whether it was right (except one the learner checked under
 * immediate feedback, which they were shown), and answers name options by the attempt's opaque ids
 * rather than bank keys (an ordering question's keys are its answer).
 */
async function exportAttempts(db: PrismaClient, userId: string, now: Date) {
  const attempts = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { startedAt: "asc" },
    include: {
      quiz: { select: { feedback: true, closesAt: true, mode: true } },
      answers: {
        orderBy: { questionId: "asc" },
        select: { questionId: true, answer: true, flagged: true, isCorrect: true, checkedAt: true },
      },
    },
  });
  return attempts.map(({ quiz, answers, items: itemsJson, ...attempt }) => {
    const released = learnerMaySeeReview({ ...attempt, quiz }, now);
    const items = readAttemptItems(itemsJson);
    const byQuestion = new Map(items.map((i) => [i.questionId, i]));
    return {
      ...attempt,
      reviewReleased: released,
      items: items.map((i) => ({ questionId: i.questionId, revision: i.revision })),
      answers: answers.map((a) => {
        const item = byQuestion.get(a.questionId);
        const shown = released || (a.checkedAt !== null && mayCheck(quiz));
        const given = readSavedAnswer(a.answer);
        return {
          questionId: a.questionId,
          answer: released || !item ? given : toPublicAnswer(item, given),
          flagged: a.flagged,
          isCorrect: shown ? a.isCorrect : null,
          checkedAt: a.checkedAt,
        };
      }),
    };
  });
}
