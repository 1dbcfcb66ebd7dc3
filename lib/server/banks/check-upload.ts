import {
  assetReferences,
  type Bank,
  checkBanks,
  countByCode,
  type Finding,
  type ImportFormat,
  importBank,
  makeFinding,
  PRINTED_FINDINGS,
} from "@/lib/bank";
import { type AnkiCollection, importAnkiCollection } from "@/lib/bank/importers/anki-package";
import { nameProblem } from "@/lib/name-policy";
import { validateSimBlock } from "@/lib/sim";
import { readAnkiPackage } from "./anki-package";

// An instructor's upload, checked with the same engine as content/: pure (no database, no
// session), so it can run in a worker thread (check-upload-thread.ts) and, in tests, inline. An
// Anki package arrives as its bytes and is read here too (unzip, zstd, its SQLite collection), so
// none of that holds the server's thread; a package that cannot be read throws AnkiPackageError.
// Warnings never block a bank: only errors do. Every finding is counted by code; the first
// PRINTED_FINDINGS (errors first) travel back to the form with their lines.

/**
 * A finding as the upload form shows it. `line` and `column` are in the text the instructor gave
 * (what the form's code view shows); for a converted bank `convertedLine` is the line in the
 * Taskdeck Markdown it was converted to.
 */
export type UploadFinding = Pick<Finding, "severity" | "line" | "column" | "message" | "code"> & {
  hint?: string;
  convertedLine?: number;
};
/** How many findings of each code the whole bank has (not only the ones listed). */
export type FindingCount = { code: string; severity: Finding["severity"]; count: number };
/** What an upload checks: text in a format importBank reads, or an Anki package's bytes. */
export type UploadInput =
  | { text: string; fileName: string; format: ImportFormat }
  | { bytes: Uint8Array; fileName: string; format: "apkg" };
export type CheckedUpload =
  | { ok: true; bank: Bank; warnings: UploadFinding[]; counts: FindingCount[] }
  | { ok: false; findings: UploadFinding[]; counts: FindingCount[] };

const toFinding = (f: Finding): UploadFinding => ({
  severity: f.severity,
  code: f.code,
  line: f.source ? f.source.line : f.line,
  column: f.source ? 1 : f.column,
  message: f.message,
  ...(f.source ? { convertedLine: f.line } : {}),
  ...(f.hint ? { hint: f.hint } : {}),
});

/** Errors first, each group in line order, at most PRINTED_FINDINGS of them. */
function listed(findings: Finding[]): UploadFinding[] {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity !== "error");
  return [...errors, ...warnings].slice(0, PRINTED_FINDINGS).map(toFinding);
}

/**
 * An upload is one file, so the images and sounds its questions refer to by a relative path do
 * not travel with it: each is reported (as `missing-asset`), never dropped silently.
 */
function assetFindings(bank: Bank): Finding[] {
  const out: Finding[] = [];
  for (const q of bank.questions) {
    const texts = [q.stem, q.back ?? "", q.explanation, ...q.options.map((o) => o.text)];
    for (const text of texts) {
      for (const ref of [...assetReferences(text).files, ...assetReferences(text).unsafe]) {
        out.push(
          makeFinding(
            bank.file,
            "missing-asset",
            q.line,
            1,
            `“${q.title}” refers to the file ${ref.path}, which an upload cannot carry: learners will not see it`,
            "Refer to the image by an https:// URL, or keep the bank in content/ with the file beside it.",
          ),
        );
      }
    }
  }
  return out;
}

/** Checks a bank's text with the same engine as content/: a bank, or the errors with their lines. */
export function checkUpload(input: UploadInput): CheckedUpload {
  return checkUploadAndCollection(input).checked;
}

/**
 * checkUpload, and the Anki collection an .apkg held (null for text), which the review history
 * is read from (deck-upload.ts). Throws AnkiPackageError when the package cannot be read.
 */
export function checkUploadAndCollection(input: UploadInput): {
  checked: CheckedUpload;
  collection: AnkiCollection | null;
} {
  if (input.format !== "apkg") return { checked: checkRead(input, null), collection: null };
  const { collection } = readAnkiPackage(input.bytes);
  return { checked: checkRead(input, collection), collection };
}

function checkRead(input: UploadInput, collection: AnkiCollection | null): CheckedUpload {
  const file = `upload:${input.fileName}`;
  let bank: Bank | null;
  let findings: Finding[];
  // A converted bank is named after the file as given (its topic and id come from that name).
  if (collection) {
    const imported = importAnkiCollection(collection, {
      file: input.fileName,
      validateSim: validateSimBlock,
    });
    bank = imported.bank;
    findings = imported.findings;
  } else if ("bytes" in input) {
    throw new Error("An Anki package's collection was not read");
  } else if (input.format === "gfm") {
    const checked = checkBanks([{ file, text: input.text }], { validateSim: validateSimBlock });
    bank = checked.banks[0] ?? null;
    findings = checked.findings;
  } else {
    const imported = importBank(input.text, {
      file: input.fileName,
      format: input.format,
      validateSim: validateSimBlock,
    });
    bank = imported.markdown ? imported.bank : null;
    findings = imported.findings;
  }
  const refuse = (extra: Finding[] = []): CheckedUpload => {
    const all = [...extra, ...findings];
    return { ok: false, findings: listed(all), counts: countByCode(all) };
  };
  if (findings.some((f) => f.severity === "error") || !bank) return refuse();
  if (bank.questions.length === 0)
    return refuse([makeFinding(file, "empty-bank", 1, 1, "The bank has no questions.")].map(asError));
  const badTitle = nameProblem(bank.meta.title, "The bank's title");
  if (badTitle) return refuse([asError(makeFinding(file, "bad-front-matter", 1, 1, badTitle))]);
  const warnings = [...findings, ...assetFindings(bank)];
  return { ok: true, bank, warnings: listed(warnings), counts: countByCode(warnings) };
}

const asError = (f: Finding): Finding => ({ ...f, severity: "error" });
