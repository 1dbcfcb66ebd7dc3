import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locale";
import { gradeCore } from "@/lib/server/actions/study-core";
import { jsonWrite } from "@/lib/server/auth/json-route";
import { routeContext } from "@/lib/server/auth/session";
import { runInLocale } from "@/lib/server/i18n/server-text";

export const dynamic = "force-dynamic";

// Signed-in learners, for their own cards only: the study page grades a card here (JSON, through
// gradeCore; see lib/server/auth/json-route.ts for the same-origin rules). A refusal is worded in
// this browser's language (its cookie, else Accept-Language): the hottest write skips the database
// read of the learner's saved language, which the header switch also keeps in the cookie.
export async function POST(request: Request) {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    saved: null,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return runInLocale(locale, () => jsonWrite(request, routeContext, gradeCore));
}
