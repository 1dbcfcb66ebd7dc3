import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BENCHMARKS_DOC,
  type Figure,
  type FiguresFile,
  figuresTable,
  readFigures,
  recordRun,
  TABLE_END,
  TABLE_START,
  withTable,
} from "./figures";
import { BENCHES, variantOf } from "./registry";

// The published figures are generated, not copied: the table in docs/benchmarks.md must be what
// docs/bench-figures.json renders to, and every measured figure must name a benchmark that exists.

const facts = {
  variant: "",
  measuredAt: "2026-12-07 09:00",
  loadAverage: "0.3→0.4",
  machine: "test machine",
  command: "npm run bench -- study --record",
};

const figure = (over: Partial<Figure>): Figure => ({
  bench: "study",
  variant: "",
  metric: "recordGrade p99",
  value: 14.5,
  unit: "ms",
  measuredAt: "2026-11-27 21:50",
  loadAverage: "1.3",
  machine: "old machine",
  command: "npm run bench -- study --record",
  kind: "measured",
  ...over,
});

describe("docs/benchmarks.md's current figures", () => {
  it("are the table docs/bench-figures.json renders to", () => {
    const doc = fs.readFileSync(path.join(process.cwd(), BENCHMARKS_DOC), "utf8");
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start, "the table's start marker").toBeGreaterThan(-1);
    expect(end, "the table's end marker").toBeGreaterThan(start);
    const published = doc.slice(start + TABLE_START.length, end).trim();
    expect(published, "run `npm run bench -- table`").toBe(figuresTable(readFigures().figures));
  });

  it("come from a benchmark in scripts/bench, or say how they were seen", () => {
    const { figures } = readFigures();
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      const where = `${f.bench}: ${f.metric}`;
      expect(typeof f.value, where).toBe("number");
      expect(f.measuredAt, where).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(f.loadAverage, where).not.toBe("");
      if (f.kind === "measured") {
        expect(Object.keys(BENCHES), where).toContain(f.bench);
        expect(f.command, where).toContain(`npm run bench -- ${f.bench}`);
      } else {
        expect(f.kind, where).toBe("observation");
        expect(f.how?.length ?? 0, where).toBeGreaterThan(10);
      }
    }
  });
});

describe("recordRun", () => {
  const file: FiguresFile = {
    about: "",
    figures: [
      figure({ bench: "load", metric: "throughput", value: 320, unit: "req/s" }),
      figure({ metric: "recordGrade p50", value: 0.26 }),
      figure({ metric: "recordGrade p99", value: 14.5 }),
      figure({ metric: "recordGrade p99", value: 30, variant: "STUDY_GRADINGS=500" }),
      figure({ bench: "framework floor", kind: "observation", how: "seen once by hand", value: 1226 }),
    ],
  };
  const run = {
    name: "study",
    rows: [{ metric: "recordGrade p99", value: 11, unit: "ms", target: "< 30 ms", ok: true }],
  };

  it("replaces the benchmark's figures of the same variant, in place, with the run's rows", () => {
    const after = recordRun(file, "study", run, facts).figures;
    expect(after.map((f) => [f.bench, f.variant, f.metric, f.value])).toEqual([
      ["load", "", "throughput", 320],
      ["study", "", "recordGrade p99", 11],
      ["study", "STUDY_GRADINGS=500", "recordGrade p99", 30],
      ["framework floor", "", "recordGrade p99", 1226],
    ]);
    expect(after[1]).toMatchObject({
      measuredAt: "2026-12-07 09:00",
      loadAverage: "0.3→0.4",
      machine: "test machine",
      target: "< 30 ms",
      ok: true,
      kind: "measured",
    });
  });

  it("adds a benchmark or variant recorded for the first time at the end", () => {
    const after = recordRun(file, "study", run, { ...facts, variant: "STUDY_PARTS=server" }).figures;
    expect(after).toHaveLength(file.figures.length + 1);
    expect(after.at(-1)).toMatchObject({ variant: "STUDY_PARTS=server", value: 11 });
  });

  it("never replaces an observation", () => {
    const after = recordRun(file, "framework floor", { name: "x", rows: [] }, facts).figures;
    expect(after.filter((f) => f.kind === "observation")).toHaveLength(1);
  });
});

describe("the table", () => {
  it("shows each figure with its target, status, date and where it comes from", () => {
    const table = figuresTable([
      figure({ target: "< 30 ms", ok: true }),
      figure({ variant: "LOAD_THINK_MS=1000", bench: "load", metric: "latency p99", value: 718, ok: false }),
      figure({
        bench: "framework floor",
        metric: "a | b",
        kind: "observation",
        how: "seen once",
        value: 1226.5,
      }),
    ]).split("\n");
    expect(table[2]).toBe(
      "| study | recordGrade p99 | 14.5 ms | < 30 ms | ✔ | 2026-11-27 21:50; 1.3 | `npm run bench -- study --record` |",
    );
    expect(table[3]).toContain("| load (LOAD_THINK_MS=1000) | latency p99 | 718 ms |  | ✖ |");
    expect(table[4]).toContain("| a \\| b | 1,226.5 ms |");
    expect(table[4]).toContain("one-off observation: seen once");
  });

  it("replaces only what lies between the markers, and refuses a page without them", () => {
    const page = `# B\n\n${TABLE_START}\nold\n${TABLE_END}\n\nafter\n`;
    expect(withTable(page, "new")).toBe(`# B\n\n${TABLE_START}\nnew\n${TABLE_END}\n\nafter\n`);
    expect(() => withTable("# B\n", "new")).toThrow(/lost its table markers/);
  });
});

describe("variantOf", () => {
  it("keeps the settings that change what is measured, sorted", () => {
    expect(
      variantOf({
        LOAD_THINK_MS: "1000",
        LOAD_DB: "postgres",
        LOAD_TIMELINE: "1",
        HOME: "/root",
        PATH: "/bin",
      }),
    ).toBe("LOAD_DB=postgres LOAD_THINK_MS=1000");
    expect(variantOf({})).toBe("");
  });
});
