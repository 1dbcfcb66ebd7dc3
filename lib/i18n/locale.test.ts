import { describe, expect, it } from "vitest";
import { isLocale, localeFromAcceptLanguage } from "./locale";

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
