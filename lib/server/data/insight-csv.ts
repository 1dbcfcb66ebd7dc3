import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type ActingUser, assertRole } from "../auth/acting-user";
import { assertOwnsClass } from "./classes";
import { csvCell } from "./gradebook";
import { type ClassHeatmap, classHeatmap } from "./insight";
import { type QuizStatsView, quizItemStats } from "./insight-items";
import { type ReportedQuestion, reportedQuestions } from "./insight-reports";

// The class insight as CSV: the heatmap, a quiz's question statistics, and the reported questions.
// Text goes through the gradebook's csvCell (quoted, formula-starting text defused); numbers are
// written as plain numbers, which cannot start a formula, so a negative discrimination stays a
// number a spreadsheet can sort rather than the text "'-0.33".

type Cell = string | number | boolean | null;

const cell = (value: Cell): string =>
  typeof value === "number"
    ? Number.isFinite(value)
      ? String(value)
      : ""
    : csvCell(value === null ? null : String(value));

/** Rows → CSV text (CRLF, as the gradebook export). */
export function toCsv(rows: Cell[][]): string {
  return `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

const round = (x: number | null, places = 3) => (x === null ? null : Number(x.toFixed(places)));
const percent = (x: number) => Number((x * 100).toFixed(1));

/** One row per learner and topic. */
export function heatmapCsv(map: ClassHeatmap): string {
  const rows: Cell[][] = [
    ["Learner", "Email", "Topic", "Cards", "Studied", "Mean recall today (%)", "Interval >= 21 days (%)"],
  ];
  for (const l of map.learners)
    l.cells.forEach((c, i) => {
      rows.push([
        l.name,
        l.email,
        map.topics[i]?.label ?? "",
        c.cards,
        c.studied,
        percent(c.meanRecall),
        percent(c.matureShare),
      ]);
    });
  return toCsv(rows);
}

/** One row per question and option (one row, option columns empty, for questions without options). */
export function itemStatsCsv(view: QuizStatsView): string {
  const rows: Cell[][] = [
    [
      "Question id",
      "Question",
      "Topic",
      "Kind",
      "Attempts",
      "Correct",
      "Omitted",
      "Facility",
      "Discrimination (27%)",
      "Point-biserial (item-rest)",
      "Enough attempts",
      "Flags",
      "Option",
      "Option text",
      "Option correct",
      "Misconception",
      "Chosen",
      "Chosen share",
      "Upper group share",
      "Lower group share",
    ],
  ];
  for (const q of view.questions) {
    const head: Cell[] = [
      q.questionId,
      q.title,
      q.topic,
      q.kind,
      q.n,
      q.correct,
      q.omitted,
      round(q.facility),
      round(q.discrimination),
      round(q.pointBiserial),
      q.isReliable ? "yes" : "no",
      q.flags.join(" "),
    ];
    if (q.options.length === 0) rows.push([...head, null, null, null, null, null, null, null, null]);
    for (const o of q.options)
      rows.push([
        ...head,
        o.key,
        o.label,
        o.isCorrect ? "yes" : "no",
        o.misconception,
        o.count,
        round(o.share),
        round(o.upperShare),
        round(o.lowerShare),
      ]);
  }
  return toCsv(rows);
}

/** One row per open report. */
export function reportsCsv(questions: ReportedQuestion[]): string {
  const rows: Cell[][] = [
    ["Question id", "Question", "Topic", "Reports on this question", "Reason", "Message", "Reported at"],
  ];
  for (const q of questions)
    for (const r of q.reports)
      rows.push([q.questionId, q.title, q.topic, q.count, r.reason, r.message, r.createdAt]);
  return toCsv(rows);
}

// The downloads' text for the signed-in instructor. Each refuses with an AppError (401 signed out,
// 403 for anyone but the owner, which the route answers as 404 with no data); the route handlers
// make the Responses (lib/server/auth/route-answer.ts). GET only: nothing changes but finishing
// overdue attempts, which any read does.

/** The class heatmap CSV text, for the class's owner. */
export async function heatmapCsvFor(
  db: PrismaClient,
  actor: ActingUser | null,
  classId: string,
  now = new Date(),
): Promise<string> {
  return heatmapCsv(await classHeatmap(db, assertRole(actor, "instructor"), classId, now));
}

/** The reported questions CSV text, reached from a class the instructor owns. */
export async function reportsCsvFor(
  db: PrismaClient,
  actor: ActingUser | null,
  classId: string,
): Promise<string> {
  const me = assertRole(actor, "instructor");
  await assertOwnsClass(db, me, classId);
  return reportsCsv(await reportedQuestions(db, me, "en", Number.MAX_SAFE_INTEGER));
}

/** A class quiz's question statistics CSV text, for the quiz's owner. */
export async function itemStatsCsvFor(
  db: PrismaClient,
  actor: ActingUser | null,
  quizId: string,
  now = new Date(),
): Promise<string> {
  return itemStatsCsv(await quizItemStats(db, assertRole(actor, "instructor"), quizId, now));
}
