import { exportOwnData } from "@/lib/server/data/user-export";
import type { ActingUser } from "./acting-user";
import type { ActionContext } from "./auth-call";

// GET /account/export: the signed-in user's own data as a JSON download. GET changes nothing.

/** The download for the acting user, or 401 with no data for anyone signed out. */
export async function exportResponse(ctx: ActionContext, now: Date = new Date()): Promise<Response> {
  const actor: ActingUser | null = ctx.actor;
  if (!actor) {
    return Response.json(
      { code: "NOT_SIGNED_IN", message: "Sign in to export your data." },
      { status: 401, headers: { "Cache-Control": "no-store" } },
    );
  }
  const document = await exportOwnData(ctx.db, actor, now);
  const day = now.toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="taskdeck-export-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
