import "server-only";
import type { QuestionTranslations } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** What sync needs of a parsed bank (lib/bank's `Bank` has this shape and more). */
export type SyncableBank = {
  file: string;
  meta: {
    id: string;
    title: string;
    topic: string;
    domains: string[];
    language: string;
    version: string | number;
    authors: string[];
  };
  questions: SyncableQuestion[];
};

export type SyncableQuestion = {
  id: string;
  /** The line of the question's heading, for findings. */
  line?: number;
  kind: string;
  title: string;
  difficulty: number;
  tags: string[];
  exams?: string[];
  sim?: unknown;
  options?: Array<{ sim?: unknown }>;
  /** The translations the bank checker accepted (attached by checkBanks); none for most uploads. */
  translations?: QuestionTranslations;
};

/** A bank that could not be loaded, with the findings that stopped it. */
export type SkippedBank = {
  file: string;
  findings: Array<{ line: number; column: number; message: string }>;
};

export type SyncInput = {
  banks: Array<{ bank: SyncableBank; sourceHash: string; contentHashes: Map<string, string> }>;
  skipped: SkippedBank[];
  /** Every bank file present in content/, loaded or not: a bank whose file is gone is retired. */
  presentFiles: string[];
};

/** Something sync left out of a bank it loaded (or would have), said where it is. */
export type SyncConflict = { file: string; line: number; column: number; message: string };

export type SyncReport = {
  /** Banks and questions left out because an instructor's uploaded bank owns their id. */
  conflicts: SyncConflict[];
  banksSynced: number;
  banksUnchanged: number;
  banksSkipped: number;
  questionsAdded: number;
  questionsUpdated: number;
  questionsRetired: number;
  /** Questions whose stored translations changed (added, edited or dropped), revision kept. */
  translationsUpdated: number;
  /** Open learner reports marked resolved because their question got a new revision. */
  reportsResolved: number;
};

const hasSimulation = (q: SyncableQuestion) => q.sim != null || (q.options ?? []).some((o) => o.sim != null);

/**
 * Writes the banks into the database, one short transaction per bank, keyed by the authors'
 * stable question ids so that an edit keeps every learner's history:
 * - an unchanged bank file (same source hash) is not written at all;
 * - a new question is added at revision 1; an edited one (new content hash) gets revision n+1 and
 *   a revision row; a question that left its bank is retired (out of new study, history kept);
 * - a bank with errors is skipped whole, and its questions stay as they were;
 * - a bank whose file is gone has its questions retired;
 * - an edited question's open reports are marked resolved: the author changed it, so what the
 *   learners reported is taken as fixed (a new report reopens the matter).
 * @example await syncBanks(prisma, input, new Date())
 */
export async function syncBanks(db: PrismaClient, input: SyncInput, now: Date): Promise<SyncReport> {
  const report: SyncReport = {
    conflicts: [],
    banksSynced: 0,
    banksUnchanged: 0,
    banksSkipped: input.skipped.length,
    questionsAdded: 0,
    questionsUpdated: 0,
    questionsRetired: 0,
    translationsUpdated: 0,
    reportsResolved: 0,
  };
  const startedAt = now;
  // Ids loaded anywhere in this sync: a question that moved to another file is not "removed".
  const everywhere = new Set(input.banks.flatMap((b) => b.bank.questions.map((q) => q.id)));
  for (const { bank, sourceHash, contentHashes } of input.banks) {
    const existing = await db.bank.findUnique({
      where: { id: bank.meta.id },
      select: { sourceHash: true, file: true, visibility: true },
    });
    // Never an instructor's upload (their ids carry a prefix content/ ids cannot normally take).
    if (existing && existing.visibility !== "public") {
      report.banksSkipped += 1;
      report.conflicts.push({
        file: bank.file,
        line: 1,
        column: 1,
        message: `The bank id "${bank.meta.id}" belongs to an instructor's uploaded bank, so this file was not loaded. Give it another id in its front matter.`,
      });
      continue;
    }
    if (existing?.sourceHash === sourceHash && existing.file === bank.file) {
      report.banksUnchanged += 1;
      continue;
    }
    const counts = await syncOneBank(db, bank, sourceHash, contentHashes, everywhere, now, report.conflicts);
    report.banksSynced += 1;
    report.questionsAdded += counts.added;
    report.questionsUpdated += counts.updated;
    report.questionsRetired += counts.retired;
    report.translationsUpdated += counts.translated;
    report.reportsResolved += counts.resolved;
  }
  report.questionsRetired += await retireVanishedBanks(db, input, now);
  await db.syncRun.create({
    data: {
      startedAt,
      finishedAt: new Date(),
      banksSynced: report.banksSynced,
      banksSkipped: report.banksSkipped,
      questionsAdded: report.questionsAdded,
      questionsUpdated: report.questionsUpdated,
      questionsRetired: report.questionsRetired,
      findings: JSON.stringify([...input.skipped, ...conflictsByFile(report.conflicts)]),
    },
  });
  return report;
}

/** Conflicts in the shape of the skipped banks' findings, one entry per file. */
function conflictsByFile(conflicts: SyncConflict[]): SkippedBank[] {
  const byFile = new Map<string, SkippedBank>();
  for (const { file, line, column, message } of conflicts) {
    const entry = byFile.get(file) ?? { file, findings: [] };
    entry.findings.push({ line, column, message });
    byFile.set(file, entry);
  }
  return [...byFile.values()];
}

async function syncOneBank(
  db: PrismaClient,
  bank: SyncableBank,
  sourceHash: string,
  contentHashes: Map<string, string>,
  everywhere: Set<string>,
  now: Date,
  conflicts: SyncConflict[],
): Promise<{ added: number; updated: number; retired: number; resolved: number; translated: number }> {
  const ids = bank.questions.map((q) => q.id);
  return db.$transaction(async (tx) => {
    const meta = {
      title: bank.meta.title,
      topic: bank.meta.topic,
      domains: JSON.stringify(bank.meta.domains),
      language: bank.meta.language,
      version: String(bank.meta.version),
      authors: JSON.stringify(bank.meta.authors),
      file: bank.file,
      sourceHash,
      lastSyncedAt: now,
    };
    await tx.bank.upsert({
      where: { id: bank.meta.id },
      create: { id: bank.meta.id, ...meta },
      update: meta,
    });
    // Looked up by id across all banks: a question moved to another file keeps its history.
    const known = new Map(
      (
        await tx.question.findMany({
          where: { OR: [{ id: { in: ids } }, { bankId: bank.meta.id }] },
          select: {
            id: true,
            bankId: true,
            bank: { select: { visibility: true } },
            contentHash: true,
            revision: true,
            retiredAt: true,
            position: true,
            translations: true,
          },
        })
      ).map((row) => [row.id, row]),
    );
    let added = 0;
    let updated = 0;
    let resolved = 0;
    let translated = 0;
    for (const [position, question] of bank.questions.entries()) {
      const contentHash = contentHashes.get(question.id) ?? "";
      // The English question alone: its translations live in their own column, outside the
      // revision, so a new or corrected translation never makes a new revision or resets progress.
      const { translations: ownTranslations, ...english } = question;
      const data = JSON.stringify(english);
      const translations = JSON.stringify(ownTranslations ?? {});
      const fields = {
        bankId: bank.meta.id,
        kind: question.kind,
        title: question.title,
        topic: bank.meta.topic,
        difficulty: question.difficulty,
        tags: JSON.stringify([...question.tags, ...(question.exams ?? [])]),
        hasSim: hasSimulation(question),
        position,
        translations,
      };
      const before = known.get(question.id);
      // A question of an instructor's upload is theirs: a shipped question with the same id is left out.
      if (before && before.bank.visibility !== "public") {
        conflicts.push({
          file: bank.file,
          line: question.line ?? 1,
          column: 1,
          message: `The question id "${question.id}" belongs to a question in an instructor's uploaded bank, so this question was not loaded. Give it another {#id}.`,
        });
        continue;
      }
      if (!before) {
        if (translations !== "{}") translated += 1;
        await tx.question.create({ data: { id: question.id, ...fields, data, contentHash, revision: 1 } });
        await tx.questionRevision.create({
          data: { questionId: question.id, revision: 1, contentHash, data },
        });
        added += 1;
        continue;
      }
      if (before.translations !== translations) translated += 1;
      if (before.contentHash !== contentHash) {
        const revision = before.revision + 1;
        await tx.question.update({
          where: { id: question.id },
          data: { ...fields, data, contentHash, revision, retiredAt: null },
        });
        await tx.questionRevision.create({ data: { questionId: question.id, revision, contentHash, data } });
        updated += 1;
        const closed = await tx.questionReport.updateMany({
          where: { questionId: question.id, resolvedAt: null },
          data: { resolvedAt: now },
        });
        resolved += closed.count;
      } else if (
        before.retiredAt ||
        before.position !== position ||
        before.bankId !== bank.meta.id ||
        before.translations !== translations
      ) {
        await tx.question.update({ where: { id: question.id }, data: { ...fields, retiredAt: null } });
      }
    }
    const leaving = [...known.values()].filter(
      (row) => row.bankId === bank.meta.id && !everywhere.has(row.id) && !row.retiredAt,
    );
    if (leaving.length > 0) {
      await tx.question.updateMany({
        where: { id: { in: leaving.map((row) => row.id) } },
        data: { retiredAt: now },
      });
    }
    return { added, updated, retired: leaving.length, resolved, translated };
  });
}

/** Banks that sync owns: the files under content/ (instructors' uploads live elsewhere). */
export const CONTENT_PREFIX = "content/";

/** Retires the questions of banks whose file is no longer in content/ (a skipped file is still present). */
async function retireVanishedBanks(db: PrismaClient, input: SyncInput, now: Date): Promise<number> {
  const present = new Set(input.presentFiles);
  const loaded = new Set(input.banks.map((b) => b.bank.meta.id));
  const gone = (
    await db.bank.findMany({
      where: { file: { startsWith: CONTENT_PREFIX }, visibility: "public" },
      select: { id: true, file: true },
    })
  ).filter((bank) => !present.has(bank.file) && !loaded.has(bank.id));
  if (gone.length === 0) return 0;
  const result = await db.question.updateMany({
    where: { bankId: { in: gone.map((bank) => bank.id) }, retiredAt: null, bank: { visibility: "public" } },
    data: { retiredAt: now },
  });
  return result.count;
}
