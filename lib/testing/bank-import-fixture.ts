/** Test helper for lib/bank (kept outside it: it reads files, which the pure domain may not): reads an import fixture and checks that what the importer wrote is a clean bank. */
import fs from "node:fs";
import { expect } from "vitest";
import { exportMarkdown } from "@/lib/bank/export/markdown";
import { type ImportFormat, importBank } from "@/lib/bank/importers";
import { parseBank } from "@/lib/bank/parse-bank";
import type { Question } from "@/lib/bank/schema";

export function importFixture(name: string, format: ImportFormat = "auto") {
  const text = fs.readFileSync(new URL(`../bank/fixtures/${name}`, import.meta.url), "utf8");
  const result = importBank(text, { file: name, format });
  const { bank, findings } = parseBank(result.markdown, { file: name });
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  if (!bank) throw new Error("the imported bank does not parse");
  // Round trip: import → write → parse → write gives the same text and the same questions.
  expect(exportMarkdown(bank)).toBe(result.markdown);
  const again = parseBank(exportMarkdown(bank), { file: name }).bank;
  expect(again?.questions).toEqual(bank.questions);
  const byTitle = (title: string): Question => {
    const q = bank.questions.find((x) => x.title === title);
    if (!q)
      throw new Error(`no question titled "${title}" in ${bank.questions.map((x) => x.title).join(" | ")}`);
    return q;
  };
  return { result, bank, byTitle, text };
}
