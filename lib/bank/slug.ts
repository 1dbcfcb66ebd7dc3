import { fnv1a64 } from "./content-hash";

/**
 * A deterministic id from a text: lowercase ASCII words joined by dashes, at most ~48 characters.
 * Text with no Latin letters or digits gets a short hash instead, so the id is still stable.
 *
 * @example
 * slugify("Which network mode must a Fargate task use?") // "which-network-mode-must-a-fargate-task-use"
 */
export function slugify(text: string, maxLength = 48): string {
  const plain = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\{\{c\d+::|::[^:}]*\}\}|\}\}/g, " ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (plain === "") return `q-${fnv1a64(text).slice(0, 8)}`;
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength);
  const dash = cut.lastIndexOf("-");
  return dash > maxLength / 2 ? cut.slice(0, dash) : cut.replace(/-+$/, "");
}

/**
 * Hands out ids that are unique among those already taken, adding -2, -3, … on collision: the
 * smallest free suffix, as always. Ids are only ever added, so the smallest free suffix of a base
 * never goes down; remembering where each base's search stopped makes n collisions cost O(n)
 * instead of O(n²) (20,000 identical Anki lines took 15.9 s that way).
 */
export class IdAllocator {
  private readonly taken = new Set<string>();
  /** Per base, the suffix below which every `base-n` is known to be taken. */
  private readonly nextSuffix = new Map<string, number>();

  reserve(id: string): void {
    this.taken.add(id);
  }

  /** A free id made from `base`. */
  next(base: string): string {
    let id = base;
    if (this.taken.has(id)) {
      let n = this.nextSuffix.get(base) ?? 2;
      for (id = `${base}-${n}`; this.taken.has(id); id = `${base}-${n}`) n++;
      this.nextSuffix.set(base, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}
