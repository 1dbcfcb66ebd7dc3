import { type NextRequest, NextResponse } from "next/server";
import { createTranslator } from "use-intl/core";
import { LOCALE_COOKIE, type Locale, resolveLocale } from "@/lib/i18n/locale";
import { actionBodyProblem, declaresTooLargeBody, MAX_INPUT_DEPTH } from "@/lib/server/request-limits";
import { contentSecurityPolicy, createNonce, STATIC_SECURITY_HEADERS } from "@/lib/server/security-headers";
import enErrors from "@/messages/en/errors.json";
import koErrors from "@/messages/ko/errors.json";

// Runs before every page and route: gives each response a per-request CSP nonce and the
// security headers. It protects navigation only; actions and data functions check access themselves.
const refusal = (status: number, message: string) =>
  new NextResponse(message, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      ...STATIC_SECURITY_HEADERS,
    },
  });

// A refusal is worded in the browser's language (its cookie, else Accept-Language): the proxy reads
// no database, so a signed-in learner's saved choice, which the header switch also puts in the
// cookie, is not looked up. Only the errors catalog is imported: the proxy runs before every page.
const REFUSALS: Record<Locale, { refusals: typeof enErrors.refusals }> = {
  en: { refusals: enErrors.refusals },
  ko: { refusals: koErrors.refusals },
};
function refusalText(request: NextRequest) {
  const locale = resolveLocale({
    saved: null,
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  return createTranslator({ locale, messages: REFUSALS[locale], namespace: "refusals" });
}

export async function proxy(request: NextRequest) {
  // Bodies are refused here, with the app's message and the limit, before Next parses them:
  // Next's own refusals (over its body limit, a stack overflow decoding a deeply nested action
  // argument) reach the browser as an anonymous error page (issue 21 item 5).
  if (declaresTooLargeBody(request.headers)) return refusal(413, refusalText(request)("requestTooLarge"));
  if (request.method === "POST" && request.headers.has("next-action")) {
    const problem = await actionBodyProblem(request.clone());
    if (problem) return refusal(400, refusalText(request)("tooDeep", { max: MAX_INPUT_DEPTH }));
  }
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // The two JSON write routes (grading, quiz autosave) set their own headers: they are the hottest
  // requests, and a JSON answer needs no nonce.
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/study/grade|api/quiz/autosave).*)" },
  ],
};
