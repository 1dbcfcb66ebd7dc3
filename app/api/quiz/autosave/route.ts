import { saveAnswerCore } from "@/lib/server/actions/attempt-core";
import { jsonWrite } from "@/lib/server/auth/json-route";
import { routeContext } from "@/lib/server/auth/session";
import { currentLocaleOrDefault } from "@/lib/server/i18n/current-locale";
import { runInLocale } from "@/lib/server/i18n/server-text";

export const dynamic = "force-dynamic";

// Signed-in learners, for their own open attempts: the quiz runner autosaves one answer here
// (JSON, through saveAnswerCore; see lib/server/auth/json-route.ts). The runner shows a refusal's
// words as they come ("time is up"), so they are in the language of the request, as actions' are.
export async function POST(request: Request) {
  const locale = await currentLocaleOrDefault();
  return runInLocale(locale, () => jsonWrite(request, routeContext, saveAnswerCore));
}
