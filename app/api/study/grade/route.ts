import { gradeCore } from "@/lib/server/actions/study-core";
import { jsonWrite } from "@/lib/server/auth/json-route";
import { routeContext } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

// Signed-in learners, for their own cards only: the study page grades a card here (JSON, through
// gradeCore; see lib/server/auth/json-route.ts for the same-origin rules).
export async function POST(request: Request) {
  return jsonWrite(request, routeContext, gradeCore);
}
