import { parseBank } from "../../lib/bank";
import { queryOne, withDatabase } from "./database";

/**
 * Puts a test bank into the running server's database (once), as bank sync would: the specs
 * that need a bank of their own (the 375 px sweep, the Korean exam) seed it here.
 */
export async function ensureTestBank(markdown: string, file: string): Promise<void> {
  const { bank, findings } = parseBank(markdown, { file });
  if (!bank) throw new Error(`${file}: ${JSON.stringify(findings)}`);
  if (await queryOne('SELECT 1 FROM "Bank" WHERE "id" = ?', [bank.meta.id])) return;
  const now = new Date();
  await withDatabase(
    async (q) => {
      await q(
        `INSERT INTO "Bank" ("id", "title", "topic", "domains", "language", "version", "authors", "file", "sourceHash", "lastSyncedAt", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'en', '1', '[]', ?, 'e2e', ?, ?, ?)`,
        [
          bank.meta.id,
          bank.meta.title,
          bank.meta.topic,
          JSON.stringify(bank.meta.domains),
          bank.file,
          now,
          now,
          now,
        ],
      );
      for (const [position, question] of bank.questions.entries()) {
        await q(
          `INSERT INTO "Question" ("id", "bankId", "kind", "title", "topic", "difficulty", "tags", "hasSim", "position", "data", "contentHash", "revision", "createdAt", "updatedAt")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'e2e', 1, ?, ?)`,
          [
            question.id,
            bank.meta.id,
            question.kind,
            question.title,
            bank.meta.topic,
            question.difficulty,
            JSON.stringify(question.tags),
            false,
            position,
            JSON.stringify(question),
            now,
            now,
          ],
        );
      }
    },
    { transaction: true },
  );
}
