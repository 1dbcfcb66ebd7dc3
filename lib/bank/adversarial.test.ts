import { describe, expect, it } from "vitest";
import { importBank } from "./importers";
import { parseBank } from "./parse-bank";
import { renderMarkdown } from "./render-markdown";

// Inputs built to make backtracking regexes or the Markdown parser go quadratic. Before the fixes
// they took 10-90 s each; the budget is generous so a busy machine does not fail the suite.
const BUDGET_MS = 5000;
const FRONT = "---\nid: x\ntitle: T\ntopic: t\n---\n";
const SPACES = " ".repeat(9900);

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("adversarial inputs stay fast", () => {
  const banks: Record<string, string> = {
    "long space runs in headings":
      FRONT +
      Array.from({ length: 90 }, (_, i) => `## a${SPACES}b {#q${i}}\n\n- [x] a\n- [ ] b\n`).join("\n"),
    "long space runs without ids": FRONT + Array.from({ length: 90 }, () => `## a${SPACES}#x\n`).join("\n"),
    "long space runs in deck cards": `${FRONT}## D\n\nkind: flashcards\n\n${Array.from({ length: 90 }, (_, i) => `- a :: b${SPACES}c {#c${i}}`).join("\n")}`,
    "many unclosed fences":
      FRONT + Array.from({ length: 3000 }, (_, i) => `${"`".repeat(3 + (i % 50))}sim\n`).join(""),
    "a long reference": `${FRONT}## Q {#q}\n\n- [x] a\n- [ ] b\n\n### References\n\n- [a](http://x${"y".repeat(4000)}${" ".repeat(5000)}z)\n`,
  };
  it.each(Object.entries(banks))("parseBank: %s", (_, text) => {
    expect(timed(() => parseBank(text, { file: "x.md" }))).toBeLessThan(BUDGET_MS);
  });

  const imports: Array<[string, string]> = [
    [
      "gfm",
      `### Q\n- [x] a\n- [ ] b\n${`Answer${SPACES}x\nExplanation${SPACES}y\n(Correct)${SPACES}w\n`.repeat(33)}`,
    ],
    ["gift", Array.from({ length: 90 }, () => `::Q:: a {=b${SPACES}c ~d}\n`).join("\n")],
    [
      "anki",
      `#separator:tab\n#html:true\n${Array.from({ length: 90 }, () => `a<br>${SPACES}\tb`).join("\n")}`,
    ],
    ["auto", `{${" =".repeat(4990)}\n`.repeat(2)],
    ["anki", `#separator:tab\n#html:true\n${`${"<b>".repeat(3300)}\tb\n`.repeat(95)}`],
    ["auto", `---\n${"id: x\n".repeat(4000)}`],
    ["obsidian", Array.from({ length: 90 }, () => `a${SPACES}::b`).join("\n")],
  ];
  it.each(imports)("importBank (%s)", (format, text) => {
    let refused = true;
    expect(
      timed(() => {
        refused = importBank(text, { file: "x", format: format as "auto" }).markdown === "";
      }),
    ).toBeLessThan(BUDGET_MS);
    expect(refused).toBe(false);
  });

  it("refuses imports past the parser's limits", () => {
    expect(
      importBank("a".repeat(10_001), { file: "x.md" }).findings.map((f) => [f.code, f.line, f.column]),
    ).toEqual([["line-too-long", 1, 10_001]]);
    expect(importBank("a\n".repeat(2_100_000), { file: "x.md" }).findings.map((f) => f.code)).toEqual([
      "file-too-large",
    ]);
  });

  it.each([
    ["deep quotes", "> ".repeat(5000)],
    ["unclosed brackets", `${"[".repeat(9000)}a${"](x)".repeat(9000)}`],
    ["brackets over lines", "[[[[[[[[[[\n".repeat(3000)],
  ])("renderMarkdown: %s", (_, md) => {
    expect(timed(() => renderMarkdown(md))).toBeLessThan(BUDGET_MS);
  });
});
