import { describe, expect, it } from "vitest";
import { FINDING_CODES, type FindingCode } from "./codes";
import { parseBank } from "./parse-bank";
import { bank, col, goodQuestion } from "./test-helpers";

type Case = { code: FindingCode; name: string; input: string; line: number; column: number; now?: string };

const q = (id: string, ...lines: string[]) => [`## Question ${id} {#${id}}`, "", ...lines, ""];
const options = ["- [x] right", "- [ ] wrong", "  - why: because"];
const tail = [
  "### Explanation",
  "",
  "Because.",
  "",
  "### References",
  "",
  "- https://aws.amazon.com/ecs/",
  "",
];

const CASES: Case[] = [
  {
    code: "unknown-field",
    name: "front matter typo",
    input: "---\nid: x\ntitle: T\ntopic: t\nauther: me\n---\n",
    line: 5,
    column: 1,
  },
  {
    code: "unknown-field",
    name: "metadata typo",
    input: bank(...q("q", "kind: single · dificulty: 2", "", ...options, "", ...tail)),
    line: 8,
    column: 16,
  },
  {
    code: "missing-id",
    name: "heading without id",
    input: bank("## A question", "", ...options, "", ...tail),
    line: 6,
    column: 1,
  },
  {
    code: "choose-count-mismatch",
    name: "(Choose two) with one answer",
    input: bank("## Pick the modes (Choose two) {#q}", "", ...options),
    line: 6,
    column: col("## Pick the modes (Choose two) {#q}", "Choose"),
  },
  {
    code: "duplicate-option",
    name: "same text twice",
    input: bank(...q("q", "- [x] awsvpc", "- [ ] AWSVPC.", "  - why: same")),
    line: 9,
    column: 4,
  },
  {
    code: "all-of-the-above",
    name: "all of the above",
    input: bank(...q("q", "- [ ] a", "  - why: no", "- [x] All of the above")),
    line: 10,
    column: 4,
  },
  {
    code: "missing-explanation",
    name: "no explanation",
    input: bank(...q("q", ...options)),
    line: 6,
    column: 1,
  },
  {
    code: "missing-reference",
    name: "no references",
    input: bank(...q("q", ...options)),
    line: 6,
    column: 1,
  },
  {
    code: "missing-rationale",
    name: "wrong option without why",
    input: bank(...q("q", "- [x] a", "- [ ] b")),
    line: 9,
    column: 4,
  },
  {
    code: "duplicate-stem",
    name: "same question twice",
    input: bank(...goodQuestion("a", "Same text"), ...goodQuestion("b", "same  TEXT.")),
    line: 22,
    column: 1,
  },
  {
    code: "answer-position-bias",
    name: "every answer is A",
    input: bank(...["a", "b", "c", "d", "e"].flatMap((id) => goodQuestion(id))),
    line: 1,
    column: 1,
  },
  { code: "empty-bank", name: "front matter only", input: bank(""), line: 1, column: 1 },
  {
    code: "unverified",
    name: "no verified date, checked with today's date",
    input: bank(...goodQuestion("q")),
    line: 6,
    column: 1,
    now: "2026-12-06",
  },
  {
    code: "stale",
    name: "verified 181 days before today",
    input: bank(...q("q", "kind: single · verified: 2026-06-08", "", ...options, "", ...tail)),
    line: 6,
    column: 1,
    now: "2026-12-06",
  },
];

describe("one input per warning code", () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.name}`, c] as const))("%s", (_, c) => {
    const { bank: parsed, findings } = parseBank(c.input, { file: "t.md", now: c.now });
    const match = findings.filter((f) => f.code === c.code);
    expect(match.map((f) => ({ line: f.line, column: f.column, severity: f.severity }))).toContainEqual({
      line: c.line,
      column: c.column,
      severity: "warning",
    });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(parsed).not.toBeNull();
  });

  it("covers every warning code the checker can report", () => {
    // Reported where a bank's files travel, not by parseBank: each has its own tests there.
    const reportedElsewhere: FindingCode[] = [
      "missing-asset", // scripts/bank-cli.test.ts (import --out) and check-upload's asset check
    ];
    const covered = new Set([...CASES.map((c) => c.code), ...reportedElsewhere]);
    const warnings = Object.entries(FINDING_CODES).filter(([, info]) => info.severity === "warning");
    expect(warnings.map(([code]) => code).filter((code) => !covered.has(code as FindingCode))).toEqual([]);
  });

  it("does not warn about position bias at exactly 40%", () => {
    const marked = (id: string, right: number) => [
      `## Question ${id} {#${id}}`,
      "",
      ...["A", "B", "C"].map((k, i) => (i === right ? `- [x] ${k}` : `- [ ] ${k}\n  - why: no`)),
      "",
      ...tail,
    ];
    const body = [marked("a", 0), marked("b", 0), marked("c", 1), marked("d", 1), marked("e", 2)].flat();
    const { findings } = parseBank(bank(...body), { file: "t.md" });
    expect(findings.filter((f) => f.code === "answer-position-bias")).toEqual([]);
    const biased = [marked("a", 0), marked("b", 0), marked("c", 0), marked("d", 1), marked("e", 2)].flat();
    expect(parseBank(bank(...biased), { file: "t.md" }).findings.map((f) => f.code)).toContain(
      "answer-position-bias",
    );
  });
});
