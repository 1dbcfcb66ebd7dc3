// What `npm run bank -- stale|reports` reads from the database: how much each question was
// studied and reported, and the open reports. Read-only Prisma queries; the CLI opens its own
// client because lib/server/db.ts is `server-only` and `npm run bank` runs without that condition.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { QuestionUsage } from "@/lib/bank";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databasePath, databaseUrl } from "@/lib/server/database-url";

/** A learner's report as an author needs it. */
export type ReportRow = {
  id: number;
  questionId: string;
  reason: string;
  message: string;
  createdAt: Date;
  resolvedAt: Date | null;
};

/**
 * A client for an existing SQLite database, or null when there is none (the commands then work on
 * the files alone). Never creates a database file.
 */
export function openExistingDatabase(url: string = databaseUrl()): PrismaClient | null {
  const file = databasePath(url);
  if (file !== ":memory:" && !fs.existsSync(path.resolve(file))) return null;
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}

/**
 * Per question: graded reviews (undos do not count) and open reports.
 * @example (await questionUsage(db)).get("lt-platform-version-latest") // { studied: 12, reported: 1 }
 */
export async function questionUsage(db: PrismaClient): Promise<Map<string, QuestionUsage>> {
  const usage = new Map<string, QuestionUsage>();
  const entry = (id: string) => {
    const e = usage.get(id) ?? { studied: 0, reported: 0 };
    usage.set(id, e);
    return e;
  };
  const reviews = await db.review.groupBy({
    by: ["questionId"],
    where: { kind: "grade" },
    _count: { _all: true },
  });
  for (const r of reviews) entry(r.questionId).studied = r._count._all;
  const reports = await db.questionReport.groupBy({
    by: ["questionId"],
    where: { resolvedAt: null },
    _count: { _all: true },
  });
  for (const r of reports) entry(r.questionId).reported = r._count._all;
  return usage;
}

/** Reports, oldest first; only the open ones unless `all`. */
export async function listReports(db: PrismaClient, options: { all?: boolean } = {}): Promise<ReportRow[]> {
  return db.questionReport.findMany({
    where: options.all ? {} : { resolvedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, questionId: true, reason: true, message: true, createdAt: true, resolvedAt: true },
  });
}
