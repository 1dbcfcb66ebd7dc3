import type { FindingSink } from "./codes";

/** Bounds that keep a hostile or accidental input from costing the server. */
export type Limits = {
  /** File size in UTF-8 bytes. */
  maxBytes: number;
  /** Questions and cards per bank. */
  maxQuestions: number;
  /** Characters per line. */
  maxLineLength: number;
  /** Nested lists and block quotes on one line. */
  maxDepth: number;
  /**
   * A safety bound on the findings one file may produce, far above any real bank (a 20,000-question
   * import with five warnings each stays well under it): past it the checker stops with a
   * `too-many-findings` error, so a hostile file cannot fill memory. It is not a display cap: every
   * finding below it is checked and returned; the CLI and the upload form decide what to print.
   */
  maxFindings: number;
};

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 4 * 1024 * 1024,
  maxQuestions: 20_000,
  maxLineLength: 10_000,
  maxDepth: 16,
  maxFindings: 250_000,
};

/** How many findings the CLI prints and the upload form lists before summing up the rest by code. */
export const PRINTED_FINDINGS = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Turns raw input into clean text: size and binary checks, UTF-8 validation, BOM removed, CRLF and CR
 * turned into LF (so line numbers match every editor's), Unicode normalised to NFC.
 * Returns null when the input must not be parsed at all (too large or binary).
 *
 * @example
 * decodeInput(new TextEncoder().encode("\uFEFF# Bank\r\n"), DEFAULT_LIMITS, sink) // "# Bank\n"
 */
export function decodeInput(input: string | Uint8Array, limits: Limits, sink: FindingSink): string | null {
  let text: string;
  if (typeof input === "string") {
    if (utf8LengthExceeds(input, limits.maxBytes)) {
      sink.add("file-too-large", 1, 1, `The file is larger than ${formatBytes(limits.maxBytes)}`);
      return null;
    }
    const nul = input.indexOf("\u0000");
    if (nul >= 0) {
      const at = stringPosition(input, nul);
      sink.add("binary-file", at.line, at.column, "The file contains a NUL byte: it is binary, not text");
      return null;
    }
    text = input;
    const bad = LONE_SURROGATE.exec(text);
    if (bad) {
      const at = stringPosition(text, bad.index);
      sink.add(
        "invalid-utf8",
        at.line,
        at.column,
        "The text contains an unpaired surrogate (invalid Unicode)",
      );
      text = text.replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");
    }
  } else {
    if (input.length > limits.maxBytes) {
      sink.add("file-too-large", 1, 1, `The file is larger than ${formatBytes(limits.maxBytes)}`);
      return null;
    }
    const nul = input.indexOf(0);
    if (nul >= 0) {
      const at = bytePosition(input, nul);
      sink.add("binary-file", at.line, at.column, "The file contains a NUL byte: it is binary, not text");
      return null;
    }
    text = decodeBytes(input, sink);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  // NFC so that "é" typed two ways compares equal in ids, options and stems.
  if (/[\u0080-\uffff]/.test(text)) text = text.normalize("NFC");
  return text;
}

function decodeBytes(bytes: Uint8Array, sink: FindingSink): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const at = bytePosition(bytes, Math.max(0, offset));
    sink.add("invalid-utf8", at.line, at.column, "The file is not valid UTF-8 text here");
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** Byte offset of the first malformed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (d < min || d > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) lineStart = 3;
  const prefix = new TextDecoder("utf-8").decode(bytes.subarray(Math.min(lineStart, offset), offset));
  return { line, column: prefix.replace(/\r$/, "").length + 1 };
}

function stringPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  const bom = line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { line, column: offset - lineStart - bom + 1 };
}

function utf8LengthExceeds(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
    if (n > max) return true;
  }
  return false;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024
    ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`
    : `${Math.round(n / 1024)} KB`;
}
