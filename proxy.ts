import { type NextRequest, NextResponse } from "next/server";
import {
  actionBodyProblem,
  declaresTooLargeBody,
  REQUEST_TOO_LARGE_MESSAGE,
} from "@/lib/server/request-limits";
import { contentSecurityPolicy, createNonce, STATIC_SECURITY_HEADERS } from "@/lib/server/security-headers";

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

export async function proxy(request: NextRequest) {
  // Bodies are refused here, with the app's message and the limit, before Next parses them:
  // Next's own refusals (over its body limit, a stack overflow decoding a deeply nested action
  // argument) reach the browser as an anonymous error page (issue 21 item 5).
  if (declaresTooLargeBody(request.headers)) return refusal(413, REQUEST_TOO_LARGE_MESSAGE);
  if (request.method === "POST" && request.headers.has("next-action")) {
    const problem = await actionBodyProblem(request.clone());
    if (problem) return refusal(400, problem);
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
