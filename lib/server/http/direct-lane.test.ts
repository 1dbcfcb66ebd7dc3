import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonAnswer, JsonWriteRequest } from "@/lib/server/auth/json-route";
import { directLane, serveDirectly } from "./direct-lane";

// The direct lane over a real socket, as Taskdeck's server (scripts/serve.mjs) uses it: what the
// write is handed of the request (headers, a body read within its cap, UTF-8 checked), and how its
// answer goes back. The JSON writes' own rules are json-route.test.ts's; the same write runs on
// both lanes.

type Seen = { headers: Headers; read: Awaited<ReturnType<JsonWriteRequest["readText"]>> | null };
const seen: Seen[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  serveDirectly("/test/echo", async (request): Promise<JsonAnswer> => {
    const entry: Seen = { headers: request.headers, read: null };
    seen.push(entry);
    // Like the JSON writes: refuse before reading when the request says so.
    if (request.headers.get("x-refuse-unread")) return { status: 403, headers: {}, body: { ok: false } };
    entry.read = await request.readText(64);
    return {
      status: entry.read.ok ? 200 : entry.read.reason === "too-large" ? 413 : 400,
      headers: { "Cache-Control": "no-store", "X-Frame-Options": "DENY" },
      body: { ok: entry.read.ok, text: entry.read.ok ? entry.read.text : null },
    };
  });
  // As scripts/serve.mjs dispatches, with a 404 standing in for Next.
  server = http.createServer((request, response) => {
    if (!directLane().answer(request, response)) response.writeHead(404).end("not on the lane");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw exchange over one socket, so the test controls framing (no Content-Length, chunks). */
function exchange(head: string, chunks: Array<string | Buffer>): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const socket = net.connect(Number(url.port), url.hostname);
    let text = "";
    socket.on("data", (data: Buffer) => {
      text += data.toString("latin1");
    });
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
    socket.write(head);
    for (const chunk of chunks) socket.write(chunk);
    // The server closes a connection whose body it left unread; otherwise end ours.
    setTimeout(() => socket.end(), 300);
  });
}

describe("the direct lane", () => {
  it("answers only an exact POST of a registered path, and leaves every other request to Next", async () => {
    const before = seen.length;
    const sent = [
      ["GET", "/test/echo"],
      ["POST", "/test/echo?x=1"],
      ["POST", "/test/echo/"],
      ["POST", "/test/other"],
    ] as const;
    for (const [method, path] of sent) {
      const response = await fetch(`${base}${path}`, { method, body: method === "POST" ? "{}" : undefined });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text()).toBe("not on the lane");
    }
    expect(seen.length).toBe(before);
    const taken = await fetch(`${base}/test/echo`, { method: "POST", body: "{}" });
    expect(taken.status).toBe(200);
    expect(seen.length).toBe(before + 1);
  });

  it("hands the write the request's headers and body, and sends its answer as JSON", async () => {
    const response = await fetch(`${base}/test/echo`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Twice": "a" },
      body: JSON.stringify({ grade: "good" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("connection")).not.toBe("close");
    expect(await response.json()).toEqual({ ok: true, text: '{"grade":"good"}' });
    const last = seen.at(-1);
    expect(last?.headers.get("content-type")).toBe("application/json");
    expect(last?.headers.get("host")).toBe(new URL(base).host);
  });

  it("keeps a repeated header's values, as a Web Request does", async () => {
    await exchange(
      "POST /test/echo HTTP/1.1\r\nHost: t\r\nX-Twice: a\r\nX-Twice: b\r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
      ["{}"],
    );
    expect(seen.at(-1)?.headers.get("x-twice")).toBe("a, b");
  });

  it("refuses a declared Content-Length over the cap without reading the body, and closes the connection", async () => {
    const before = seen.length;
    const text = await exchange("POST /test/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 65\r\n\r\n", []);
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(seen[before]?.read).toEqual({ ok: false, reason: "too-large", limit: 64 });
  });

  it("stops a chunked body at the first chunk past the cap", async () => {
    const before = seen.length;
    const chunk = (data: string) => `${data.length.toString(16)}\r\n${data}\r\n`;
    const text = await exchange("POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", [
      chunk("a".repeat(40)),
      chunk("b".repeat(40)),
    ]);
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text.toLowerCase()).toContain("connection: close");
    expect(seen[before]?.read).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("reads a body of exactly the cap, split across chunks", async () => {
    const chunk = (data: string) => `${data.length.toString(16)}\r\n${data}\r\n`;
    const text = await exchange(
      "POST /test/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
      [chunk("a".repeat(32)), chunk("b".repeat(32)), "0\r\n\r\n"],
    );
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(seen.at(-1)?.read).toEqual({ ok: true, text: `${"a".repeat(32)}${"b".repeat(32)}` });
  });

  it("refuses a body that is not UTF-8 and says where it stops being UTF-8", async () => {
    const response = await fetch(`${base}/test/echo`, {
      method: "POST",
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    expect(response.status).toBe(400);
    expect(seen.at(-1)?.read).toEqual({ ok: false, reason: "bad-utf8", offset: 2 });
  });

  it("closes the connection when the write answers before reading a body still on its way", async () => {
    const text = await exchange(
      "POST /test/echo HTTP/1.1\r\nHost: t\r\nX-Refuse-Unread: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
      ["5\r\nhello\r\n"],
    );
    expect(text).toMatch(/^HTTP\/1\.1 403/);
    expect(text.toLowerCase()).toContain("connection: close");
  });
});
