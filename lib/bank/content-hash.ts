import type { Question } from "./schema";

const encoder = new TextEncoder();

/**
 * 64-bit FNV-1a of a string's UTF-8 bytes, as 16 hex digits. Pure JS (runs in the browser too);
 * computed on two 32-bit halves so it needs no BigInt.
 *
 * @example
 * fnv1a64("") // "cbf29ce484222325"
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ (bytes[i] ?? 0)) >>> 0;
    // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40)
    const loProduct = lo * 0x1b3;
    const carry = Math.floor(loProduct / 0x100000000);
    const hiProduct = hi * 0x1b3 + carry + ((lo << 8) >>> 0);
    lo = loProduct >>> 0;
    hi = hiProduct >>> 0;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** JSON with object keys sorted and undefined members left out, so equal values serialise equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * A stable hash of a question's content: everything a learner sees (and the instructor's
 * misconception tags), but not where it sits in the file (`line`), the parsed sim value (its YAML
 * is hashed) or an imported schedule hint. Sync writes a question only when this changes.
 *
 * @example
 * questionContentHash(q) === questionContentHash({ ...q, line: q.line + 10 }) // true
 */
export function questionContentHash(q: Question): string {
  const sim = (s: { yaml: string } | undefined) => (s ? s.yaml : undefined);
  return fnv1a64(
    canonicalJson({
      v: 1,
      id: q.id,
      kind: q.kind,
      title: q.title,
      stem: q.stem,
      options: q.options.map((o) => ({ ...o, sim: sim(o.sim) })),
      chooseCount: q.chooseCount,
      answer: q.answer,
      accepted: q.accepted,
      order: q.order,
      front: q.front,
      back: q.back,
      reversible: q.reversible,
      cloze: q.cloze,
      explanation: q.explanation,
      references: q.references,
      tags: q.tags,
      exams: q.exams,
      difficulty: q.difficulty,
      sim: sim(q.sim),
    }),
  );
}
