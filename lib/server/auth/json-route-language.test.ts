import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeCore } from "@/lib/server/actions/study-core";
import { saveInterfaceLocale } from "@/lib/server/data/interface-settings";
import { routeLocale } from "@/lib/server/i18n/current-locale";
import { loadStudyBank } from "@/lib/server/testing/study-fixture";
import { setStorageReadOnly } from "@/lib/server/testing/test-database";
import { createMatrixWorld, type DisposableWorld } from "./access-matrix/world";
import { jsonWrite } from "./json-route";

// The JSON writes answer in the learner's language, resolved as pages resolve it: the saved
// choice (Study settings' locale) before this browser's cookie and Accept-Language.

let w: DisposableWorld;
beforeAll(async () => {
  w = await createMatrixWorld();
  await loadStudyBank(w.db);
});
afterAll(async () => {
  await w.cleanup();
});

const grading = (reviewId: string) => ({
  reviewId,
  ref: { questionId: "fx-task-role", side: "" },
  grade: "good",
  durationMs: 1000,
  clientTime: "2026-01-01T00:00:00.000Z",
});

type Body = { ok: boolean; formError?: string; reason?: string };

async function grade(user: "learner1" | "learner2" | null, body: unknown, headers: Record<string, string>) {
  const request = w.request(user ? w.users[user] : null, "/api/study/grade", { method: "POST", body });
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  const response = await jsonWrite(
    request,
    async (r) => ({ actor: await w.actorOf(r), db: w.db }),
    gradeCore,
    routeLocale,
  );
  return { status: response.status, body: (await response.json()) as Body };
}

describe("the JSON writes' language", () => {
  it("follows the learner's saved language over an English browser", async () => {
    const me = (await w.as(w.users.learner2)).actor;
    if (!me) throw new Error("learner2 is not signed in");
    await saveInterfaceLocale(w.db, me, "ko");
    const refused = await grade("learner2", { nonsense: true }, { "accept-language": "en-US" });
    expect(refused.status).toBe(422);
    expect(refused.body.formError).toMatch(/[가-힣]/);
    await saveInterfaceLocale(w.db, me, null);
    const english = await grade("learner2", { nonsense: true }, { "accept-language": "en-US" });
    expect(english.body.formError).toBe("Check the highlighted fields.");
  });

  it("says storage is unavailable in the learner's language, saving nothing", async () => {
    const me = (await w.as(w.users.learner2)).actor;
    if (!me) throw new Error("learner2 is not signed in");
    await saveInterfaceLocale(w.db, me, "ko");
    const before = await w.db.review.count();
    await setStorageReadOnly(w.database, true);
    try {
      const refused = await grade("learner2", grading("9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e"), {});
      expect(refused.status).toBe(503);
      expect(refused.body.reason).toBe("storage-unavailable");
      expect(refused.body.formError).toMatch(/답이 저장되지 않았습니다/);
    } finally {
      await setStorageReadOnly(w.database, false);
      await saveInterfaceLocale(w.db, me, null);
    }
    expect(await w.db.review.count()).toBe(before);
  });

  it("answers a visitor and a request no page sends in the browser's language", async () => {
    const visitor = await grade(null, grading("0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f"), {
      "accept-language": "ko-KR",
    });
    expect(visitor.status).toBe(401);
    expect(visitor.body.formError).toBe("계속하려면 로그인하세요.");
    const notJson = await grade("learner2", "x", {
      cookie: "taskdeck-locale=ko",
      "content-type": "text/plain",
    });
    expect(notJson.status).toBe(415);
    expect(notJson.body.formError).toMatch(/JSON 형식으로 보내세요/);
  });
});
