import { AppError } from "@/lib/errors";
import { exportOwnData } from "@/lib/server/data/user-export";
import type { ActionContext } from "./auth-call";
import { answerRoute } from "./route-answer";

// GET /account/export: the signed-in user's own data as a JSON download. GET changes nothing.

/** The download for the acting user, or 401 with no data for anyone signed out. */
export async function exportResponse(ctx: ActionContext, now: Date = new Date()): Promise<Response> {
  return answerRoute("json", async () => {
    if (!ctx.actor) throw new AppError("not-signed-in", "Sign in to export your data.");
    const document = await exportOwnData(ctx.db, ctx.actor, now);
    const day = now.toISOString().slice(0, 10);
    return new Response(`${JSON.stringify(document, null, 2)}\n`, {
      status: 200,
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="taskdeck-export-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
