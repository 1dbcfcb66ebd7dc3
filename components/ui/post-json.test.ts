import { afterEach, describe, expect, it, vi } from "vitest";
import { postJson } from "./post-json";

type Reply = () => Promise<Response>;

/** A fetch that plays `replies` in order and records every body it was sent. */
function fakeFetch(replies: Reply[]) {
  const bodies: string[] = [];
  const fetchMock = vi.fn(async (_path: string, init: RequestInit) => {
    bodies.push(String(init.body));
    const next = replies.shift();
    if (!next) throw new Error("more requests than the test expected");
    return next();
  });
  vi.stubGlobal("fetch", fetchMock);
  return { bodies, fetchMock };
}

const json =
  (status: number, value: unknown): Reply =>
  async () =>
    new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json" } });
const networkError: Reply = async () => {
  throw new TypeError("Failed to fetch");
};
/** A 200 whose body breaks off: the process died after the answer started. */
const cutOff: Reply = async () =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"ok":tr'));
        controller.error(new TypeError("network error"));
      },
    }),
    { status: 200 },
  );

afterEach(() => vi.unstubAllGlobals());

describe("postJson", () => {
  it("returns the server's result", async () => {
    fakeFetch([json(200, { ok: true, saved: true })]);
    expect(await postJson("/api/quiz/autosave", { seq: 1 })).toEqual({ ok: true, saved: true });
  });

  it("resends an idempotent write once, with the same body, when the request is lost in transit", async () => {
    const { bodies } = fakeFetch([networkError, json(200, { ok: true, saved: true })]);
    const result = await postJson("/api/quiz/autosave", { seq: 7 }, { idempotent: true, retryDelayMs: 0 });
    expect(result).toEqual({ ok: true, saved: true });
    expect(bodies).toEqual(['{"seq":7}', '{"seq":7}']);
  });

  it("resends an idempotent write whose answer broke off mid-body", async () => {
    const { fetchMock } = fakeFetch([cutOff, json(200, { ok: true, result: "graded" })]);
    const result = await postJson("/api/study/grade", { id: "r1" }, { idempotent: true, retryDelayMs: 0 });
    expect(result).toEqual({ ok: true, result: "graded" });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("resends once after a gateway's 502, and reports a second one as not saved", async () => {
    fakeFetch([json(502, "bad gateway"), json(502, "bad gateway")]);
    const result = await postJson("/api/study/grade", {}, { idempotent: true, retryDelayMs: 0 });
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining("502") });
  });

  it("says a foreign refusal in the page's language", async () => {
    vi.stubGlobal("document", { documentElement: { lang: "ko" } });
    fakeFetch([json(503, "unavailable"), json(413, "too large")]);
    const storage = await postJson("/api/study/grade", {});
    expect(storage).toMatchObject({ ok: false, formError: expect.stringMatching(/저장되지 않았습니다/) });
    const other = await postJson("/api/study/grade", {});
    expect(other).toEqual({ ok: false, formError: "답이 저장되지 않았습니다(서버 응답 413)." });
  });

  it("never resends a write that is not marked idempotent", async () => {
    const { fetchMock } = fakeFetch([networkError]);
    await expect(postJson("/api/x", {})).rejects.toThrow("Failed to fetch");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("does not resend an answer the server gave, even a refusal", async () => {
    const { fetchMock } = fakeFetch([json(503, { ok: false, formError: "busy" })]);
    const result = await postJson("/api/study/grade", {}, { idempotent: true, retryDelayMs: 0 });
    expect(result).toEqual({ ok: false, formError: "busy" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("rejects when the resend is lost too, as a failed action call does", async () => {
    fakeFetch([networkError, networkError]);
    await expect(postJson("/api/study/grade", {}, { idempotent: true, retryDelayMs: 0 })).rejects.toThrow(
      "Failed to fetch",
    );
  });
});
