import { readHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

// Anyone may call this (load balancers, the fresh-machine check); it reveals counts, never content.
export async function GET() {
  const health = await readHealth();
  return Response.json(health, {
    status: health.status === "unavailable" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
