import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBanks } from "@/lib/bank";
import { fuzzRuns } from "@/lib/testing/fuzz";

// The Korean files beside the shipped banks, mutated at random: whatever line a careless edit
// breaks, the checker must point at it and keep the broken translation away from learners.

const DIR = path.join(process.cwd(), "content", "ecs");
const PAIRS = fs
  .readdirSync(DIR)
  .filter((name) => name.endsWith(".ko.md"))
  .sort()
  .map((name) => {
    const korean = path.join("content", "ecs", name);
    const english = korean.replace(/\.ko\.md$/, ".md");
    return {
      english: { file: english, text: fs.readFileSync(english, "utf8") },
      korean: { file: korean, lines: fs.readFileSync(korean, "utf8").split("\n") },
    };
  });
const RUNS = fuzzRuns(30);

type Pair = (typeof PAIRS)[number];

/** Checks one bank with its (mutated) Korean lines; returns the Korean file's findings and whether it was attached. */
function checkPair(pair: Pair, lines: string[]) {
  const { banks, findings } = checkBanks([pair.english, { file: pair.korean.file, text: lines.join("\n") }]);
  return {
    errors: findings.filter((f) => f.file === pair.korean.file && f.severity === "error"),
    attached: banks[0]?.questions.some((q) => q.translations?.ko) ?? false,
  };
}

/** A random pair and a random line index among those that satisfy `pick`. */
function lineOf(pick: (line: string) => boolean) {
  return fc
    .constantFrom(...PAIRS.filter((pair) => pair.korean.lines.some(pick)))
    .chain((pair) =>
      fc.constantFrom(...pair.korean.lines.flatMap((l, i) => (pick(l) ? [i] : []))).map((i) => ({ pair, i })),
    );
}

describe("the shipped Korean translations", () => {
  it("are one per bank, and each is attached as it stands", () => {
    expect(PAIRS.length).toBe(10);
    for (const pair of PAIRS)
      expect(checkPair(pair, pair.korean.lines)).toEqual({ errors: [], attached: true });
  });

  it("flag any option whose [x] mark is flipped, at that option's line", () => {
    fc.assert(
      fc.property(
        lineOf((l) => /^- \[[ x]\] /.test(l)),
        ({ pair, i }) => {
          const lines = [...pair.korean.lines];
          const line = lines[i] ?? "";
          lines[i] = line.startsWith("- [x]")
            ? line.replace("- [x]", "- [ ]")
            : line.replace("- [ ]", "- [x]");
          const { errors, attached } = checkPair(pair, lines);
          expect(attached).toBe(false);
          // The answer key differs; a parse error (several-answers, missing-answer) may come with it.
          expect(errors.map((f) => [f.code, f.line])).toContainEqual(["translation-answer", i + 1]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("flag any why that is dropped, at its option's line", () => {
    fc.assert(
      fc.property(
        lineOf((l) => /^ {2}- why: /.test(l)),
        ({ pair, i }) => {
          const lines = pair.korean.lines.filter((_, k) => k !== i);
          const option = pair.korean.lines.slice(0, i).findLastIndex((l) => /^- \[[ x]\] /.test(l));
          const { errors, attached } = checkPair(pair, lines);
          expect(attached).toBe(false);
          expect(errors.map((f) => [f.code, f.line])).toContainEqual(["translation-blank", option + 1]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("flag any id that is changed: unknown there, missing from the file", () => {
    fc.assert(
      fc.property(
        lineOf((l) => /\{#[a-z0-9.-]+\}\s*$/.test(l)),
        ({ pair, i }) => {
          const lines = [...pair.korean.lines];
          lines[i] = (lines[i] ?? "").replace(/\{#([a-z0-9.-]+)\}(\s*)$/, "{#$1-changed}$2");
          const { errors, attached } = checkPair(pair, lines);
          expect(attached).toBe(false);
          expect(errors.map((f) => [f.code, f.line])).toContainEqual(["translation-unknown-id", i + 1]);
          expect(errors.map((f) => f.code)).toContain("incomplete-translation");
        },
      ),
      { numRuns: RUNS },
    );
  });
});
