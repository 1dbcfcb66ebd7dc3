import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { dateTimeText, spanText as spanIn, untilText as untilIn, type WhenWords } from "./when";

const words = (locale: "en" | "ko"): WhenWords => {
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "today.when" });
  return (key, values) => t(key, values as Record<string, number>);
};
const en = words("en");
const spanText = (ms: number) => spanIn(ms, en);
const untilText = (at: string, now: Date) => untilIn(at, now, en);

describe("spanText", () => {
  it("says a span in the unit a person would use", () => {
    expect(spanText(20_000)).toBe("less than a minute");
    expect(spanText(60_000)).toBe("1 minute");
    expect(spanText(45 * 60_000)).toBe("45 minutes");
    expect(spanText(60 * 60_000)).toBe("1 hour");
    expect(spanText(90 * 60_000)).toBe("1 hour 30 minutes");
    expect(spanText(7.4 * 3_600_000)).toBe("7 hours");
    expect(spanText(36 * 3_600_000)).toBe("2 days");
    expect(spanText(-5)).toBe("less than a minute");
  });
});

describe("untilText", () => {
  const now = new Date("2026-03-02T10:00:00Z");
  it("counts forward from now, and says now once the time has come", () => {
    expect(untilText("2026-03-02T13:00:00Z", now)).toBe("in 3 hours");
    expect(untilText("2026-03-05T10:00:00Z", now)).toBe("in 3 days");
    expect(untilText("2026-03-02T09:00:00Z", now)).toBe("now");
  });
});

describe("dateTimeText", () => {
  it("shows the time on the reader's clock, naming the zone", () => {
    expect(dateTimeText("2026-03-02T10:00:00Z", "UTC")).toBe("Mon, Mar 2, 2026, 10:00 AM UTC");
    expect(dateTimeText("2026-03-02T10:00:00Z", "Europe/Paris")).toBe("Mon, Mar 2, 2026, 11:00 AM GMT+1");
    expect(dateTimeText("2026-03-02T10:00:00Z", "America/New_York")).toBe("Mon, Mar 2, 2026, 5:00 AM EST");
  });
  it("leaves the year out only when it is this year", () => {
    const now = new Date("2026-12-31T00:00:00Z");
    expect(dateTimeText("2027-01-04T09:30:00Z", "UTC", now)).toBe("Mon, Jan 4, 2027, 9:30 AM UTC");
    expect(dateTimeText("2026-06-01T09:30:00Z", "UTC", now)).toBe("Mon, Jun 1, 9:30 AM UTC");
  });
});

describe("in Korean", () => {
  const ko = words("ko");
  it("says spans and dates the Korean way", () => {
    expect(spanIn(90 * 60_000, ko)).toBe("1시간 30분");
    expect(untilIn("2026-03-05T10:00:00Z", new Date("2026-03-02T10:00:00Z"), ko)).toBe("3일 후");
    expect(dateTimeText("2026-03-02T10:00:00Z", "UTC", undefined, "ko")).toMatch(
      /^2026년 3월 2일 \(월\) (오전|AM) 10:00 UTC$/,
    );
  });
});
