import { type Document, isMap, isNode, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export type Position = { line: number; column: number };

/**
 * The YAML node a zod path points at. Shorthand forms (a list where the long
 * form has `allow:`, a string where it has an object) do not have every
 * segment, so a missing key is skipped and the walk goes on; when nothing more
 * matches, the deepest node found is used.
 */
export function nodeAt(doc: Document, path: ReadonlyArray<PropertyKey>, keyOf?: string): Node | null {
  let node: unknown = doc.contents;
  let i = 0;
  while (i < path.length) {
    const seg = path[i];
    let next: unknown;
    if (isMap(node)) {
      next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg))?.value;
    } else if (isSeq(node) && typeof seg === "number") {
      next = node.items[seg];
    }
    if (isNode(next)) node = next;
    else if (next === undefined && isMap(node) && typeof seg === "string") {
      // skip a key the short form does not have
    } else break;
    i++;
  }
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === keyOf);
    if (pair && isNode(pair.key)) return pair.key;
  }
  return isNode(node) ? node : null;
}

/** 1-based line and column of a node's start. */
export function positionOf(node: Node | null, counter: LineCounter): Position {
  const offset = node?.range?.[0] ?? 0;
  const p = counter.linePos(offset);
  return { line: p.line, column: p.col };
}
