// Where Taskdeck is being served from, and where a signed-in visitor may be sent next.

const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const FALLBACK_ORIGIN = "http://localhost:3000";

/**
 * The origin (scheme://host[:port]) the app is served from. BETTER_AUTH_URL wins when set;
 * otherwise the request's Host, with https when the request came over TLS (Next sets
 * x-forwarded-proto from the socket, or a proxy in front sets it). Cookies are Secure exactly
 * when this is https, and it is the one origin state-changing auth requests must come from.
 * @example requestOrigin(new Headers({ host: "127.0.0.1:3211" }), {}) // "http://127.0.0.1:3211"
 */
export function requestOrigin(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
): string {
  const configured = env.BETTER_AUTH_URL?.trim();
  if (configured) {
    const url = new URL(configured);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new Error(`BETTER_AUTH_URL must be an http(s) URL, got "${configured}"`);
    }
    return url.origin;
  }
  const host = headers.get("host")?.trim() ?? "";
  if (!HOST_PATTERN.test(host)) return FALLBACK_ORIGIN;
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const protocol = forwardedProto === "https" ? "https" : "http";
  return `${protocol}://${host.toLowerCase()}`;
}

const NEXT_BASE = "http://next.invalid";

/** A path that stays on this site as written: one leading "/", no "//", "\\" or control character. */
function isSameSitePath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  return !/[\u0000-\u001f\u007f]/.test(path);
}

/**
 * `next` when it is a path on this site (so sign-in can send the visitor back), else `fallback`.
 * Refuses absolute and protocol-relative URLs, backslashes, control characters and the auth
 * pages themselves (which would loop). The check runs on the text as given **and** on the value
 * the URL parser normalizes it to, because that value is what reaches the `Location` header:
 * `/.//evil.example`, `/..//evil.example`, `/%2e//evil.example` and `/a/..//evil.example` all
 * normalize to `//evil.example`, a protocol-relative URL to another site.
 * Every redirect to a user-supplied target goes through this function (the auth pages, the
 * sign-in and sign-up actions, `signInPath`).
 * @example safeNextPath("/account?tab=export") // "/account?tab=export"
 * @example safeNextPath("//evil.example/") // "/"
 * @example safeNextPath("/.//evil.example/phish") // "/"
 */
export function safeNextPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return fallback;
  if (!isSameSitePath(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, NEXT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== NEXT_BASE) return fallback;
  if (url.pathname === "/sign-in" || url.pathname === "/sign-up") return fallback;
  const normalized = `${url.pathname}${url.search}${url.hash}`;
  return isSameSitePath(normalized) ? normalized : fallback;
}

/** The sign-in page that returns to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeNextPath(path, "");
  return next && next !== "/" ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}
