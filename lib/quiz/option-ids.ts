import type { GivenAnswer } from "@/lib/bank";

// An attempt's options travel to the browser under opaque ids, never under their bank keys: the
// keys are the letters A, B, C… in the written order, and for an ordering question the written
// order is the answer, so sorting the keys would answer it. The ids are random, made when the
// attempt is drawn and kept in its items; the server translates in both directions, and every
// stored answer (grading, statistics, CSV exports) stays in bank keys. Pure: the random source
// is an argument.

/** An attempt item's options: bank keys in the order shown, and the id each is shown under. */
export type IdentifiedItem = { optionOrder: string[]; optionIds?: string[] };

/** What an id looks like: lowercase hex, never a single capital letter like a bank key. */
export const OPTION_ID_PATTERN = /^[0-9a-f]{12}$/;

/**
 * Fresh ids for `count` options, distinct within the item.
 * @example newOptionIds(4, () => randomBytes(6).toString("hex"))
 */
export function newOptionIds(count: number, randomId: () => string): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(randomId());
  return [...ids];
}

/** The id a bank key is shown under (the key itself for attempts drawn before ids existed). */
export function publicIdOf(item: IdentifiedItem, key: string): string | null {
  const index = item.optionOrder.indexOf(key);
  if (index < 0) return null;
  return item.optionIds ? (item.optionIds[index] ?? null) : key;
}

/** The bank key behind an id the browser sent, or null when the item has no such option. */
export function keyOfPublicId(item: IdentifiedItem, id: string): string | null {
  const index = item.optionIds ? item.optionIds.indexOf(id) : item.optionOrder.indexOf(id);
  return index < 0 ? null : (item.optionOrder[index] ?? null);
}

const mapKeys = (keys: string[], map: (k: string) => string | null): string[] | null => {
  const out: string[] = [];
  for (const key of keys) {
    const mapped = map(key);
    if (mapped === null) return null;
    out.push(mapped);
  }
  return out;
};

/** A stored answer (bank keys) as the browser sees it (ids). Unknown keys are dropped. */
export function toPublicAnswer(item: IdentifiedItem, answer: GivenAnswer | null): GivenAnswer | null {
  if (!answer || (answer.kind !== "choice" && answer.kind !== "ordering")) return answer;
  return { kind: answer.kind, keys: answer.keys.flatMap((k) => publicIdOf(item, k) ?? []) };
}

/** A browser's answer (ids) in bank keys; null when it names an option the item does not have. */
export function toStoredAnswer(item: IdentifiedItem, answer: GivenAnswer): GivenAnswer | null {
  if (answer.kind !== "choice" && answer.kind !== "ordering") return answer;
  const keys = mapKeys(answer.keys, (id) => keyOfPublicId(item, id));
  if (!keys) return null;
  return { kind: answer.kind, keys: answer.kind === "choice" ? [...keys].sort() : keys };
}

/** Bank keys (an ordering key, a list of options) as ids, for a review sent to the open runner. */
export function toPublicKeys(item: IdentifiedItem, keys: string[]): string[] {
  return keys.flatMap((k) => publicIdOf(item, k) ?? []);
}
