import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AccessError, type ActingUser, assertRole } from "../auth/acting-user";
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

/**
 * A CSV download for the signed-in instructor: 401 signed out, 404 (no data) for anyone the
 * builder refuses. GET only; nothing changes but finishing overdue attempts, which any read does.
 */
async function csvResponse(
  actor: ActingUser | null,
  filename: string,
  build: (me: ActingUser) => Promise<string>,
): Promise<Response> {
  if (!actor)
    return new Response("Sign in to continue.", { status: 401, headers: { "cache-control": "no-store" } });
  try {
    const text = await build(assertRole(actor, "instructor"));
    return new Response(text, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AccessError) return new Response("Not found.", { status: 404 });
    throw error;
  }
}

/** The class heatmap CSV, for the class's owner. */
export function heatmapCsvResponse(
  db: PrismaClient,
  actor: ActingUser | null,
  classId: string,
  now = new Date(),
) {
  return csvResponse(actor, "class-heatmap.csv", async (me) =>
    heatmapCsv(await classHeatmap(db, me, classId, now)),
  );
}

/** The reported questions CSV, reached from a class the instructor owns. */
export function reportsCsvResponse(db: PrismaClient, actor: ActingUser | null, classId: string) {
  return csvResponse(actor, "reported-questions.csv", async (me) => {
    await assertOwnsClass(db, me, classId);
    return reportsCsv(await reportedQuestions(db, me, Number.MAX_SAFE_INTEGER));
  });
}

/** A class quiz's question statistics CSV, for the quiz's owner. */
export function itemStatsCsvResponse(
  db: PrismaClient,
  actor: ActingUser | null,
  quizId: string,
  now = new Date(),
) {
  return csvResponse(actor, "question-statistics.csv", async (me) =>
    itemStatsCsv(await quizItemStats(db, me, quizId, now)),
  );
}
