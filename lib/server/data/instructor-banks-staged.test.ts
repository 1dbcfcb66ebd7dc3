import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareUpload } from "../banks/upload-rows";
import { storeOf } from "../db";
import { createPerson } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { uploadInstructorBank } from "./instructor-banks";

// Issue 17 item 4: a new upload is written in short staged transactions (other requests get the
// connection between them) and is still all or nothing: the owner row, written last, publishes it.

let db: TestDatabase;
const now = new Date("2026-05-04T10:00:00Z");
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.cleanup();
});

const many = (n: number) =>
  `---\nid: many\ntitle: Many\ntopic: many\n---\n\n${Array.from(
    { length: n },
    (_, i) =>
      `## Question ${i} {#q${i}}\n\nkind: single · difficulty: 2\n\nWhich one?\n\n- [x] This one\n- [ ] That one\n`,
  ).join("\n")}`;

describe("a new upload written in stages", () => {
  it("leaves no bank and no question when a batch in the middle fails", async () => {
    const teacher = await createPerson(db.prisma, "t-fail", true);
    const store = storeOf(db.prisma);
    const insert = store.insertNewQuestions;
    let batches = 0;
    let seenBeforeFailure = 0;
    store.insertNewQuestions = async (rows, at) => {
      batches += 1;
      if (batches === 3) {
        seenBeforeFailure = await db.prisma.question.count({ where: { topic: "many" } });
        throw new Error("disk I/O error");
      }
      return insert(rows, at);
    };
    try {
      await expect(
        uploadInstructorBank(db.prisma, teacher, { text: many(200), fileName: "m.md", format: "gfm" }, now),
      ).rejects.toThrow("disk I/O error");
    } finally {
      store.insertNewQuestions = insert;
    }
    // Two batches had landed (staged, ownerless) before the third failed; none is left.
    expect(seenBeforeFailure).toBe(100);
    expect(await db.prisma.question.count({ where: { topic: "many" } })).toBe(0);
    expect(await db.prisma.questionRevision.count({ where: { question: { topic: "many" } } })).toBe(0);
    expect(await db.prisma.bank.count({ where: { file: { startsWith: "upload:" } } })).toBe(0);
  });

  it("sweeps an upload a stopped server left ownerless, once it is an hour old", async () => {
    const teacher = await createPerson(db.prisma, "t-sweep", true);
    // What a server that died mid-write leaves: a staged bank with some questions and no owner.
    const staged = async (uploadId: string, startedAt: Date) => {
      const prepared = prepareUpload({ text: many(3), fileName: "m.md", format: "gfm" }, uploadId);
      if (!prepared.ok) throw new Error("the fixture bank has errors");
      await db.prisma.bank.create({
        data: {
          id: prepared.bankId,
          title: "Many",
          topic: "many",
          file: `upload:${uploadId}`,
          sourceHash: uploadId,
          visibility: "private",
          lastSyncedAt: startedAt,
        },
      });
      await storeOf(db.prisma).insertNewQuestions(prepared.rows.slice(0, 2), startedAt);
      return prepared.bankId;
    };
    const old = await staged("uold000000", new Date(now.getTime() - 2 * 3_600_000));
    const recent = await staged("unew000000", new Date(now.getTime() - 60_000));
    const outcome = await uploadInstructorBank(
      db.prisma,
      teacher,
      { text: many(5), fileName: "m.md", format: "gfm" },
      now,
    );
    expect(outcome).toMatchObject({ ok: true, questions: 5 });
    expect(await db.prisma.bank.findUnique({ where: { id: old } })).toBeNull();
    expect(await db.prisma.question.count({ where: { bankId: old } })).toBe(0);
    // One still being written (by another process, say) is left alone.
    expect(await db.prisma.question.count({ where: { bankId: recent } })).toBe(2);
  });
});
