import { isMap, isNode, LineCounter, parseDocument } from "yaml";
import type { FindingSink } from "./codes";
import { BANK_META_KEYS, type BankMeta, bankMetaSchema } from "./schema";
import { didYouMean } from "./suggest";

/**
 * Reads the `---` YAML front matter at the top of a bank and validates it with zod.
 * Returns the metadata (null when it is missing or invalid) and the first body line (0-based).
 *
 * @example
 * readFrontMatter(["---", "id: ecs", "title: ECS", "topic: amazon-ecs", "---"], sink).meta?.id // "ecs"
 */
export function readFrontMatter(
  lines: string[],
  sink: FindingSink,
): { meta: BankMeta | null; bodyStart: number } {
  if ((lines[0] ?? "").trimEnd() !== "---") {
    sink.add("missing-front-matter", 1, 1, "The bank does not start with --- front matter");
    return { meta: null, bodyStart: 0 };
  }
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const t = (lines[i] ?? "").trimEnd();
    if (t === "---" || t === "...") {
      end = i;
      break;
    }
  }
  if (end < 0) {
    sink.add("bad-front-matter", 1, 1, "The front matter opened here is never closed with ---");
    return { meta: null, bodyStart: lines.length };
  }
  return { meta: parseMeta(lines.slice(1, end).join("\n"), sink), bodyStart: end + 1 };
}

function parseMeta(yamlText: string, sink: FindingSink): BankMeta | null {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  // Front matter starts on line 2 of the file.
  const at = (offset: number) => {
    const p = counter.linePos(offset);
    return { line: p.line + 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 5)) {
      const p = at(e.pos[0]);
      sink.add("bad-front-matter", p.line, p.column, `Front matter YAML: ${e.message.split(" at line")[0]}`);
    }
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    sink.add("bad-front-matter", 1, 1, `Front matter YAML: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  if (!isMap(doc.contents) || typeof value !== "object" || value === null || Array.isArray(value)) {
    sink.add("bad-front-matter", 1, 1, "The front matter must be YAML keys: id, title, topic, …");
    return null;
  }
  for (const pair of doc.contents.items) {
    const key = isNode(pair.key) ? String(pair.key.toJSON()) : String(pair.key);
    if (!BANK_META_KEYS.includes(key)) {
      const p = at(isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
      sink.add(
        "unknown-field",
        p.line,
        p.column,
        `Unknown front matter field "${key}"`,
        didYouMean(key, BANK_META_KEYS),
      );
    }
  }
  const parsed = bankMetaSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
      const node = path.length > 0 ? doc.getIn(path, true) : undefined;
      const p = isNode(node) && node.range ? at(node.range[0]) : { line: 1, column: 1 };
      const name = path.join(".") || "front matter";
      const message = issue.code === "invalid_type" && node === undefined ? "is required" : issue.message;
      sink.add("bad-front-matter", p.line, p.column, `Front matter ${name}: ${message}`);
    }
    return null;
  }
  return parsed.data;
}
