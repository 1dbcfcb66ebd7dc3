import { describe, expect, it } from "vitest";
import { readBoundedBody, readBoundedText } from "./bounded-body";

// The one body reader of Taskdeck's routes: a cap on what is read, not only on what is kept.

/** A POST whose body streams `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  const pulled = { count: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) {
        controller.close();
        return;
      }
      pulled.count += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  const request = new Request("http://taskdeck.test/api/study/grade", {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://taskdeck.test/api/study/grade", { method: "POST", headers, body });

describe("readBoundedBody", () => {
  it("refuses a streamed body past the cap at the first chunk over it, and reads no further", async () => {
    const { request, pulled } = streamed(1000, 1024);
    const read = await readBoundedBody(request, 4 * 1024);
    expect(read).toEqual({ ok: false, reason: "too-large", limit: 4096 });
    // Five 1 KiB chunks cross 4 KiB; the stream may have queued one ahead, never the 1,000.
    expect(pulled.count).toBeLessThanOrEqual(6);
    expect(pulled.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the cap without reading a byte", async () => {
    const { request, pulled } = streamed(10, 1024, { "content-length": "10240" });
    expect(await readBoundedBody(request, 1024)).toEqual({ ok: false, reason: "too-large", limit: 1024 });
    expect(pulled.count).toBeLessThanOrEqual(1);
  });

  it("accepts a body of exactly the cap, and refuses one byte more", async () => {
    const exact = await readBoundedBody(post(new Uint8Array(2048).fill(0x62)), 2048);
    expect(exact.ok && exact.bytes.byteLength).toBe(2048);
    expect(exact.ok && exact.bytes.every((b) => b === 0x62)).toBe(true);
    expect((await readBoundedBody(post(new Uint8Array(2049)), 2048)).ok).toBe(false);
  });

  it("keeps every byte, in order, across chunks", async () => {
    const { request } = streamed(3, 5);
    const read = await readBoundedBody(request, 15);
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe("a".repeat(15));
  });

  it("reads a request without a body as empty", async () => {
    const read = await readBoundedBody(new Request("http://taskdeck.test/", { method: "POST" }), 10);
    expect(read.ok && read.bytes.byteLength).toBe(0);
  });
});

describe("readBoundedText", () => {
  it("decodes UTF-8 within the cap, multi-byte characters included", async () => {
    const text = '{"answer":"Ünïcödé ✓"}';
    expect(await readBoundedText(post(text), Buffer.byteLength(text))).toEqual({ ok: true, text });
  });

  it("refuses bad UTF-8 with the offset of the first bad byte instead of replacing it", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]);
    expect(await readBoundedText(post(bytes), 100)).toEqual({ ok: false, reason: "bad-utf8", offset: 3 });
    const truncated = new Uint8Array([0x61, 0xe2, 0x9c]);
    expect(await readBoundedText(post(truncated), 100)).toEqual({ ok: false, reason: "bad-utf8", offset: 1 });
  });

  it("refuses an oversized body before decoding it", async () => {
    expect(await readBoundedText(post("x".repeat(101)), 100)).toEqual({
      ok: false,
      reason: "too-large",
      limit: 100,
    });
  });
});
