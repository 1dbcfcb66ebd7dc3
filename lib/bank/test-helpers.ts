/** Helpers for the bank engine's tests (not used by the engine itself). */

/** Front matter of five lines: a bank body passed to `bank()` starts on line 6. */
export const FRONT_MATTER = ["---", "id: test-bank", "title: Test bank", "topic: amazon-ecs", "---"];

/** A bank text whose body lines start on line 6. */
export function bank(...body: string[]): string {
  return [...FRONT_MATTER, ...body].join("\n");
}

/** A clean single-choice question (no findings at all). */
export function goodQuestion(id: string, title = `Question ${id}`): string[] {
  return [
    `## ${title} {#${id}}`,
    "",
    "kind: single · difficulty: 2",
    "",
    "- [x] right",
    "- [ ] wrong",
    "  - why: because",
    "",
    "### Explanation",
    "",
    "It is right.",
    "",
    "### References",
    "",
    "- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/",
    "",
  ];
}

/** 1-based column of the first occurrence of `needle` in `line`. */
export function col(line: string, needle: string): number {
  const at = line.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in "${line}"`);
  return at + 1;
}
