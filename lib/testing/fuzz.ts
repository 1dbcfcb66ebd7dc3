/**
 * How many runs a Taskdeck property test makes. Each suite names the count that keeps `npm test`
 * quick; FUZZ_SCALE multiplies every one of them for a soak run before a release, e.g.
 * `FUZZ_SCALE=50 npx vitest run lib/sim lib/srs lib/bank` (docs/benchmarks-history.md, "Property soak").
 * BANK_FUZZ_RUNS, the bank parser's older switch, still sets the bank suites' counts outright.
 */
export function fuzzRuns(defaultRuns: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`FUZZ_SCALE must be a positive number, not "${process.env.FUZZ_SCALE}"`);
  }
  return Math.max(1, Math.round(defaultRuns * scale));
}
