// The browser's side of Taskdeck's JSON writes (grading, quiz autosave): a same-origin POST whose
// answer is the action result itself, `{ ok: true, … }` or `{ ok: false, formError, reason? }`.
// A network failure rejects, as a failed server action call does.
//
// Both writes that use it are idempotent (a grading carries its review id, an autosave its
// sequence number), so a request cut off in transit is sent once more before the learner is told:
// behind a load balancer, an app process that dies after the answer started cannot be retried by
// the balancer, and the learner would otherwise see "not saved" for a write the next process
// accepts as the same one.

import { createTranslator } from "use-intl/core";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import enErrors from "@/messages/en/errors.json";
import koErrors from "@/messages/ko/errors.json";

export type JsonFailure = {
  ok: false;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  reason?: string;
};
export type JsonResult<T extends object> = ({ ok: true } & T) | JsonFailure;

export type PostJsonOptions = {
  /** The server treats a repeat of this body as the same write, so a lost answer may be resent once. */
  idempotent?: boolean;
  /**
   * The request outlives the page (closing the tab, following a link): for small writes the page
   * shows as done before the answer comes, like a grading. Browsers allow 64 KB of such bodies.
   */
  keepalive?: boolean;
  /** Pause before the resend, in ms (tests pass 0). */
  retryDelayMs?: number;
};

/** Answers from a gateway: the app process behind it died or did not answer. */
const GATEWAY_STATUSES = new Set([502, 504]);

type Attempt =
  | { kind: "answer"; status: number; parsed: unknown }
  /** No usable answer: the request failed in transit (no status) or its answer broke off. */
  | { kind: "lost"; error: unknown; status?: number };

async function attempt(path: string, body: string, keepalive: boolean): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      keepalive,
      body,
    });
  } catch (error) {
    return { kind: "lost", error };
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch (error) {
    // A 200 whose body broke off mid-way: the write may or may not have landed.
    if (response.ok) return { kind: "lost", error, status: response.status };
    parsed = null;
  }
  if (GATEWAY_STATUSES.has(response.status) && !isResult(parsed))
    return { kind: "lost", error: new Error(`gateway ${response.status}`), status: response.status };
  return { kind: "answer", status: response.status, parsed };
}

const REFUSALS: Record<Locale, { refusals: typeof enErrors.refusals }> = {
  en: { refusals: enErrors.refusals },
  ko: { refusals: koErrors.refusals },
};

/** The page's language (the root layout sets `<html lang>`), for the words composed here. */
function pageRefusals() {
  const lang = typeof document === "undefined" ? "en" : document.documentElement.lang;
  const locale: Locale = isLocale(lang) ? lang : "en";
  return createTranslator({ locale, messages: REFUSALS[locale], namespace: "refusals" });
}

const isResult = (parsed: unknown) => Boolean(parsed && typeof parsed === "object" && "ok" in parsed);

/**
 * POSTs `body` as JSON and returns the server's action result.
 *
 * @example
 *   const result = await postJson<{ saved: boolean }>("/api/quiz/autosave", answer, { idempotent: true });
 */
export async function postJson<T extends object>(
  path: string,
  body: unknown,
  options: PostJsonOptions = {},
): Promise<JsonResult<T>> {
  const text = JSON.stringify(body);
  const keepalive = options.keepalive ?? false;
  let outcome = await attempt(path, text, keepalive);
  if (outcome.kind === "lost" && options.idempotent) {
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 300));
    outcome = await attempt(path, text, keepalive);
  }
  if (outcome.kind === "lost" && outcome.status === undefined) throw outcome.error;
  if (outcome.kind === "answer" && isResult(outcome.parsed)) return outcome.parsed as JsonResult<T>;
  // An answer that is not Taskdeck's (a gateway's page, a proxy's refusal): said here, in the page's language.
  const t = pageRefusals();
  return {
    ok: false,
    formError:
      outcome.status === 503 ? t("storageBusy") : t("serverAnswered", { status: String(outcome.status) }),
  };
}
