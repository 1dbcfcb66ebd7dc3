import "server-only";
import { randomBytes } from "node:crypto";
import type { Bank } from "@/lib/bank";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { serverText } from "@/lib/server/i18n/server-text";
import type { ActingUser } from "../auth/acting-user";
import { assertRole } from "../auth/acting-user";
import type { FindingCount, UploadFinding, UploadInput } from "../banks/check-upload";
import { checkUploadOffThread, prepareUploadOffThread } from "../banks/check-upload-thread";
import { questionRow } from "../banks/upload-rows";
import { type NewQuestionRow, storeOf } from "../db";
import { giveWay } from "../give-way";

// Instructors' own banks: pasted or uploaded Markdown (or another format importBank converts),
// checked by the same engine as content/ (in a worker thread on the server: a 1 MB bank takes a
// second or more to parse), saved whole or not at all. Stored ids carry the upload's
// prefix so they can never collide with (or take over) a shipped question. A bank is private (its
// owner's quizzes only) until its owner publishes it (every instructor's quizzes, learners' study).

export type { FindingCount, UploadFinding, UploadInput };
/**
 * A saved bank with its warnings (the first ones listed, all of them counted by code), or the
 * errors that kept it from being saved. Warnings never keep a bank from being saved.
 */
export type UploadOutcome =
  | {
      ok: true;
      bankId: string;
      title: string;
      questions: number;
      warnings: UploadFinding[];
      counts: FindingCount[];
    }
  | { ok: false; findings: UploadFinding[]; counts: FindingCount[] };

export const BANK_VISIBILITIES = ["private", "published"] as const;
export type UploadVisibility = (typeof BANK_VISIBILITIES)[number];

const bankColumns = (meta: Bank["meta"], now: Date) => ({
  title: meta.title,
  topic: meta.topic,
  domains: JSON.stringify(meta.domains),
  language: meta.language,
  version: String(meta.version),
  authors: JSON.stringify(meta.authors),
  lastSyncedAt: now,
});

const CREATE_BATCH = 100;

/** Questions per short transaction when a new upload is written in stages. */
const STAGED_BATCH = 50;

/**
 * Writes a new upload's question rows (made off the request thread: upload-rows.ts) in short
 * transactions of STAGED_BATCH, each one prepared multi-row INSERT per table
 * (Store.insertNewQuestions), yielding to the event loop between them, so other requests (which
 * share the connection's lock) wait for one batch at most instead of the whole bank. One long
 * transaction would hold SQLite's write lock throughout, and every other learner's write would
 * wait, then fail as busy. The bank is staged instead: it has no owner row until the last step,
 * one insert that publishes it whole (a private bank is its owner's only; an ownerless one is no
 * one's). On any error it is deleted with its questions; one left by a process that died
 * mid-write is swept by the next upload (sweepAbandonedUploads).
 */
async function writeNewUploadInStages(
  db: PrismaClient,
  bankId: string,
  rows: readonly NewQuestionRow[],
  now: Date,
  own: () => Promise<unknown>,
) {
  const store = storeOf(db);
  try {
    for (let start = 0; start < rows.length; start += STAGED_BATCH) {
      await store.insertNewQuestions(rows.slice(start, start + STAGED_BATCH), now);
      await giveWay();
    }
    await own();
  } catch (error) {
    await db.bank.deleteMany({ where: { id: bankId } }).catch(() => undefined);
    throw error;
  }
}

/** How long an ownerless upload may be in the writing before it counts as abandoned. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Deletes uploads that never got their owner row and started writing over an hour ago: a server
 * that stopped mid-write left them (no one can see them; the largest bank is written in seconds).
 */
async function sweepAbandonedUploads(db: PrismaClient, now: Date) {
  await db.bank.deleteMany({
    where: {
      file: { startsWith: "upload:" },
      upload: { is: null },
      lastSyncedAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) },
    },
  });
}

/**
 * Writes a checked bank's questions under the upload's prefix, keyed by the author's question ids
 * so a new version keeps each question's history: new ones are added, edited ones get a new
 * revision, and ones no longer in the bank are retired (attempts that drew them keep them).
 */
async function writeQuestions(
  tx: Prisma.TransactionClient,
  bankId: string,
  uploadId: string,
  bank: Bank,
  now: Date,
) {
  const existing = new Map(
    (
      await tx.question.findMany({
        where: { bankId },
        select: { id: true, contentHash: true, revision: true },
      })
    ).map((row) => [row.id, row]),
  );
  const kept = new Set<string>();
  const created: Prisma.QuestionCreateManyInput[] = [];
  for (const [position, original] of bank.questions.entries()) {
    const { question, data, contentHash, fields } = questionRow(bank, uploadId, original, position);
    kept.add(question.id);
    const before = existing.get(question.id);
    if (!before) {
      created.push({ id: question.id, bankId, ...fields, data, contentHash });
    } else if (before.contentHash !== contentHash) {
      const revision = before.revision + 1;
      await tx.question.update({
        where: { id: question.id },
        data: { ...fields, data, contentHash, revision },
      });
      await tx.questionRevision.create({ data: { questionId: question.id, revision, contentHash, data } });
    } else {
      await tx.question.update({ where: { id: question.id }, data: fields });
    }
  }
  // New questions go in batches of 100: one INSERT per batch instead of two per question. Writing
  // 5,000 questions took 45.6 s one by one and 10.8 s in batches of 100 (500-row batches were
  // slower: Prisma compiles each statement), on a loaded 2-core machine, while every other
  // request waited on the connection's lock. Still too long: see docs/benchmarks.md, "Upload".
  for (let i = 0; i < created.length; i += CREATE_BATCH) {
    const batch = created.slice(i, i + CREATE_BATCH);
    await tx.question.createMany({ data: batch });
    await tx.questionRevision.createMany({
      data: batch.map((q) => ({ questionId: q.id, revision: 1, contentHash: q.contentHash, data: q.data })),
    });
  }
  const leaving = [...existing.keys()].filter((id) => !kept.has(id));
  if (leaving.length > 0)
    await tx.question.updateMany({
      where: { id: { in: leaving }, retiredAt: null },
      data: { retiredAt: now },
    });
}

/**
 * Checks `text` and, when it has no error, saves it as a bank private to the instructor.
 * Nothing is written when there is any error.
 */
export async function uploadInstructorBank(
  db: PrismaClient,
  actor: ActingUser,
  input: UploadInput,
  now: Date,
): Promise<UploadOutcome> {
  const me = assertRole(actor, "instructor");
  const uploadId = `u${randomBytes(5).toString("hex")}`;
  const prepared = await prepareUploadOffThread(input, uploadId);
  if (!prepared.ok) return prepared;
  const { bankId, meta, rows } = prepared;
  await sweepAbandonedUploads(db, now);
  await db.bank.create({
    data: {
      id: bankId,
      ...bankColumns(meta, now),
      file: `upload:${uploadId}`,
      sourceHash: uploadId,
      visibility: "private",
    },
  });
  await writeNewUploadInStages(db, bankId, rows, now, () =>
    db.instructorBank.create({ data: { bankId, ownerId: me.id, authorId: meta.id } }),
  );
  return {
    ok: true,
    bankId,
    title: meta.title,
    questions: rows.length,
    warnings: prepared.warnings,
    counts: prepared.counts,
  };
}

/** The instructor's own bank, with the prefix its question ids carry; null for anyone else's. */
async function ownedBank(db: PrismaClient, actor: ActingUser, bankId: string) {
  const me = assertRole(actor, "instructor");
  const row = await db.instructorBank.findFirst({
    where: { bankId, ownerId: me.id },
    select: { bankId: true, bank: { select: { title: true, file: true, topic: true, visibility: true } } },
  });
  if (!row) return null;
  return { ...row, uploadId: row.bank.file.replace(/^upload:/, "") };
}

const NO_BANK = () => new AppError("not-found", serverText("teach.refusal")("noBank"));

/**
 * The owner: a new version of their bank, checked like an upload. Nothing changes when it has an
 * error; otherwise questions keep their ids (and learners' history), as bank sync does for content/.
 */
export async function replaceInstructorBank(
  db: PrismaClient,
  actor: ActingUser,
  bankId: string,
  input: UploadInput,
  now: Date,
): Promise<UploadOutcome> {
  const owned = await ownedBank(db, actor, bankId);
  if (!owned) throw NO_BANK();
  const checked = await checkUploadOffThread(input);
  if (!checked.ok) return checked;
  const { bank } = checked;
  await db.$transaction(async (tx) => {
    await tx.bank.update({ where: { id: bankId }, data: bankColumns(bank.meta, now) });
    await tx.instructorBank.update({ where: { bankId }, data: { authorId: bank.meta.id } });
    await writeQuestions(tx, bankId, owned.uploadId, bank, now);
  });
  return {
    ok: true,
    bankId,
    title: bank.meta.title,
    questions: bank.questions.length,
    warnings: checked.warnings,
    counts: checked.counts,
  };
}

/** What uses a bank: quizzes that list its questions or whose attempts drew them, by owner. */
export async function bankUsage(db: PrismaClient, actor: ActingUser, bankId: string) {
  const owned = await ownedBank(db, actor, bankId);
  if (!owned) throw NO_BANK();
  // Every question id of the bank starts with the upload's prefix.
  const prefix = JSON.stringify(`${owned.uploadId}.`).slice(0, -1);
  const quizzes = await db.quiz.findMany({
    where: {
      OR: [
        { questionIds: { contains: prefix } },
        { attempts: { some: { items: { contains: `"questionId":${prefix}` } } } },
      ],
    },
    select: { id: true, title: true, ownerId: true },
    orderBy: { createdAt: "asc" },
  });
  const mine = quizzes.filter((q) => q.ownerId === actor.id).map((q) => ({ id: q.id, title: q.title }));
  return { mine, others: quizzes.length - mine.length };
}

/**
 * The owner: publishes their bank (every instructor's quiz builder, learners' study) or makes it
 * private again. Returns how many other instructors' quizzes use it: after unpublishing, their
 * new attempts no longer draw its questions (attempts made keep them).
 */
export async function setBankVisibility(
  db: PrismaClient,
  actor: ActingUser,
  bankId: string,
  visibility: UploadVisibility,
) {
  const owned = await ownedBank(db, actor, bankId);
  if (!owned) throw NO_BANK();
  await db.bank.update({ where: { id: bankId }, data: { visibility } });
  const usage = await bankUsage(db, actor, bankId);
  return { visibility, othersUsing: usage.others };
}

/**
 * The owner: deletes their bank. Refused while a quiz lists its questions or has attempts that
 * drew them (those grades would lose their questions): the refusal names the owner's quizzes.
 */
export async function deleteInstructorBank(db: PrismaClient, actor: ActingUser, bankId: string) {
  const owned = await ownedBank(db, actor, bankId);
  if (!owned) throw NO_BANK();
  const usage = await bankUsage(db, actor, bankId);
  if (usage.mine.length > 0 || usage.others > 0) {
    // Said in the language of the request (English outside one).
    const t = serverText("teach.refusal");
    const named = usage.mine.map((q) => `“${q.title}”`).join(", ");
    const mine = named ? t("yourQuizzes", { count: usage.mine.length, named }) : "";
    const others = usage.others ? t("othersQuizzes", { count: usage.others }) : "";
    const users = mine && others ? t("both", { mine, others }) : mine || others;
    throw new AppError("conflict", t("inUse", { users }));
  }
  await db.bank.delete({ where: { id: bankId } });
  return { title: owned.bank.title };
}

/** The instructor's own banks, with their visibility. */
export async function listInstructorBanks(db: PrismaClient, actor: ActingUser) {
  if (!actor.roles.includes("instructor")) return [];
  return db.instructorBank.findMany({
    where: { ownerId: actor.id },
    orderBy: { createdAt: "desc" },
    select: {
      bankId: true,
      createdAt: true,
      bank: {
        select: {
          title: true,
          /** The bank's own language (its front matter's `language:`), for its title's `lang`. */
          language: true,
          topic: true,
          visibility: true,
          lastSyncedAt: true,
          _count: { select: { questions: { where: { retiredAt: null } } } },
        },
      },
    },
  });
}
