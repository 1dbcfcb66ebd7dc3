import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  checkBanks,
  type Finding,
  isTranslationInput,
  questionContentHash,
  translationFileOf,
} from "@/lib/bank";
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
 * errors are loaded; a bank with errors is skipped with its findings. Translations (`iam.ko.md`
 * beside `iam.md`) are checked against their bank and ride on its questions; a translation with
 * errors is reported like a skipped bank and left out, while its English bank still loads.
 */
export function readContent(dir = path.join(process.cwd(), "content")): {
  input: SyncInput;
  findings: Finding[];
} {
  const all = listBankFiles(dir).map((file) => ({ file, bytes: fs.readFileSync(file) }));
  const { banks, findings } = checkBanks(
    all.map(({ file, bytes }) => ({ file, text: new Uint8Array(bytes) })),
    { validateSim: validateSimBlock },
  );
  const translations = all.filter(({ file, bytes }) => isTranslation(file, bytes));
  const inputs = all.filter((input) => !translations.includes(input));
  const files = inputs.map(({ file }) => file);
  // A bank's source hash covers its translations too: a changed translation re-syncs the bank
  // (new translations, same revisions); a bank without one keeps the hash it always had.
  const hashOf = new Map(
    inputs.map(({ file, bytes }) => {
      const hash = createHash("sha256").update(bytes);
      for (const t of translations.filter((t) => translationFileOf(t.file)?.original === file))
        hash.update(`\0${t.file}\0`).update(t.bytes);
      return [file, hash.digest("hex")];
    }),
  );
  const loaded = new Set(banks.map((bank) => bank.file));
  const errors = findings.filter((f) => f.severity === "error");
  const refused = new Set(errors.map((f) => f.file));
  const skipped = [
    ...files.filter((file) => !loaded.has(file)),
    ...translations.map((t) => t.file).filter((file) => refused.has(file)),
  ].map((file) => ({
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

function isTranslation(file: string, bytes: Buffer): boolean {
  return isTranslationInput({ file, text: new Uint8Array(bytes) });
}
