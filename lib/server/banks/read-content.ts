import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { checkBanks, type Finding, isTranslationInput, questionContentHash } from "@/lib/bank";
import { validateSimBlock } from "@/lib/sim";
import type { SyncInput } from "./sync-banks";

/** Every `*.md` bank under `dir`, as paths relative to `root` with forward slashes. */
export function listBankFiles(dir: string, root = process.cwd()): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listBankFiles(full, root);
      return entry.isFile() && entry.name.endsWith(".md") && entry.name.toLowerCase() !== "readme.md"
        ? [path.relative(root, full).split(path.sep).join("/")]
        : [];
    })
    .sort();
}

/**
 * Reads and checks every bank in content/ and shapes the result for `syncBanks`: banks without
 * errors are loaded; a bank with errors is skipped with its findings.
 */
export function readContent(dir = path.join(process.cwd(), "content")): {
  input: SyncInput;
  findings: Finding[];
} {
  // Translations (`iam.ko.md` beside `iam.md`) are not banks: sync leaves them out, and
  // `npm run bank -- check` compares them with their banks.
  const inputs = listBankFiles(dir)
    .map((file) => ({ file, bytes: fs.readFileSync(file) }))
    .filter(({ file, bytes }) => !isTranslationInput({ file, text: new Uint8Array(bytes) }));
  const files = inputs.map(({ file }) => file);
  const { banks, findings } = checkBanks(
    inputs.map(({ file, bytes }) => ({ file, text: new Uint8Array(bytes) })),
    { validateSim: validateSimBlock },
  );
  const hashOf = new Map(
    inputs.map(({ file, bytes }) => [file, createHash("sha256").update(bytes).digest("hex")]),
  );
  const loaded = new Set(banks.map((bank) => bank.file));
  const errors = findings.filter((f) => f.severity === "error");
  const skipped = files
    .filter((file) => !loaded.has(file))
    .map((file) => ({
      file,
      findings: errors
        .filter((f) => f.file === file)
        .map((f) => ({ line: f.line, column: f.column, message: f.message })),
    }));
  return {
    input: {
      banks: banks.map((bank) => ({
        bank,
        sourceHash: hashOf.get(bank.file) ?? "",
        contentHashes: new Map(bank.questions.map((q) => [q.id, questionContentHash(q)])),
      })),
      skipped,
      presentFiles: files,
    },
    findings,
  };
}
