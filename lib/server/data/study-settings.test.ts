import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLearner } from "../testing/study-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { loadProgress } from "./progress";
import { saveExamDate } from "./progress-exam";
import {
  adoptBrowserTimeZone,
  browserTimeZoneSchema,
  getStudyPreferences,
  saveStudyPreferences,
} from "./study-settings";

// The first signed-in visit saves the browser's time zone, so a learner's days and streaks are in
// their zone from the start; a zone they chose is never replaced.

let db: TestDatabase;
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.cleanup();
});

const settingsFor = (timeZone: string) => ({
  desiredRetention: 0.9,
  maximumIntervalDays: 365,
  enableFuzz: true,
  newPerDay: 10,
  dayStartHour: 4,
  timeZone,
});

describe("adoptBrowserTimeZone", () => {
  it("saves the browser's zone for a learner who never had one, and the progress page uses it", async () => {
    const me = await createLearner(db.prisma, "fresh");
    expect((await getStudyPreferences(db.prisma, me)).timeZone).toBe("UTC");
    expect(await adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo")).toEqual({
      saved: true,
      isFromBrowser: true,
    });
    expect((await getStudyPreferences(db.prisma, me)).timeZone).toBe("Asia/Tokyo");
    const view = await loadProgress(db.prisma, me, new Date("2026-03-02T16:00:00Z"));
    expect(view.timeZone).toBe("Asia/Tokyo");
    // 16:00 UTC is 01:00 on 3 March in Tokyo, before the 4:00 day start: still the 2nd's study day.
    expect(view.heatmap.at(-1)?.date).toBe("2026-03-02");
    const later = await loadProgress(db.prisma, me, new Date("2026-03-02T20:00:00Z"));
    expect(later.heatmap.at(-1)?.date).toBe("2026-03-03");
  });

  it("saves only once: a later visit from another zone changes nothing", async () => {
    const me = await createLearner(db.prisma, "traveller");
    await adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo");
    expect(await adoptBrowserTimeZone(db.prisma, me, "America/New_York")).toEqual({
      saved: false,
      isFromBrowser: true,
    });
    expect((await getStudyPreferences(db.prisma, me)).timeZone).toBe("Asia/Tokyo");
  });

  it("never replaces a zone the learner saved in Study settings, even UTC", async () => {
    const me = await createLearner(db.prisma, "chooser");
    await saveStudyPreferences(db.prisma, me, settingsFor("UTC"));
    expect(await adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo")).toEqual({
      saved: false,
      isFromBrowser: false,
    });
    const prefs = await getStudyPreferences(db.prisma, me);
    expect(prefs.timeZone).toBe("UTC");
    expect(prefs.newPerDay).toBe(10);
  });

  it("fills in the zone of a learner whose settings row only holds an exam date, keeping the date", async () => {
    const me = await createLearner(db.prisma, "examiner");
    const exam = new Date("2026-09-01T12:00:00Z");
    await saveExamDate(db.prisma, me, exam, 0.85);
    expect(await adoptBrowserTimeZone(db.prisma, me, "Europe/Paris")).toEqual({
      saved: true,
      isFromBrowser: true,
    });
    const prefs = await getStudyPreferences(db.prisma, me);
    expect(prefs.timeZone).toBe("Europe/Paris");
    expect(prefs.examDate?.toISOString()).toBe(exam.toISOString());
    expect(prefs.examTargetRecall).toBe(0.85);
  });

  it("a Study settings save after the first visit is the learner's choice from then on", async () => {
    const me = await createLearner(db.prisma, "changer");
    await adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo");
    await saveStudyPreferences(db.prisma, me, settingsFor("Europe/Lisbon"));
    expect(await adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo")).toMatchObject({ saved: false });
    expect((await getStudyPreferences(db.prisma, me)).timeZone).toBe("Europe/Lisbon");
  });

  it("two tabs at once save the zone once, and the row exists once", async () => {
    const me = await createLearner(db.prisma, "two-tabs");
    const results = await Promise.all([
      adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo"),
      adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo"),
    ]);
    expect(results.filter((r) => r.saved).length).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.studySettings.count({ where: { userId: me.id } })).toBe(1);
    expect((await getStudyPreferences(db.prisma, me)).timeZone).toBe("Asia/Tokyo");
  });

  it("touches no other learner's settings", async () => {
    const me = await createLearner(db.prisma, "me");
    const other = await createLearner(db.prisma, "other");
    await adoptBrowserTimeZone(db.prisma, me, "Asia/Tokyo");
    expect(await db.prisma.studySettings.count({ where: { userId: other.id } })).toBe(0);
  });
});

describe("browserTimeZoneSchema", () => {
  it.each(["Asia/Tokyo", "America/Argentina/Buenos_Aires", "UTC"])("accepts %s", (timeZone) => {
    expect(browserTimeZoneSchema.safeParse({ timeZone }).success).toBe(true);
  });
  it.each(["Mars/Olympus", "", "x".repeat(65), 42])("refuses %s", (timeZone) => {
    expect(browserTimeZoneSchema.safeParse({ timeZone }).success).toBe(false);
  });
});
