import { routeContext } from "@/lib/server/auth/session";
import { deckExportResponse } from "@/lib/server/data/decks-export";
import { routeLocale } from "@/lib/server/i18n/current-locale";
import { runInLocale } from "@/lib/server/i18n/server-text";

// Signed-in learners, for their own decks only: the deck as a Markdown download (GET; changes
// nothing). A refusal (401, 404, an unknown format) is in the learner's language, as pages are.
export async function GET(request: Request, { params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  const ctx = await routeContext(request);
  const locale = await routeLocale(request, ctx);
  return runInLocale(locale, () =>
    deckExportResponse(ctx.db, ctx.actor, deckId, new URL(request.url).searchParams.get("format")),
  );
}
