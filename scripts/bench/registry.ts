import type { BenchResult } from "./types";

// Every benchmark `npm run bench -- <name>` can run, by name. The figures file
// (docs/bench-figures.json) names these; a measured figure of any other name has no code behind it.

export type Bench = () => Promise<BenchResult>;

export const BENCHES: Record<string, () => Promise<Bench>> = {
  bank: async () => (await import("./bank")).benchBank,
  sim: async () => (await import("./sim")).benchSim,
  "sim-view": async () => (await import("./sim-view")).benchSimView,
  study: async () => (await import("./study")).benchStudy,
  load: async () => (await import("./load")).benchLoad,
  capacity: async () => (await import("./capacity")).benchCapacity,
  faults: async () => (await import("./faults")).benchFaults,
  pages: async () => (await import("./pages")).benchPages,
  dashboard: async () => (await import("./dashboard")).benchDashboard,
  upload: async () => (await import("./upload")).benchUpload,
};

/**
 * The environment variables that change what a benchmark measures (not only how it reports), by
 * the prefixes the benches read. A figure recorded with some set is a variant of its own: it
 * replaces only figures recorded with the same set.
 */
const CONFIG_PREFIXES = /^(LOAD|STUDY|FAULT|FAULTS|PAGES|CAPACITY|UPLOAD|SIM|BANK|HAPROXY|BENCH_DASHBOARD)_/;
const NOT_CONFIG = new Set(["LOAD_TIMELINE", "BENCH_DASHBOARD_DB"]);

/**
 * The settings a run was made with, as `NAME=value` words, sorted.
 * @example variantOf({ LOAD_THINK_MS: "1000", HOME: "/root" }) // "LOAD_THINK_MS=1000"
 */
export function variantOf(env: Record<string, string | undefined>): string {
  return Object.keys(env)
    .filter((name) => CONFIG_PREFIXES.test(name) && !NOT_CONFIG.has(name))
    .sort()
    .map((name) => `${name}=${env[name]}`)
    .join(" ");
}
