import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnswerCore, startAttemptCore } from "@/lib/server/actions/attempt-core";
import { gradeCore } from "@/lib/server/actions/study-core";
import { isStorageUnavailable } from "@/lib/server/db";
import { optionIdOf, seedMatrixQuiz } from "@/lib/server/testing/attempts-fixture";
import { loadStudyBank } from "@/lib/server/testing/study-fixture";
import { setStorageReadOnly } from "@/lib/server/testing/test-database";
import { STATIC_SECURITY_HEADERS } from "../security-headers";
import { createMatrixWorld, type DisposableWorld } from "./access-matrix/world";
import { STORAGE_UNAVAILABLE_MESSAGE } from "./action-result";
import { isJsonContentType, jsonWrite } from "./json-route";

// The JSON writes (grading, quiz autosave) over a real SQLite file: what they answer, and that a
// database which cannot be written gets a specific 503 saying the answer was not saved, with
// nothing half-written. `setStorageReadOnly` makes the database refuse writes as a read-only disk does.

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

const send = (path: string, body: unknown, core: Parameters<typeof jsonWrite>[2]) =>
  jsonWrite(
    w.request(w.users.learner2, path, { method: "POST", body }),
    async (r) => ({ actor: await w.actorOf(r), db: w.db }),
    core,
  );

const readOnly = (on: boolean) => setStorageReadOnly(w.database, on);

describe("the grading route", () => {
  it("grades once per grading id and answers the card's new schedule", async () => {
    const first = await send("/api/study/grade", grading("6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b"), gradeCore);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { ok: boolean; result: { repeated: boolean; due: string } };
    expect(body.ok).toBe(true);
    expect(body.result.repeated).toBe(false);
    const again = await send("/api/study/grade", grading("6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b"), gradeCore);
    expect(((await again.json()) as { result: { repeated: boolean } }).result.repeated).toBe(true);
    expect(await w.db.review.count({ where: { userId: w.users.learner2.id } })).toBe(1);
  });

  it("carries the security headers itself (proxy.ts leaves these routes out)", async () => {
    const answers = [
      await send("/api/study/grade", grading("7e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9c"), gradeCore),
      await send("/api/study/grade", { nonsense: true }, gradeCore),
    ];
    for (const response of answers) {
      for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS))
        expect(response.headers.get(name), name).toBe(value);
      expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    }
  });

  it("names the field when the input is bad, and refuses a body that is not JSON", async () => {
    const bad = await send("/api/study/grade", { ...grading("not-a-uuid"), durationMs: -1 }, gradeCore);
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors)).toEqual(expect.arrayContaining(["reviewId", "durationMs"]));
    const request = new Request(w.request(w.users.learner2, "/api/study/grade", { method: "POST" }), {
      body: "{not json",
    });
    const notJson = await jsonWrite(
      request,
      async (r) => ({ actor: await w.actorOf(r), db: w.db }),
      gradeCore,
    );
    expect(notJson.status).toBe(400);
  });

  it("refuses a body over 64 KiB with 413 and bad UTF-8 with 400 naming the byte, saving nothing", async () => {
    const before = await w.db.review.count();
    const withBody = (body: BodyInit) =>
      jsonWrite(
        new Request(w.request(w.users.learner2, "/api/study/grade", { method: "POST" }), { body }),
        async (r) => ({ actor: await w.actorOf(r), db: w.db }),
        gradeCore,
      );
    const padded = JSON.stringify({
      ...grading("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d"),
      pad: "x".repeat(70_000),
    });
    const large = await withBody(padded);
    expect(large.status).toBe(413);
    expect(((await large.json()) as { formError: string }).formError).toBe("That request is too large.");
    const json = new TextEncoder().encode(JSON.stringify(grading("1b2c3d4e-5f6a-4b7c-8d8e-9f0a1b2c3d4e")));
    const broken = new Uint8Array([...json.slice(0, 10), 0xc3, 0x28, ...json.slice(10)]);
    const badText = await withBody(broken);
    expect(badText.status).toBe(400);
    expect(((await badText.json()) as { formError: string }).formError).toBe(
      "That request is not valid UTF-8 (byte 11 of its body).",
    );
    expect(await w.db.review.count()).toBe(before);
  });

  it("answers 401 with the sign-in message when nobody is signed in", async () => {
    const response = await jsonWrite(
      w.request(null, "/api/study/grade", {
        method: "POST",
        body: grading("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"),
      }),
      async (r) => ({ actor: await w.actorOf(r), db: w.db }),
      gradeCore,
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      ok: false,
      code: "not-signed-in",
      formError: "Sign in to continue.",
    });
  });

  it("accepts only application/json, with at most a UTF-8 charset (issue 21 item 9)", async () => {
    const withType = (contentType: string) => {
      const base = w.request(w.users.learner2, "/api/study/grade", {
        method: "POST",
        body: grading("9b0c1d2e-3f4a-4b5c-8d6e-7f8a9b0c1d2e"),
      });
      const headers = new Headers(base.headers);
      headers.set("content-type", contentType);
      return jsonWrite(
        new Request(base, { headers }),
        async (r) => ({ actor: await w.actorOf(r), db: w.db }),
        gradeCore,
      );
    };
    const before = await w.db.review.count();
    for (const type of [
      "application/json-evil",
      "application/jsonp",
      "application/json; charset=latin1",
      "application/json; foo=bar",
      "text/plain; application/json",
      "application/json, text/plain",
    ]) {
      const refused = await withType(type);
      expect(refused.status, type).toBe(415);
    }
    expect(await w.db.review.count()).toBe(before);
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("Application/JSON; charset=UTF-8")).toBe(true);
    expect(isJsonContentType('application/json;charset="utf-8"')).toBe(true);
    expect((await withType("application/json; charset=utf-8")).status).toBe(200);
  });

  it("answers 503 with a clear message when the database cannot be written, and saves nothing", async () => {
    const before = await w.db.review.count();
    await readOnly(true);
    try {
      const response = await send(
        "/api/study/grade",
        grading("7f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c"),
        gradeCore,
      );
      expect(response.status).toBe(503);
      const body = (await response.json()) as { ok: boolean; formError: string; reason: string };
      expect(body).toEqual({
        ok: false,
        reason: "storage-unavailable",
        formError: STORAGE_UNAVAILABLE_MESSAGE,
      });
      expect(body.formError).toMatch(/NOT saved/);
      // The server action gets the same refusal as a typed result.
      const action = await gradeCore(
        await w.as(w.users.learner2),
        grading("8a9b0c1d-2e3f-4a4b-9c5d-6e7f8a9b0c1d"),
      );
      expect(action).toMatchObject({ ok: false, reason: "storage-unavailable" });
    } finally {
      await readOnly(false);
    }
    expect(await w.db.review.count()).toBe(before);
    expect(await w.db.studyCard.count({ where: { userId: w.users.learner2.id } })).toBe(1);
  });
});

describe("the autosave route", () => {
  it("saves with the runner's seq, and answers 503 without saving when storage is unavailable", async () => {
    const { quizId } = await seedMatrixQuiz(w);
    const started = await startAttemptCore(await w.as(w.users.learner2), { quizId });
    if (!started.ok) throw new Error("could not start");
    // The runner names options by the attempt's opaque ids; the row keeps bank keys.
    const save = async (seq: number, keys: string[]) => ({
      attemptId: started.attemptId,
      questionId: "qz-one",
      answer: {
        kind: "choice",
        keys: await Promise.all(keys.map((k) => optionIdOf(w.db, started.attemptId, "qz-one", k))),
      },
      flagged: false,
      seq,
    });
    expect((await send("/api/quiz/autosave", await save(1, ["A"]), saveAnswerCore)).status).toBe(200);
    await readOnly(true);
    try {
      const refused = await send("/api/quiz/autosave", await save(2, ["B"]), saveAnswerCore);
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { formError: string }).formError).toBe(STORAGE_UNAVAILABLE_MESSAGE);
    } finally {
      await readOnly(false);
    }
    const stored = await w.db.attemptAnswer.findFirstOrThrow({ where: { attemptId: started.attemptId } });
    expect({ seq: stored.seq, answer: stored.answer }).toEqual({
      seq: 1,
      answer: JSON.stringify({ kind: "choice", keys: ["A"] }),
    });
  });
});

describe("isStorageUnavailable", () => {
  it("recognises read-only, full and unreadable storage, through Prisma's wrappers", () => {
    expect(isStorageUnavailable({ code: "SQLITE_FULL", message: "database or disk is full" })).toBe(true);
    expect(isStorageUnavailable(new Error("attempt to write a readonly database"))).toBe(true);
    expect(isStorageUnavailable(new Error("wrapped", { cause: { code: "SQLITE_IOERR_WRITE" } }))).toBe(true);
    expect(
      isStorageUnavailable({
        meta: { driverAdapterError: { cause: { message: "unable to open database file" } } },
      }),
    ).toBe(true);
  });

  it("leaves other errors alone (they stay 500s)", () => {
    expect(isStorageUnavailable({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" })).toBe(false);
    expect(isStorageUnavailable(new Error("Unique constraint failed on the fields: (`id`)"))).toBe(false);
    expect(isStorageUnavailable(null)).toBe(false);
  });
});
