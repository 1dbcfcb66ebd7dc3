import "server-only";
import { type Question, questionContentHash } from "@/lib/bank";
import { DECK_TOPIC } from "@/lib/bank/deck-card";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { giveWay } from "../give-way";

// How a deck's cards are written: one card from the form, or thousands from an import. The
// revision rule is bank sync's: a new id is added at revision 1; a known id whose content changed
// keeps its id (and the learner's schedule and reviews) and gets revision n+1 with a revision row;
// an unchanged one is left as it is. A change of kind is a change of content like any other: the
// schedule stays, and a side the card no longer has (a removed cloze gap, reversing turned off) is
// simply not offered any more.

type Db = PrismaClient | Prisma.TransactionClient;

/** A deck question's stored row: its JSON, its content hash and its columns. */
export function deckQuestionRow(deckId: string, question: Question, position: number) {
  const stored: Question = { ...question, id: `${deckId}.${question.id}` };
  const data = JSON.stringify(stored);
  return {
    id: stored.id,
    data,
    contentHash: questionContentHash(stored),
    fields: {
      kind: stored.kind,
      title: stored.title,
      topic: DECK_TOPIC,
      difficulty: stored.difficulty,
      tags: JSON.stringify([...stored.tags, ...stored.exams]),
      hasSim: stored.sim != null || stored.options.some((o) => o.sim != null),
      position,
      retiredAt: null,
    },
  };
}

type Row = ReturnType<typeof deckQuestionRow>;

/** What writing `questions` into a deck would do, worked out from the deck as it is. */
export type DeckWritePlan = {
  /** New cards, in order, with the positions after the deck's last card. */
  created: Row[];
  /** Known cards whose content changed, with the revision they were read at. */
  changed: Array<{ row: Row; revision: number }>;
  unchanged: Array<{ localId: string; revision: number }>;
};

/** Questions whose row is made between two turns of the event loop (about 0.5 ms each). */
export const ROWS_PER_TURN = 100;

/**
 * Works out which of `questions` are new, changed or unchanged in the deck. Each row's JSON and
 * content hash cost about half a millisecond; with `yieldEvery` the work gives the event loop a
 * turn every so many questions, so a 5,000-card import does not hold the server for seconds.
 */
export async function planDeckWrite(
  db: Db,
  deckId: string,
  questions: readonly Question[],
  options: { yieldEvery?: number } = {},
): Promise<DeckWritePlan> {
  const existing = new Map(
    (
      await db.question.findMany({
        where: { bankId: deckId },
        select: { id: true, contentHash: true, revision: true, position: true },
      })
    ).map((row) => [row.id, row]),
  );
  let nextPosition = Math.max(-1, ...[...existing.values()].map((r) => r.position)) + 1;
  const plan: DeckWritePlan = { created: [], changed: [], unchanged: [] };
  const every = options.yieldEvery ?? 0;
  for (const [i, question] of questions.entries()) {
    if (every > 0 && i > 0 && i % every === 0) await giveWay();
    const before = existing.get(`${deckId}.${question.id}`);
    const row = deckQuestionRow(deckId, question, before?.position ?? nextPosition);
    if (!before) {
      nextPosition += 1;
      plan.created.push(row);
    } else if (before.contentHash !== row.contentHash) plan.changed.push({ row, revision: before.revision });
    else plan.unchanged.push({ localId: question.id, revision: before.revision });
  }
  return plan;
}

/** Inserts new deck questions, revision 1 each, under `bankId` (the deck, or its staging bank). */
export async function insertDeckQuestions(
  tx: Prisma.TransactionClient,
  bankId: string,
  rows: readonly Row[],
) {
  for (let i = 0; i < rows.length; i += 100) {
    const batch = rows.slice(i, i + 100);
    await tx.question.createMany({
      data: batch.map((row) => ({
        id: row.id,
        bankId,
        ...row.fields,
        data: row.data,
        contentHash: row.contentHash,
      })),
    });
    await tx.questionRevision.createMany({
      data: batch.map((row) => ({
        questionId: row.id,
        revision: 1,
        contentHash: row.contentHash,
        data: row.data,
      })),
    });
  }
}

/**
 * Writes the changed cards' new revisions. The revision is read again inside the transaction, so a
 * card edited since the plan was made gets the next revision after that edit, not a duplicate one.
 * Returns each changed card's new revision by its stored id.
 */
export async function applyDeckChanges(
  tx: Prisma.TransactionClient,
  changed: DeckWritePlan["changed"],
): Promise<Map<string, number>> {
  const revisions = new Map<string, number>();
  if (changed.length === 0) return revisions;
  const current = new Map(
    (
      await tx.question.findMany({
        where: { id: { in: changed.map(({ row }) => row.id) } },
        select: { id: true, revision: true, contentHash: true },
      })
    ).map((row) => [row.id, row]),
  );
  for (const { row } of changed) {
    const now = current.get(row.id);
    if (!now) continue; // deleted meanwhile: the learner's delete stands
    if (now.contentHash === row.contentHash) {
      revisions.set(row.id, now.revision);
      continue;
    }
    const revision = now.revision + 1;
    await tx.question.update({
      where: { id: row.id },
      data: { ...row.fields, data: row.data, contentHash: row.contentHash, revision },
    });
    await tx.questionRevision.create({
      data: { questionId: row.id, revision, contentHash: row.contentHash, data: row.data },
    });
    revisions.set(row.id, revision);
  }
  return revisions;
}

/** The counts a deck write reports, from its plan and the revisions it wrote. */
export function deckWriteCounts(deckId: string, plan: DeckWritePlan, changedRevisions: Map<string, number>) {
  const revisions = new Map<string, number>();
  const local = (id: string) => id.slice(deckId.length + 1);
  for (const row of plan.created) revisions.set(local(row.id), 1);
  for (const { row, revision } of plan.changed)
    revisions.set(local(row.id), changedRevisions.get(row.id) ?? revision);
  for (const { localId, revision } of plan.unchanged) revisions.set(localId, revision);
  return {
    added: plan.created.length,
    updated: plan.changed.length,
    unchanged: plan.unchanged.length,
    revisions,
    /** The stored ids of the questions this write added (new cards: no schedule, no reviews yet). */
    addedIds: new Set(plan.created.map((row) => row.id)),
  };
}

/** Writes deck questions by the revision rule above, inside the caller's transaction. */
export async function writeDeckQuestions(
  tx: Prisma.TransactionClient,
  deckId: string,
  questions: Question[],
) {
  const plan = await planDeckWrite(tx, deckId, questions);
  const changed = await applyDeckChanges(tx, plan.changed);
  await insertDeckQuestions(tx, deckId, plan.created);
  return deckWriteCounts(deckId, plan, changed);
}
