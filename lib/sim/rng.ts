import type { Rng } from "../random/mulberry32";

// The simulator's seeded random source is Taskdeck's one mulberry32 (lib/random/mulberry32.ts).
export { mulberry32, type Rng } from "../random/mulberry32";

/** One element picked with the rng, or undefined for an empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T | undefined {
  if (items.length <= 1) return items[0];
  return items[Math.floor(rng() * items.length)];
}
