import { saveAnswerCore } from "@/lib/server/actions/attempt-core";
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

// Signed-in learners, for their own open attempts: the quiz runner autosaves one answer here
// (JSON, through saveAnswerCore; see lib/server/auth/json-route.ts). The runner shows a refusal's
// words as they come ("time is up"), so they are in the learner's language, resolved as pages
// resolve it (routeLocale), from the actor the route already read.
const autosave = (request: JsonWriteRequest) =>
  jsonWriteAnswer(request, routeContext, saveAnswerCore, routeLocale);

export async function POST(request: Request) {
  return answerResponse(await autosave(fromWebRequest(request)));
}

// The same write, answered by Taskdeck's server without Next's pipeline (lib/server/http/direct-lane.ts).
serveDirectly("/api/quiz/autosave", autosave);
