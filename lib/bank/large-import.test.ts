import { describe, expect, it } from "vitest";
import { taskListBank } from "@/lib/testing/task-list-bank";
import { checkBanks, countByCode } from "./check";
import { importBank } from "./importers";
import { DEFAULT_LIMITS } from "./limits";
import { parseBank } from "./parse-bank";

// Issue 17 items 1 and 4: warnings never block a bank, however many there are; the findings are
// all returned and counted by code; a converted bank's findings point at the converted file and
// name the source line; big banks load and oversized ones are refused before parsing.

describe("a 700-question GitHub task-list bank with thousands of warnings", () => {
  const source = taskListBank(700);
  const result = importBank(source, { file: "aws-practice.md", outFile: "content/aws/practice.md" });

  it("converts to a bank that loads: no errors, every warning returned", () => {
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.bank?.questions).toHaveLength(700);
    // Three wrong options without a rationale, no explanation, no reference: 5 warnings each.
    expect(result.findings.length).toBe(700 * 5);
    expect(countByCode(result.findings)).toEqual([
      { code: "missing-rationale", severity: "warning", count: 2100 },
      { code: "missing-explanation", severity: "warning", count: 700 },
      { code: "missing-reference", severity: "warning", count: 700 },
    ]);
    // The written file loads as it is, with the same count (content/ sync and `bank check`).
    const loaded = parseBank(result.markdown, { file: "content/aws/practice.md" });
    expect(loaded.bank?.questions).toHaveLength(700);
    expect(loaded.findings).toHaveLength(3500);
  });

  it("points each finding at the converted file and names its question's line in the source", () => {
    const converted = result.markdown.split("\n");
    const sourceLines = source.split("\n");
    for (const f of result.findings) {
      expect(f.file).toBe("content/aws/practice.md");
      expect(f.source?.file).toBe("aws-practice.md");
      const heading = converted
        .slice(0, f.line)
        .reverse()
        .find((l) => l.startsWith("## "));
      const sourceHeading = sourceLines[(f.source?.line ?? 0) - 1] ?? "";
      // The converted question and the source question are the same one.
      expect(sourceHeading.startsWith("### ")).toBe(true);
      expect(heading).toContain(sourceHeading.replace(/^### /, "").replace(/\?$/, ""));
    }
  });

  it("summarises every finding by severity and code in checkBanks", () => {
    const { banks, summary } = checkBanks([{ file: "practice.md", text: result.markdown }]);
    expect(banks).toHaveLength(1);
    expect(summary.warnings).toBe(3500);
    expect(summary.byCode.find((c) => c.code === "missing-rationale")?.count).toBe(2100);
  });
});

describe("big is normal", () => {
  it("a 10,000-question import with 20,000 warnings or more loads", () => {
    const result = importBank(taskListBank(10_000), { file: "big.md" });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(result.findings.length).toBeGreaterThanOrEqual(20_000);
    expect(result.bank?.questions).toHaveLength(10_000);
  }, 120_000);

  it("a 5 MB file is refused before parsing, with the limit in the message", () => {
    const big = "a".repeat(5 * 1024 * 1024);
    const imported = importBank(big, { file: "big.md" });
    expect(imported.findings).toMatchObject([
      { code: "file-too-large", message: expect.stringContaining("4 MB") },
    ]);
    const parsed = parseBank(new TextEncoder().encode(big), { file: "big.md" });
    expect(parsed.bank).toBeNull();
    expect(parsed.findings).toMatchObject([
      { code: "file-too-large", message: expect.stringContaining("4 MB") },
    ]);
    expect(DEFAULT_LIMITS.maxBytes).toBe(4 * 1024 * 1024);
  });
});
