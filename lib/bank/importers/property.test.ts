import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzRuns } from "@/lib/testing/fuzz";
import { parseBank } from "../parse-bank";
import { type ImportFormat, importBank } from ".";

const RUNS = process.env.BANK_FUZZ_RUNS ? Number(process.env.BANK_FUZZ_RUNS) : fuzzRuns(300);
const FORMATS: ImportFormat[] = ["auto", "gfm", "quizdown", "obsidian", "gift", "anki"];
const TOKENS = [
  "\n",
  "\n\n",
  "# ",
  "## ",
  "### ",
  "#### ",
  "- [x] ",
  "- [ ]",
  "1. [x] ",
  "1. ",
  "- A. ",
  "- B. ",
  "(Correct)",
  "<details><summary>Answer</summary>",
  "Correct Answer: B",
  "</details>",
  "::",
  ":::",
  "?",
  "??",
  "==",
  "{{c1::",
  "}}",
  "#flashcards/aws",
  "<!--SR:!2024-01-01,1,250-->",
  "{",
  "}",
  "=",
  "~",
  "#",
  "####",
  "%50%",
  "TRUE",
  "$CATEGORY: a/b",
  "\\:",
  "\t",
  '"',
  "#separator:tab\n",
  "#html:true\n",
  "```",
  "```sim\n",
  "---\n",
  "> ",
  "  ",
  "kind: single",
  "{#id}",
  "<b>",
  "word",
  "Which mode?",
  "é",
];

describe("importers always write a bank that checks without errors", () => {
  it.each(FORMATS)("%s", (format) => {
    const input = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(""));
    fc.assert(
      fc.property(input, (text) => {
        const result = importBank(text, { file: "fuzz.txt", format });
        if (result.format === "taskdeck") return;
        const errors = parseBank(result.markdown, { file: "out.md" }).findings.filter(
          (f) => f.severity === "error",
        );
        expect(errors).toEqual([]);
        for (const d of result.dropped) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("importer regressions found by the property above", () => {
  it("keeps a card whose front holds a stray {{ (an Anki export line), rather than losing its ::", () => {
    const result = importBank('{{#id}"\t#### ', { file: "fuzz.txt", format: "auto" });
    const { bank, findings } = parseBank(result.markdown, { file: "out.md" });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(bank?.questions[0]).toMatchObject({ kind: "flashcard", front: '{{#id}"', back: "####" });
  });
});

describe("export regressions found by the property above", () => {
  it("writes a card whose code span would swallow the :: in the full form", () => {
    const result = importBank("1. ```\t### ```", { file: "fuzz.txt", format: "auto" });
    const { findings } = parseBank(result.markdown, { file: "out.md" });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
