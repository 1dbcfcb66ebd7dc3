import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage, resolveLocale } from "./locale";

describe("localeFromAcceptLanguage", () => {
  it("takes the highest-weighted language we speak", () => {
    expect(localeFromAcceptLanguage("ko-KR,ko;q=0.9,en-US;q=0.8")).toBe("ko");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,ko;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, ko;q=0.5, en;q=0.4")).toBe("ko");
    expect(localeFromAcceptLanguage("en;q=0.2, ko;q=0.7")).toBe("ko");
  });

  it("falls back to English for nothing, garbage, q=0 and languages we do not speak", () => {
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("ko;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(";;,,q=")).toBe("en");
  });

  it("knows its locales", () => {
    expect(isLocale("ko")).toBe(true);
    expect(isLocale("ko-KR")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe("resolveLocale", () => {
  it("prefers the learner's saved choice, then this browser's, then Accept-Language", () => {
    expect(resolveLocale({ saved: "ko", cookie: "en", acceptLanguage: "en" })).toBe("ko");
    expect(resolveLocale({ saved: null, cookie: "ko", acceptLanguage: "en" })).toBe("ko");
    expect(resolveLocale({ saved: null, cookie: undefined, acceptLanguage: "ko-KR,en;q=0.5" })).toBe("ko");
    expect(resolveLocale({ saved: "xx", cookie: "zz", acceptLanguage: "fr" })).toBe("en");
  });
});
