/**
 * Test helper: a GitHub task-list bank as public certification repositories write them (`###`
 * headings, `- [ ]`/`- [x]` options, no explanations, rationales or references), so every
 * question carries several advisory warnings once imported. Deterministic for a given size.
 */
export function taskListBank(questions: number, options: { image?: string } = {}): string {
  const out = ["# AWS practice questions", "", "## Table of contents", "", "- [Questions](#questions)", ""];
  for (let i = 1; i <= questions; i++) {
    const right = i % 4;
    out.push(`### Which ECS setting fits case ${i}?`, "");
    if (options.image && i === 1) out.push(`![Diagram](${options.image})`, "");
    for (let k = 0; k < 4; k++) out.push(`- [${k === right ? "x" : " "}] Option ${k + 1} for case ${i}`);
    out.push("", "**[⬆ Back to Top](#table-of-contents)**", "");
  }
  return out.join("\n");
}
