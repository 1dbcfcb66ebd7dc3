/** A ```sim fenced block found in Markdown; `line` is the 1-based line of its first content line. */
export type SimBlock = { line: number; indent: number; text: string };

const OPEN = /^( {0,3})(`{3,}|~{3,})[ \t]*sim(?:[ \t].*)?$/;

/**
 * The ```sim blocks of a Markdown document, with where they start so parse
 * errors can be reported against the Markdown file.
 *
 * @example
 * extractSimBlocks("text\n```sim\nservice: {}\n```\n"); // [{ line: 3, indent: 0, text: "service: {}" }]
 */
export function extractSimBlocks(markdown: string): SimBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: SimBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? "");
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const fence = open[2] ?? "```";
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? "";
      const trimmed = line.trimStart();
      if (
        trimmed.startsWith(fence[0]?.repeat(fence.length) ?? fence) &&
        trimmed.replace(/[`~]/g, "").trim() === ""
      )
        break;
      body.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
    }
    blocks.push({ line: i + 2, indent, text: body.join("\n") });
    i = j;
  }
  return blocks;
}
