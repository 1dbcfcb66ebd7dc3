import { expect } from "vitest";
import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { adoptTimeZoneCore } from "./study-settings-core";

// Role-matrix rows for the first-visit time zone (study-settings.ts). A zone belongs to one
// learner: sending one never touches another learner's settings, and never replaces a zone the
// learner chose in Study settings.

const zoneOf = async (w: MatrixWorld, key: "learner1" | "learner2") =>
  (await w.db.studySettings.findUnique({ where: { userId: w.users[key].id } }))?.timeZone ?? null;

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/study-settings.ts#adoptTimeZoneAction",
    who: "Signed-in learners, for their own settings.",
    attempts: [
      {
        label: "a visitor sends a time zone",
        actor: null,
        expect: "refused",
        run: async (w) => adoptTimeZoneCore(await w.as(null), { timeZone: "Asia/Tokyo" }),
        verify: async (w) => expect(await w.db.studySettings.count()).toBe(0),
      },
      {
        label: "learner1 sends a zone naming learner2, and only learner1's zone is saved",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          adoptTimeZoneCore(await w.as(w.users.learner1), {
            timeZone: "Asia/Tokyo",
            userId: w.users.learner2.id,
          }),
        verify: async (w) => {
          expect(await zoneOf(w, "learner1")).toBe("Asia/Tokyo");
          expect(await zoneOf(w, "learner2")).toBeNull();
        },
      },
      {
        label: "learner2, who chose Europe/Paris in Study settings, sends another zone: the choice stays",
        actor: "learner2",
        expect: "allowed",
        run: async (w) => {
          await w.db.studySettings.create({
            data: { userId: w.users.learner2.id, timeZone: "Europe/Paris", timeZoneSetBy: "learner" },
          });
          return adoptTimeZoneCore(await w.as(w.users.learner2), { timeZone: "America/New_York" });
        },
        verify: async (w) => expect(await zoneOf(w, "learner2")).toBe("Europe/Paris"),
      },
      {
        label: "learner1 sends a zone that is not one",
        actor: "learner1",
        expect: "refused",
        run: async (w) => adoptTimeZoneCore(await w.as(w.users.learner1), { timeZone: "Mars/Olympus" }),
        verify: async (w) => expect(await zoneOf(w, "learner1")).toBe("Asia/Tokyo"),
      },
    ],
  },
];
