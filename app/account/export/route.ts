import { exportResponse } from "@/lib/server/auth/export-route";
import { routeContext } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

// Signed-in users, for their own data only: a JSON download of everything Taskdeck keeps about them.
export async function GET(request: Request) {
  return exportResponse(await routeContext(request));
}
