// Taskdeck's one seeded random source, shared by the quiz draw (lib/quiz/random.ts) and the ECS
// simulator (lib/sim/rng.ts): the same seed gives the same attempt and the same simulation, on
// the server, in the browser and in the CLIs. Pure: no Node module, no Math.random.

/** A seeded random source: returns floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a small, fast 32-bit PRNG, good enough for draws, shuffles, tie-breaks and
 * "random" placement (not for secrets: lib/quiz/option-ids.ts uses crypto for those).
 * @example
 * const rng = mulberry32(42);
 * rng(); // 0.6011037519201636, every time
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
