import { healthResponse } from "@/lib/server/health-route";

export const dynamic = "force-dynamic";

// Anyone may call this (load balancers, the fresh-machine check); it reveals counts, never content.
export async function GET() {
  return healthResponse();
}
