import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "@/lib/testing/fuzz";
import { exportMarkdown } from "./export/markdown";
import { parseBank } from "./parse-bank";
import { type Bank, questionSchema } from "./schema";
import { bankArb, positionless } from "./test-arbitraries";

// BANK_FUZZ_RUNS=100000 npx vitest run lib/bank/property.test.ts for the long run SECURITY.md asks for.
const RUNS = process.env.BANK_FUZZ_RUNS ? Number(process.env.BANK_FUZZ_RUNS) : fuzzRuns(2000);

const TOKENS = [
  "---\n",
  "id: x\ntitle: T\ntopic: t\n",
  "## ",
  "### Explanation\n",
  "### References\n",
  "### Answer\n",
  "### Back\n",
  "{#q}",
  "{#Q Q}",
  "\n",
  "\r\n",
  "\r",
  "- [x] ",
  "- [ ] ",
  "1. ",
  "  - why: ",
  "  - misconception: ",
  "```sim\n",
  "```\n",
  "~~~",
  "  ```sim\n",
  "kind: ",
  "single",
  "flashcards",
  "cloze",
  "typed",
  "ordering",
  "true-false",
  " · ",
  "difficulty: 9",
  "tags: a, b",
  "::",
  ":::",
  "{{c1::",
  "}}",
  "<!--SR:",
  "-->",
  "> ",
  "\t",
  "\uFEFF",
  "é",
  "e\u0301",
  "\uD800",
  "\u0000",
  "[x](javascript:alert(1))",
  "<script>",
  "a: [1",
  "&amp;",
  "*",
  "`",
  "[",
  "]",
];

describe("parseBank is total", () => {
  const wellFormed = (input: string | Uint8Array) => {
    const { bank, findings } = parseBank(input, { file: "fuzz.md" });
    for (const f of findings) {
      expect(f.file).toBe("fuzz.md");
      expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
      expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
      expect(f.message).not.toBe("");
      expect(f.hint).toBeTruthy();
      expect(f.code).not.toBe("internal-error");
    }
    if (bank) {
      expect(findings.some((f) => f.severity === "error")).toBe(false);
      for (const q of bank.questions) expect(questionSchema.safeParse(q).success).toBe(true);
    }
  };

  it("never throws on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), wellFormed), { numRuns: RUNS });
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), wellFormed), { numRuns: RUNS });
  });

  it("never throws on Markdown-shaped noise", () => {
    const noise = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join(""));
    fc.assert(fc.property(noise, wellFormed), { numRuns: RUNS });
  });

  it("survives pathological nesting and long lines without overflowing the stack", () => {
    for (const text of [
      `---\nid: x\ntitle: T\ntopic: t\n---\n## Q {#q}\n\n${"> ".repeat(5000)}deep\n`,
      `---\nid: x\ntitle: T\ntopic: t\n---\n## Q {#q}\n\n${Array.from({ length: 3000 }, (_, i) => `${" ".repeat(i % 200)}- x`).join("\n")}\n`,
      `---\nid: x\ntitle: T\ntopic: t\n---\n## Q {#q}\n\n${"[".repeat(9000)}\n- [x] a\n- [ ] b\n`,
      `---\nid: x\ntitle: T\ntopic: t\n---\n${"```\n".repeat(2000)}`,
      `---\nid: x\ntitle: T\ntopic: t\n---\n${Array.from({ length: 1500 }, (_, i) => `${"`".repeat(1500 - i)}\n`).join("")}`,
    ]) {
      expect(() => wellFormed(text)).not.toThrow();
    }
  });
});

describe("round trip", () => {
  it("parse(exportMarkdown(bank)) gives the same questions", () => {
    fc.assert(
      fc.property(bankArb, (bank) => {
        const text = exportMarkdown(bank);
        const { bank: parsed, findings } = parseBank(text, { file: "gen.md" });
        expect(findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(parsed?.meta).toEqual(bank.meta);
        expect(positionless(parsed?.questions ?? [])).toEqual(positionless(bank.questions));
        expect(exportMarkdown(parsed as Bank)).toBe(text);
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
  });
});

describe("a planted defect is reported at its line", () => {
  it("finds a question missing its answer wherever it is inserted", () => {
    fc.assert(
      fc.property(bankArb, fc.nat(), (bank, at) => {
        const lines = exportMarkdown(bank).split("\n");
        const headings = lines.flatMap((l, i) => (l.startsWith("## ") ? [i] : []));
        const insertAt =
          at % (headings.length + 1) === headings.length
            ? lines.length
            : (headings[at % (headings.length + 1)] ?? 0);
        const planted = [
          "## A planted broken question {#planted}",
          "",
          "kind: single · difficulty: 2",
          "",
          "- [ ] a",
          "- [ ] b",
          "",
        ];
        lines.splice(insertAt, 0, ...planted);
        const { findings } = parseBank(lines.join("\n"), { file: "gen.md" });
        const errors = findings.filter((f) => f.severity === "error");
        expect(errors.map((f) => [f.code, f.line, f.column])).toEqual([["missing-answer", insertAt + 1, 1]]);
      }),
      { numRuns: Math.min(RUNS, 500) },
    );
  });
});
