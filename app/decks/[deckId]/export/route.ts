import { routeContext } from "@/lib/server/auth/session";
import { deckExportResponse } from "@/lib/server/data/decks-export";

// Signed-in learners, for their own decks only: the deck as a Markdown download (GET; changes nothing).
export async function GET(request: Request, { params }: { params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  const { actor, db } = await routeContext(request);
  return deckExportResponse(db, actor, deckId, new URL(request.url).searchParams.get("format"));
}
