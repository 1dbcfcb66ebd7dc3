/** A seeded random source: returns floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: small, fast and good enough for tie-breaks and "random"
 * placement. The same seed always gives the same sequence.
 *
 * @example
 * const rng = mulberry32(42);
 * rng(); // 0.6011…, every time
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element picked with the rng, or undefined for an empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T | undefined {
  if (items.length <= 1) return items[0];
  return items[Math.floor(rng() * items.length)];
}
