import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AccessError, type ActingUser, assertRole } from "../auth/acting-user";
import { classGradebook, gradebookCsv } from "./gradebook";

/**
 * The CSV export's answer: 401 signed out, 404 (no data) for anyone but the class's owner.
 * GET only; it changes nothing but finishing overdue attempts, which any read does.
 */
export async function gradebookCsvResponse(
  db: PrismaClient,
  actor: ActingUser | null,
  classId: string,
  now: Date = new Date(),
): Promise<Response> {
  if (!actor)
    return new Response("Sign in to continue.", { status: 401, headers: { "cache-control": "no-store" } });
  try {
    const book = await classGradebook(db, assertRole(actor, "instructor"), classId, now);
    return new Response(gradebookCsv(book), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="gradebook.csv"',
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AccessError) return new Response("Not found.", { status: 404 });
    throw error;
  }
}
