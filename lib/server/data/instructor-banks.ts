import "server-only";
import { randomBytes } from "node:crypto";
import { checkBanks, type Finding, type ImportFormat, importBank, questionContentHash } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { validateSimBlock } from "@/lib/sim";
import { type ActingUser, assertRole } from "../auth/acting-user";

// Instructors' own banks: pasted or uploaded Markdown (or another format importBank converts),
// checked by the same engine as content/, saved whole or not at all. Stored ids carry the upload's
// prefix so they can never collide with (or take over) a shipped question.

export type UploadFinding = Pick<Finding, "severity" | "line" | "column" | "message"> & { hint?: string };
export type UploadOutcome =
  | { ok: true; bankId: string; title: string; questions: number; warnings: UploadFinding[] }
  | { ok: false; findings: UploadFinding[] };

const toFinding = (f: Finding): UploadFinding => ({
  severity: f.severity,
  line: f.line,
  column: f.column,
  message: f.message,
  ...(f.hint ? { hint: f.hint } : {}),
});

/**
 * Checks `text` and, when it has no error, saves it as a bank private to the instructor.
 * Nothing is written when there is any error.
 */
export async function uploadInstructorBank(
  db: PrismaClient,
  actor: ActingUser,
  input: { text: string; fileName: string; format: ImportFormat },
  now: Date,
): Promise<UploadOutcome> {
  const me = assertRole(actor, "instructor");
  const file = `upload:${input.fileName}`;
  let markdown = input.text;
  if (input.format !== "gfm") {
    const imported = importBank(input.text, { file, format: input.format });
    const errors = imported.findings.filter((f) => f.severity === "error");
    if (errors.length > 0 || !imported.markdown) return { ok: false, findings: errors.map(toFinding) };
    markdown = imported.markdown;
  }
  const { banks, findings } = checkBanks([{ file, text: markdown }], { validateSim: validateSimBlock });
  const errors = findings.filter((f) => f.severity === "error");
  const bank = banks[0];
  if (errors.length > 0 || !bank) return { ok: false, findings: errors.map(toFinding) };
  if (bank.questions.length === 0)
    return {
      ok: false,
      findings: [{ severity: "error", line: 1, column: 1, message: "The bank has no questions." }],
    };

  const uploadId = `u${randomBytes(5).toString("hex")}`;
  const bankId = `${uploadId}.${bank.meta.id}`;
  await db.$transaction(async (tx) => {
    await tx.bank.create({
      data: {
        id: bankId,
        title: bank.meta.title,
        topic: bank.meta.topic,
        domains: JSON.stringify(bank.meta.domains),
        language: bank.meta.language,
        version: String(bank.meta.version),
        authors: JSON.stringify(bank.meta.authors),
        file: `upload:${uploadId}`,
        sourceHash: uploadId,
        lastSyncedAt: now,
      },
    });
    await tx.instructorBank.create({ data: { bankId, ownerId: me.id, authorId: bank.meta.id } });
    for (const [position, original] of bank.questions.entries()) {
      const question = { ...original, id: `${uploadId}.${original.id}` };
      const data = JSON.stringify(question);
      const contentHash = questionContentHash(question);
      await tx.question.create({
        data: {
          id: question.id,
          bankId,
          kind: question.kind,
          title: question.title,
          topic: bank.meta.topic,
          difficulty: question.difficulty,
          tags: JSON.stringify([...question.tags, ...(question.exams ?? [])]),
          hasSim: question.sim != null || question.options.some((o) => o.sim != null),
          position,
          data,
          contentHash,
          // Out of everyone's study: private questions are read only through InstructorBank.
          retiredAt: now,
          revisions: { create: { revision: 1, contentHash, data } },
        },
      });
    }
  });
  return {
    ok: true,
    bankId,
    title: bank.meta.title,
    questions: bank.questions.length,
    warnings: findings.filter((f) => f.severity === "warning").map(toFinding),
  };
}

/** The instructor's own banks. */
export async function listInstructorBanks(db: PrismaClient, actor: ActingUser) {
  if (!actor.roles.includes("instructor")) return [];
  return db.instructorBank.findMany({
    where: { ownerId: actor.id },
    orderBy: { createdAt: "desc" },
    select: {
      bankId: true,
      createdAt: true,
      bank: { select: { title: true, topic: true, _count: { select: { questions: true } } } },
    },
  });
}
