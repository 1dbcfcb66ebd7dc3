import { authForHeaders } from "@/lib/server/auth/auth";
import { handleAuthRequest } from "@/lib/server/auth/auth-route";

export const dynamic = "force-dynamic";

// Anyone may call: sign-up, sign-in, sign-out and the session lookup of better-auth's HTTP API
// (everything else answers 404). better-auth checks the origin of state-changing requests and
// limits requests per address; sign-in is also throttled per account.
export async function GET(request: Request) {
  return handleAuthRequest(request, authForHeaders(request.headers).auth);
}

// Anyone may call (see GET).
export async function POST(request: Request) {
  return handleAuthRequest(request, authForHeaders(request.headers).auth);
}
