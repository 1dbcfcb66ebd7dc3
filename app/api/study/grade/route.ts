import { gradeCore } from "@/lib/server/actions/study-core";
import {
  answerResponse,
  fromWebRequest,
  type JsonWriteRequest,
  jsonWriteAnswer,
} from "@/lib/server/auth/json-route";
import { routeContext } from "@/lib/server/auth/session";
import { serveDirectly } from "@/lib/server/http/direct-lane";
import { routeLocale } from "@/lib/server/i18n/current-locale";

export const dynamic = "force-dynamic";

// Signed-in learners, for their own cards only: the study page grades a card here (JSON, through
// gradeCore; see lib/server/auth/json-route.ts for the same-origin rules). A refusal is worded in
// the learner's language, resolved as pages resolve it (routeLocale: their saved choice, else this
// browser's): one indexed read of their settings row, beside the session read the route makes anyway.
const grade = (request: JsonWriteRequest) => jsonWriteAnswer(request, routeContext, gradeCore, routeLocale);

export async function POST(request: Request) {
  return answerResponse(await grade(fromWebRequest(request)));
}

// The same write, answered by Taskdeck's server without Next's pipeline (lib/server/http/direct-lane.ts).
serveDirectly("/api/study/grade", grade);
