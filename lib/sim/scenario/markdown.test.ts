import { describe, expect, it } from "vitest";
import { extractSimBlocks } from "./markdown";

describe("extractSimBlocks", () => {
  it("finds ```sim blocks with their starting line and skips other fences", () => {
    const md = [
      "# Q",
      "",
      "```yaml",
      "a: 1",
      "```",
      "",
      "```sim",
      "service: {}",
      "taskDefinition: {}",
      "```",
      "~~~sim",
      "x: 1",
      "~~~",
    ].join("\n");
    expect(extractSimBlocks(md)).toEqual([
      { line: 8, indent: 0, text: "service: {}\ntaskDefinition: {}" },
      { line: 12, indent: 0, text: "x: 1" },
    ]);
  });

  it("handles an indented fence and a block left open", () => {
    expect(extractSimBlocks("  ```sim\n  a: 1\n    b: 2")).toEqual([
      { line: 2, indent: 2, text: "a: 1\n  b: 2" },
    ]);
  });
});
