import { describe, expect, it } from "vitest";
import { importFixture } from "@/lib/testing/bank-import-fixture";
import { importBank } from ".";

describe("GitHub task-list importer", () => {
  const { result, bank, byTitle } = importFixture("gfm-quirks.md");

  it("detects the format and imports every answerable question", () => {
    expect(result.format).toBe("gfm");
    expect(bank.meta.title).toBe("AWS Certified Developer - ECS practice questions");
    expect(bank.questions.map((q) => q.kind)).toEqual([
      "multiple",
      "single",
      "multiple",
      "single",
      "single",
      "multiple",
    ]);
  });

  it("tolerates ### and ####, no space after ], doubled spaces and (Correct) leftovers", () => {
    expect(
      byTitle("Which launch type removes the need to manage EC2 capacity? (Choose TWO)").chooseCount,
    ).toBe(2);
    const q = byTitle("A task must run on a specific instance type. What should you use?");
    expect(q.options.map((o) => [o.text, o.correct])).toEqual([
      ["A capacity provider strategy", false],
      ["A placement constraint with memberOf", true],
      ["A service quota", false],
    ]);
  });

  it("keeps images in the stem and skips back-to-top links and the table of contents", () => {
    expect(byTitle("What does this architecture show?").stem).toBe(
      "![ECS task networking](images/awsvpc.png)",
    );
    expect(result.markdown).not.toMatch(/Back to Top|table-of-contents/i);
    expect(result.dropped).toContainEqual({ line: 5, reason: "Table of contents skipped" });
  });

  it("reads <details> answer blocks after - A. options, with explanation and reference", () => {
    const q = byTitle("Which port does EFS use?");
    expect(q.options.map((o) => o.text)).toEqual(["22", "443", "2049", "3306"]);
    expect(q.options.find((o) => o.correct)?.key).toBe("C");
    expect(q.explanation).toBe("EFS speaks NFS on TCP port 2049.");
    expect(q.references).toEqual(["https://docs.aws.amazon.com/efs/latest/ug/network-access.html"]);
    const two = byTitle("Which two are valid ECS network modes on Linux EC2 instances?");
    expect(two.options.filter((o) => o.correct).map((o) => o.text)).toEqual(["awsvpc", "bridge"]);
  });

  it("reports a (Select three) hint that disagrees with the marks, in the converted file with its source line", () => {
    const mismatch = result.findings.filter((f) => f.code === "choose-count-mismatch");
    expect(mismatch.map((f) => [f.file, f.source, f.severity])).toEqual([
      ["gfm-quirks.taskdeck.md", { file: "gfm-quirks.md", line: 28 }, "warning"],
    ]);
    const converted = result.markdown.split("\n");
    const at = mismatch[0]?.line ?? 0;
    // The line it names in the converted file is inside that question (its heading is above it).
    const heading =
      converted
        .slice(0, at)
        .reverse()
        .find((l) => l.startsWith("## ")) ?? "";
    expect(heading).toMatch(/Select three|select three/i);
  });

  it("drops a question with no right answer, with its line", () => {
    expect(result.dropped).toContainEqual({
      line: 74,
      reason: "Question dropped: no option is marked as the right answer",
    });
  });

  it("gives imported questions deterministic slug ids", () => {
    const again = importBank(importFixture("gfm-quirks.md").text, { file: "gfm-quirks.md" });
    expect(again.markdown).toBe(result.markdown);
    expect(bank.questions[0]?.id).toBe("which-launch-type-removes-the-need-to-manage");
  });
});
