// Seeded randomness for draws and shuffles: the same seed always gives the same order.

/** A string hashed to a 32-bit seed (FNV-1a). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The seeded random source of draws and shuffles: mulberry32, the one the simulator uses too.
 * @example const rng = seededRng(seedOf("attempt-1")); rng() // 0.… (always the same)
 */
export { mulberry32 as seededRng } from "../random/mulberry32";

/** A shuffled copy (Fisher–Yates) using `rng`. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
