/**
 * The languages Taskdeck speaks. English is the source of every bank and catalog; Korean sits
 * beside it (the material Taskdeck grew from is a Korean study guide, and AWS offers its
 * certification exams in Korean). Pure: used by the server, the browser and the CLI alike.
 */
export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in itself, as a switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ko: "한국어" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an `Accept-Language` header, by its q-values; English when none
 * matches. `ko-KR;q=0.9, en;q=0.8` → "ko".
 *
 * @example localeFromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8") // "ko"
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/** The cookie that keeps a visitor's (or a signed-in learner's) chosen language. */
export const LOCALE_COOKIE = "taskdeck-locale";

/**
 * The interface language for one request: the signed-in learner's saved choice, else the
 * language chosen in this browser (the cookie), else the browser's `Accept-Language`, else English.
 *
 * @example resolveLocale({ saved: null, cookie: undefined, acceptLanguage: "ko-KR" }) // "ko"
 */
export function resolveLocale(sources: {
  saved: string | null | undefined;
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}): Locale {
  if (isLocale(sources.saved)) return sources.saved;
  if (isLocale(sources.cookie)) return sources.cookie;
  return localeFromAcceptLanguage(sources.acceptLanguage);
}

/**
 * The language a request's browser asks for, without the learner's saved choice: the language
 * cookie, else Accept-Language (what a route answers in before it knows who is asking).
 * @example browserLocale(new Headers({ cookie: "taskdeck-locale=ko" })) // "ko"
 */
export function browserLocale(headers: Headers): Locale {
  let cookie: string | undefined;
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === LOCALE_COOKIE) cookie = part.slice(at + 1).trim();
  }
  return resolveLocale({ saved: null, cookie, acceptLanguage: headers.get("accept-language") });
}
