import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeFinding } from "@/lib/bank";
import { taskListBank } from "@/lib/testing/task-list-bank";
import { carryAssets, printFindings } from "./bank";

// The bank CLI's import and check (issue 17 items 1 and 4): the print cap is on what is printed
// only, errors first; images a converted bank refers to are copied beside it or reported.

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-bank-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI: its exit code, standard output, and both outputs together. */
const cli = (...args: string[]) => {
  const run = spawnSync("npx", ["tsx", "scripts/bank.ts", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, out: `${run.stdout}${run.stderr}` };
};

describe("printFindings", () => {
  it("prints errors first and at most 200 findings, saying how many more there are", () => {
    const warnings = Array.from({ length: 500 }, (_, i) =>
      makeFinding("a.md", "missing-explanation", i + 2, 1, "No explanation"),
    );
    const error = makeFinding("a.md", "missing-answer", 900, 1, "No option is marked right");
    const printed: string[] = [];
    printFindings([...warnings, error], () => undefined, { write: (t) => printed.push(t) });
    expect(printed).toHaveLength(201);
    expect(printed[0]).toContain("a.md:900:1: error");
    expect(printed[200]).toContain("… and 301 more findings not printed");
  });
});

describe("carryAssets", () => {
  it("copies an image found beside the source next to the converted bank, and reports a missing one", () => {
    fs.mkdirSync(path.join(dir, "src", "images"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "images", "eni.png"), "png");
    const markdown =
      "## Q {#q}\n\n![Diagram](images/eni.png)\n\n![Gone](images/gone.png)\n\n![Up](../secret.png)\n";
    const out = path.join(dir, "out", "bank.md");
    const fileOf = (p: string) => {
      const full = path.join(dir, "src", p);
      return fs.existsSync(full) ? new Uint8Array(fs.readFileSync(full)) : null;
    };
    const result = carryAssets(markdown, fileOf, "the source folder", out, out);
    expect(fs.readFileSync(path.join(dir, "out", "images", "eni.png"), "utf8")).toBe("png");
    expect(result.findings.map((f) => [f.code, f.line, f.message])).toEqual([
      ["missing-asset", 7, "../secret.png is outside the bank's folder: not carried"],
      ["missing-asset", 5, "images/gone.png is not in the source folder: learners will not see it"],
    ]);
  });
});

describe("npm run bank -- import and check, end to end", () => {
  it("a 700-question task-list bank imports with its image and checks with no error, every warning counted", () => {
    const source = path.join(dir, "practice.md");
    fs.writeFileSync(source, taskListBank(700, { image: "img/diagram.png" }));
    fs.mkdirSync(path.join(dir, "img"));
    fs.writeFileSync(path.join(dir, "img", "diagram.png"), "png");
    const out = path.join(dir, "content", "practice.md");
    const imported = cli("import", source, "--out", out);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("700 questions and cards written to");
    expect(imported.out).toContain(`from: ${source}:`);
    expect(imported.out).toContain("2,100 × missing-rationale (warning)");
    expect(fs.existsSync(path.join(dir, "content", "img", "diagram.png"))).toBe(true);
    const checked = cli("check", out, "--json");
    expect(checked.code).toBe(0);
    const json = JSON.parse(checked.stdout) as {
      summary: { errors: number; warnings: number };
      findings: unknown[];
    };
    expect(json.summary.errors).toBe(0);
    expect(json.findings).toHaveLength(json.summary.warnings);
    expect(json.summary.warnings).toBeGreaterThanOrEqual(3500);
  }, 120_000);
});
