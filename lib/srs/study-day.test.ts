import { describe, expect, it } from "vitest";
import { isValidTimeZone, studyDayKey, studyDayStart, timeZoneOffsetMinutes } from "./study-day";

describe("studyDayStart", () => {
  it("starts the day at 4 am by default, so 2 am belongs to the day before", () => {
    expect(studyDayStart(new Date("2026-03-10T02:00:00Z"), "UTC", 4)).toEqual(
      new Date("2026-03-09T04:00:00Z"),
    );
    expect(studyDayStart(new Date("2026-03-10T05:00:00Z"), "UTC", 4)).toEqual(
      new Date("2026-03-10T04:00:00Z"),
    );
  });

  it("uses the learner's own time zone", () => {
    // 10:00 UTC is 05:00 in New York (EST, UTC−5): the day began at 04:00 local = 09:00 UTC.
    expect(studyDayStart(new Date("2026-01-15T10:00:00Z"), "America/New_York", 4)).toEqual(
      new Date("2026-01-15T09:00:00Z"),
    );
    // 20:00 UTC is 05:30 the next day in Adelaide (UTC+10:30 in January).
    expect(studyDayStart(new Date("2026-01-15T20:00:00Z"), "Australia/Adelaide", 4)).toEqual(
      new Date("2026-01-15T17:30:00Z"),
    );
  });

  it("handles the day a daylight-saving change happens", () => {
    // US clocks went forward at 2 am on 8 March 2026; 4 am that day was already EDT (UTC−4).
    expect(studyDayStart(new Date("2026-03-08T15:00:00Z"), "America/New_York", 4)).toEqual(
      new Date("2026-03-08T08:00:00Z"),
    );
  });

  it("names the study day by the learner's date", () => {
    expect(studyDayKey(new Date("2026-03-10T02:00:00Z"), "UTC", 4)).toBe("2026-03-09");
  });
});

describe("time zones", () => {
  it("reads offsets and validates names", () => {
    expect(timeZoneOffsetMinutes("Asia/Kolkata", new Date("2026-06-01T00:00:00Z"))).toBe(330);
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
