import { saveAnswerCore } from "@/lib/server/actions/attempt-core";
import { jsonWrite } from "@/lib/server/auth/json-route";
import { routeContext } from "@/lib/server/auth/session";

export const dynamic = "force-dynamic";

// Signed-in learners, for their own open attempts: the quiz runner autosaves one answer here
// (JSON, through saveAnswerCore; see lib/server/auth/json-route.ts).
export async function POST(request: Request) {
  return jsonWrite(request, routeContext, saveAnswerCore);
}
