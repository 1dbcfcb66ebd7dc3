import { describe, expect, it } from "vitest";
import { importBank } from ".";
import { detectFormat } from "./detect";

describe("detectFormat", () => {
  it.each([
    ["### Q?\n- [x] a\n- [ ] b", "q.md", "gfm"],
    [
      "### Q?\n- A. one\n- B. two\n<details><summary>Answer</summary>Correct Answer: A</details>",
      "q.md",
      "gfm",
    ],
    ["---\nshuffleAnswers: true\n---\n# Q\n- [x] a", "q.md", "quizdown"],
    ["# Q\n1. [x] a\n1. [ ] b", "q.md", "quizdown"],
    ["#flashcards/aws\nmode::awsvpc", "cards.md", "obsidian"],
    ["Question\n?\nAnswer", "cards.md", "obsidian"],
    ["::Q1:: Fargate supports EFS. {TRUE}", "q.txt", "gift"],
    ["Use {=awsvpc ~bridge} mode.", "q.txt", "gift"],
    ["anything", "q.gift", "gift"],
    ["#separator:tab\na\tb", "cards.txt", "anki"],
    ["a\tb\nc\td", "cards.txt", "anki"],
    ["---\nid: x\ntitle: X\ntopic: t\n---\n## Q {#q}\n- [x] a", "bank.md", "taskdeck"],
  ])("%j (%s) is %s", (text, file, format) => {
    expect(detectFormat(text, file)).toBe(format);
  });

  it("rewrites a Taskdeck bank in canonical form", () => {
    const r = importBank("---\nid: x\ntitle: X\ntopic: t\n---\n## Q {#q}\n\n- [x]   a\n- [ ] b\n", {
      file: "bank.md",
    });
    expect(r.format).toBe("taskdeck");
    expect(r.markdown).toContain("- [x] a\n- [ ] b");
  });

  it("never throws on odd input", () => {
    for (const format of ["auto", "gfm", "quizdown", "obsidian", "gift", "anki"] as const) {
      for (const text of [
        "",
        "{",
        "}}}{{",
        "\u0000",
        "::",
        "?\n?",
        "#separator:\u0000",
        "---\n",
        '"unclosed\tquote',
      ]) {
        expect(() => importBank(text, { file: "x", format })).not.toThrow();
      }
    }
  });
});
