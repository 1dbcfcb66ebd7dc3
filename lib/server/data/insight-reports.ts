import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locale";
import { type ActingUser, assertRole } from "../auth/acting-user";
import { plainText } from "./insight-items";
import { readAttemptItems, readQuizQuestionIds } from "./json-columns";
import { localizeStored } from "./localized-question";
import { parseStoredQuestion } from "./study-queue";

// The open reports ("this question is wrong or unclear") on the questions an instructor uses: those
// of their quizzes (the fixed lists and every question an attempt drew) and of their uploaded
// banks. Reporters stay anonymous: only the reason, the message and the date are shown.

export type ReportedQuestion = {
  questionId: string;
  /** In the reader's language when translated, as study shows it. */
  title: string;
  /** The title's language ("en" for an untranslated question on a Korean page). */
  lang: Locale;
  topic: string;
  count: number;
  reasons: Array<{ reason: string; count: number }>;
  reports: Array<{ reason: string; message: string; createdAt: string }>;
};

/** How many question ids one report query names (well under SQLite's and PostgreSQL's parameter limits). */
const REPORT_ID_CHUNK = 500;

/** The questions an instructor's quizzes and banks use. */
async function questionsInUse(db: PrismaClient, ownerId: string): Promise<Set<string>> {
  const [quizzes, attempts, banked] = await Promise.all([
    db.quiz.findMany({ where: { ownerId, mode: "quiz" }, select: { questionIds: true } }),
    db.quizAttempt.findMany({ where: { quiz: { ownerId, mode: "quiz" } }, select: { items: true } }),
    db.question.findMany({ where: { bank: { upload: { ownerId } } }, select: { id: true } }),
  ]);
  const ids = new Set(banked.map((q) => q.id));
  for (const q of quizzes) for (const id of readQuizQuestionIds(q.questionIds)) ids.add(id);
  for (const a of attempts) for (const item of readAttemptItems(a.items)) ids.add(item.questionId);
  return ids;
}

/**
 * Instructors: the most reported questions among those they use (unresolved reports only), most
 * reported first, at most `limit` questions, each with its reason counts and every report's message.
 */
export async function reportedQuestions(
  db: PrismaClient,
  actor: ActingUser,
  locale: Locale = "en",
  limit = 20,
): Promise<ReportedQuestion[]> {
  const me = assertRole(actor, "instructor");
  const inUse = await questionsInUse(db, me.id);
  if (inUse.size === 0) return [];
  // The questions with open reports are few; the questions an instructor uses may be tens of
  // thousands (a large published bank), more than a database takes as parameters of one query.
  // So: the reported questions first, kept when in use, then their reports a chunk at a time.
  const reported = await db.questionReport.groupBy({ by: ["questionId"], where: { resolvedAt: null } });
  const ids = reported.map((r) => r.questionId).filter((id) => inUse.has(id));
  const reports = [];
  for (let start = 0; start < ids.length; start += REPORT_ID_CHUNK) {
    reports.push(
      ...(await db.questionReport.findMany({
        where: { questionId: { in: ids.slice(start, start + REPORT_ID_CHUNK) }, resolvedAt: null },
        orderBy: { createdAt: "desc" },
        select: {
          questionId: true,
          reason: true,
          message: true,
          createdAt: true,
          question: { select: { title: true, topic: true, data: true, translations: true } },
        },
      })),
    );
  }
  const grouped = new Map<string, ReportedQuestion>();
  for (const r of reports) {
    let entry = grouped.get(r.questionId);
    if (!entry) {
      const stored = parseStoredQuestion(r.question.data);
      const shown = stored ? localizeStored(stored, r.question.translations, locale) : null;
      entry = {
        questionId: r.questionId,
        title: plainText(shown?.question.title ?? r.question.title),
        lang: shown?.lang ?? "en",
        topic: r.question.topic,
        count: 0,
        reasons: [],
        reports: [],
      };
      grouped.set(r.questionId, entry);
    }
    entry.count += 1;
    const reason = entry.reasons.find((x) => x.reason === r.reason);
    if (reason) reason.count += 1;
    else entry.reasons.push({ reason: r.reason, count: 1 });
    entry.reports.push({ reason: r.reason, message: r.message, createdAt: r.createdAt.toISOString() });
  }
  return [...grouped.values()]
    .map((q) => ({
      ...q,
      reasons: q.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
    .slice(0, limit);
}
