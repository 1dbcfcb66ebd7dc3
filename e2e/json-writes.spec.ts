import { expect, test } from "@playwright/test";
import { STORAGE_STATE } from "./setup/accounts";

// The two JSON writes (grading, quiz autosave) against the real server (scripts/serve.mjs). Taskdeck's
// server answers them on its direct lane once their route modules are loaded and through Next's
// route handler before that (lib/server/http/direct-lane.ts): every request here is sent several
// times, and every answer must be the same, with the same security headers, whichever lane took it.

const WRITES = ["/api/study/grade", "/api/quiz/autosave"] as const;
const TIMES = 3;

test.describe("the JSON writes, as any client can send them", () => {
  test("refuse what a Taskdeck page never sends, with the reason and the security headers", async ({
    request,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? "").origin;
    const json = { "Content-Type": "application/json" };
    const cases = [
      {
        name: "another site's Origin",
        headers: { ...json, Origin: "https://evil.example" },
        data: "{}",
        status: 403,
      },
      { name: "no Origin at all", headers: json, data: "{}", status: 403 },
      {
        name: "a form's content type",
        headers: { Origin: origin, "Content-Type": "text/plain" },
        data: "{}",
        status: 415,
      },
      {
        name: "a body over 64 KiB",
        headers: { ...json, Origin: origin },
        data: `"${"a".repeat(70_000)}"`,
        status: 413,
      },
      {
        name: "a body that is not JSON",
        headers: { ...json, Origin: origin },
        data: "{not json",
        status: 400,
      },
      { name: "nobody signed in", headers: { ...json, Origin: origin }, data: "{}", status: 401 },
    ];
    for (const path of WRITES) {
      for (const sent of cases) {
        const bodies = new Set<string>();
        for (let time = 0; time < TIMES; time++) {
          // A Buffer goes as it is: a string with a JSON content type would be encoded as JSON again.
          const response = await request.post(path, { headers: sent.headers, data: Buffer.from(sent.data) });
          expect(response.status(), `${path}, ${sent.name}`).toBe(sent.status);
          const headers = response.headers();
          expect(headers["content-type"]).toContain("application/json");
          expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
          expect(headers["x-content-type-options"]).toBe("nosniff");
          expect(headers["cache-control"]).toBe("no-store, no-transform");
          const body = (await response.json()) as { ok: boolean; formError?: string };
          expect(body.ok).toBe(false);
          expect(body.formError, `${path}, ${sent.name}`).toBeTruthy();
          bodies.add(JSON.stringify(body));
        }
        expect([...bodies], `${path}, ${sent.name}: one answer whichever lane`).toHaveLength(1);
      }
    }
  });

  test.describe("for a signed-in learner", () => {
    test.use({ storageState: STORAGE_STATE.learner });

    test("name the fields a bad grading got wrong, and save nothing for an attempt that is not theirs", async ({
      request,
      baseURL,
    }) => {
      const headers = { "Content-Type": "application/json", Origin: new URL(baseURL ?? "").origin };
      for (let time = 0; time < TIMES; time++) {
        const bad = await request.post("/api/study/grade", {
          headers,
          data: { reviewId: "not-a-uuid", ref: { questionId: "x", side: "" }, grade: "good", durationMs: -1 },
        });
        expect(bad.status()).toBe(422);
        const body = (await bad.json()) as { fieldErrors: Record<string, string[]> };
        expect(Object.keys(body.fieldErrors)).toEqual(expect.arrayContaining(["reviewId", "durationMs"]));

        // An autosave for an attempt that is not the learner's (or does not exist) saves nothing.
        const stray = await request.post("/api/quiz/autosave", {
          headers,
          data: {
            attemptId: "no-such-attempt",
            itemIndex: 0,
            seq: 1,
            answer: { kind: "choice", keys: ["a"] },
          },
        });
        expect([404, 422]).toContain(stray.status());
        expect(((await stray.json()) as { ok: boolean }).ok).toBe(false);
      }
    });
  });
});
