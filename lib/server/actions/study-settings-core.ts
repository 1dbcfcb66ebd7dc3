import "server-only";
import { assertSignedIn } from "@/lib/server/auth/acting-user";
import { type ActionResult, guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { adoptBrowserTimeZone, browserTimeZoneSchema } from "@/lib/server/data/study-settings";
import { refusingWhenStorageUnavailable } from "./storage-guard";

// The first-visit time zone's action body: who is acting → zod → data. study-settings.ts wraps it
// with the session's acting user; the role matrix calls it with its own.

/** Signed-in learners, for their own settings: save the browser's zone unless one was ever set. */
export async function adoptTimeZoneCore(ctx: ActionContext, input: unknown) {
  return refusingWhenStorageUnavailable("saving the browser's time zone", () =>
    guarded<{ saved: boolean; isFromBrowser: boolean }>(
      async (): Promise<ActionResult<{ saved: boolean; isFromBrowser: boolean }>> => {
        const me = assertSignedIn(ctx.actor);
        const parsed = browserTimeZoneSchema.safeParse(input);
        if (!parsed.success) return invalidInput(parsed.error);
        return { ok: true, ...(await adoptBrowserTimeZone(ctx.db, me, parsed.data.timeZone)) };
      },
    ),
  );
}
