import "server-only";
import { readHealth } from "./health";

// GET /api/health: anyone may call it (HAProxy's checks, the fresh-machine check, an operator);
// it reveals counts, never content. The answer is made here, beside the data it reads, so the
// route file stays one line and the role matrix (lib/server/auth/routes.access.ts) calls the same
// answer without importing from app/.

/** 200 with the health document, or 503 when the database cannot be reached or written. */
export async function healthResponse(): Promise<Response> {
  const health = await readHealth();
  return Response.json(health, {
    status: health.status === "unavailable" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
