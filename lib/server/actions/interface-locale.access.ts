import { expect } from "vitest";
import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { setInterfaceLocaleCore } from "./interface-locale-core";

// Role-matrix rows for the language switch (interface-locale.ts). Anyone may choose the language
// of their own browser; a signed-in learner's choice is saved to their settings only, and
// "browser" clears it.

const localeOf = async (w: MatrixWorld, key: "learner1" | "learner2") =>
  (await w.db.studySettings.findUnique({ where: { userId: w.users[key].id } }))?.locale ?? null;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const set = [] as Array<{ name: string; value: string }>;
const jar = { set: (name: string, value: string) => void set.push({ name, value }) };

export const accessRows: AccessRow[] = [
  {
    target: "lib/server/actions/interface-locale.ts#setInterfaceLocaleAction",
    who: "Everyone, for themselves: a visitor's browser, a learner's own setting.",
    attempts: [
      {
        label: "a visitor chooses Korean: the browser's cookie only, no one's settings",
        actor: null,
        expect: "allowed",
        run: async (w) =>
          setInterfaceLocaleCore(
            { ...(await w.as(null)), cookies: jar, isSecure: false },
            form({ locale: "ko" }),
          ),
        verify: async (w) => {
          expect(await w.db.studySettings.count()).toBe(0);
          expect(set.at(-1)).toEqual({ name: "taskdeck-locale", value: "ko" });
        },
      },
      {
        label: "learner1 chooses Korean naming learner2: only learner1's setting changes",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          setInterfaceLocaleCore(
            { ...(await w.as(w.users.learner1)), cookies: jar, isSecure: false },
            form({ locale: "ko", userId: w.users.learner2.id }),
          ),
        verify: async (w) => {
          expect(await localeOf(w, "learner1")).toBe("ko");
          expect(await localeOf(w, "learner2")).toBeNull();
        },
      },
      {
        label: "learner1 chooses the browser's language: their setting is cleared, the cookie too",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          setInterfaceLocaleCore(
            { ...(await w.as(w.users.learner1)), cookies: jar, isSecure: false },
            form({ locale: "browser" }),
          ),
        verify: async (w) => {
          expect(await localeOf(w, "learner1")).toBeNull();
          expect(set.at(-1)).toEqual({ name: "taskdeck-locale", value: "" });
        },
      },
      {
        label: "learner1 chooses Korean again",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          setInterfaceLocaleCore(
            { ...(await w.as(w.users.learner1)), cookies: jar, isSecure: false },
            form({ locale: "ko" }),
          ),
        verify: async (w) => expect(await localeOf(w, "learner1")).toBe("ko"),
      },
      {
        label: "learner1 sends a language Taskdeck does not speak",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          setInterfaceLocaleCore(
            { ...(await w.as(w.users.learner1)), cookies: jar, isSecure: false },
            form({ locale: "fr" }),
          ),
        verify: async (w) => expect(await localeOf(w, "learner1")).toBe("ko"),
      },
    ],
  },
];
