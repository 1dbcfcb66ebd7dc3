import { firstInvalidUtf8 } from "@/lib/bank/limits";

// The one way a Taskdeck route handler reads a request body: streamed, with a cap. A body whose
// declared Content-Length is over the cap is refused before a byte is read; one that streams past
// it (no or a lying Content-Length) is refused at the first chunk over the cap, and the rest is
// never read. /api/auth/* (16 KiB) and the JSON writes (64 KiB) use it.

/** A body read within its cap, or the reason it was refused. */
export type BodyRead =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; reason: "too-large"; limit: number };

/** A body read as UTF-8 text, or the reason it was refused (`offset`: the first bad byte). */
export type TextRead =
  | { ok: true; text: string }
  | { ok: false; reason: "too-large"; limit: number }
  | { ok: false; reason: "bad-utf8"; offset: number };

/**
 * Reads at most `limit` bytes of `request`'s body.
 * @example const read = await readBoundedBody(request, 16 * 1024); if (!read.ok) return tooLarge();
 */
export async function readBoundedBody(request: Request, limit: number): Promise<BodyRead> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => {});
    return { ok: false, reason: "too-large", limit };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: "too-large", limit };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: joinChunks(chunks, size) };
}

/** A body's chunks, `size` bytes in all, as one array (both body readers end with it). */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads at most `limit` bytes of `request`'s body as UTF-8, refusing malformed text instead of
 * replacing it with U+FFFD as `request.text()` would.
 * @example const read = await readBoundedText(request, 64 * 1024); if (read.ok) JSON.parse(read.text);
 */
export async function readBoundedText(request: Request, limit: number): Promise<TextRead> {
  return asUtf8Text(await readBoundedBody(request, limit));
}

/**
 * A bounded read's bytes as UTF-8 text, or where they stop being UTF-8. Shared by both ways a body
 * arrives: a Web Request (above) and the direct lane's Node request (lib/server/http/direct-lane.ts).
 * @example asUtf8Text({ ok: true, bytes: new Uint8Array([0x68, 0x69]) }) // { ok: true, text: "hi" }
 */
export function asUtf8Text(read: BodyRead): TextRead {
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, reason: "bad-utf8", offset: Math.max(0, firstInvalidUtf8(read.bytes)) };
  }
}
