import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "./codes";
import { parseBank } from "./parse-bank";

const read = (path: string) => fs.readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const guide = read("docs/authoring.md");
const example = read("docs/examples/example-bank.md");

/** The ```markdown snippets of the guide (also the ````markdown ones). */
function snippets(): string[] {
  return [...guide.matchAll(/^(`{3,4})markdown\n([\s\S]*?)\n\1$/gm)].map((m) => m[2] ?? "");
}

describe("docs/authoring.md", () => {
  it("embeds the example bank exactly as docs/examples/example-bank.md has it", () => {
    const embedded =
      /<!-- example-bank:start -->\n````markdown\n([\s\S]*?)\n````\n<!-- example-bank:end -->/.exec(
        guide,
      )?.[1];
    expect(embedded).toBe(example.trimEnd());
  });

  it("has an example bank that checks with no errors and no warnings", () => {
    const { bank, findings } = parseBank(example, { file: "docs/examples/example-bank.md" });
    expect(findings).toEqual([]);
    expect(new Set(bank?.questions.map((q) => q.kind))).toEqual(
      new Set(["single", "multiple", "true-false", "typed", "ordering", "flashcard", "cloze"]),
    );
  });

  it("has snippets that all parse without errors", () => {
    const front = "---\nid: snippet\ntitle: Snippet\ntopic: amazon-ecs\n---\n\n";
    const found = snippets();
    expect(found.length).toBeGreaterThanOrEqual(10);
    for (const snippet of found) {
      const text = snippet.startsWith("---")
        ? snippet
        : `${front}${snippet.startsWith("- [") ? "## Q {#q}\n\n- [x] awsvpc\n" : ""}${snippet}`;
      const errors = parseBank(text, { file: "snippet.md" }).findings.filter((f) => f.severity === "error");
      expect({ snippet, errors }).toEqual({ snippet, errors: [] });
    }
  });

  it("gives the smallest valid bank with no warnings either", () => {
    const smallest = snippets()[0] ?? "";
    expect(parseBank(smallest, { file: "smallest.md" }).findings).toEqual([]);
  });

  it("lists every error and warning code", () => {
    for (const code of Object.keys(FINDING_CODES)) expect(guide).toContain(`| \`${code}\` |`);
  });
});
