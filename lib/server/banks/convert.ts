import {
  type Bank,
  DEFAULT_LIMITS,
  type Dropped,
  type Finding,
  type ImportFormat,
  importBank,
  makeFinding,
} from "@/lib/bank";
import { type AnkiImportReport, importAnkiCollection } from "@/lib/bank/importers/anki-package";
import { validateSimBlock } from "@/lib/sim";
import { AnkiPackageError, readAnkiPackage } from "./anki-package";

// The one converter every upload that takes "any supported format" calls: Taskdeck Markdown, the
// text formats importBank reads (GitHub task lists, quizdown, Obsidian, GIFT, Anki text) and Anki
// packages (.apkg). Pure of the database and the session; synchronous (call it off the request
// thread for large inputs, as lib/server/banks/check-upload-thread.ts does for banks).

/** Every format the converter reads: importBank's, plus "apkg" (detected from the bytes too). */
export type ConvertFormat = ImportFormat | "apkg";

export type ConvertInput = {
  /** The file's name as given (`cards.apkg`, `pasted.md`): findings name it. */
  fileName: string;
  /** The file's bytes (text formats must be UTF-8). */
  bytes: Uint8Array;
  /** "auto" (the default) detects the format. */
  format?: ConvertFormat;
};

export type ConvertedBank =
  | {
      ok: true;
      /** The format it was read as: "apkg", or importBank's ("gfm", "gift", "taskdeck", …). */
      format: string;
      bank: Bank;
      /** The bank as Taskdeck Markdown (what `npm run bank -- import` writes). */
      markdown: string;
      /** Warnings only (a bank with an error is not converted): see importBank. */
      findings: Finding[];
      /** What could not be carried over, with source lines (or note positions, for .apkg). */
      dropped: Dropped[];
      /** For .apkg: skipped note types, the scheduling history it carries, its media. */
      anki?: AnkiImportReport;
      /** For .apkg: a media file's bytes by the name the cards use (null: not in the package). */
      mediaFile?: (name: string) => Uint8Array | null;
    }
  | { ok: false; findings: Finding[]; dropped: Dropped[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether bytes are an Anki package: named .apkg, or a zip given with format "apkg" or "auto". */
export function isAnkiPackage(input: ConvertInput): boolean {
  if (input.format === "apkg" || /\.apkg$/i.test(input.fileName)) return true;
  const isZip = ZIP_MAGIC.every((b, i) => input.bytes[i] === b);
  return isZip && (input.format ?? "auto") === "auto";
}

const fail = (file: string, message: string): ConvertedBank => ({
  ok: false,
  findings: [makeFinding(file, "bad-package", 1, 1, message)],
  dropped: [],
});

/**
 * Converts a file in any supported format into a checked Taskdeck bank. Never throws: a file it
 * cannot read, or a bank with errors, comes back as `ok: false` with findings (lines in the
 * converted Markdown, `source` lines in the given file). Refuses files over the bank limit
 * (DEFAULT_LIMITS.maxBytes) before reading them.
 *
 * @example
 * const converted = convertToBank({ fileName: "ecs.apkg", bytes });
 * if (converted.ok) await saveDeck(converted.bank); else show(converted.findings);
 */
export function convertToBank(input: ConvertInput, options: { outFile?: string } = {}): ConvertedBank {
  const file = input.fileName;
  if (input.bytes.length > DEFAULT_LIMITS.maxBytes)
    return {
      ok: false,
      findings: [
        makeFinding(
          file,
          "file-too-large",
          1,
          1,
          `The file is larger than ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB`,
        ),
      ],
      dropped: [],
    };
  if (isAnkiPackage(input)) {
    try {
      const pkg = readAnkiPackage(input.bytes);
      const result = importAnkiCollection(pkg.collection, {
        file,
        outFile: options.outFile,
        validateSim: validateSimBlock,
      });
      return result.bank
        ? {
            ok: true,
            format: "apkg",
            bank: result.bank,
            markdown: result.markdown,
            findings: result.findings,
            dropped: result.dropped,
            anki: result.anki,
            mediaFile: pkg.mediaFile,
          }
        : { ok: false, findings: result.findings, dropped: result.dropped };
    } catch (error) {
      if (error instanceof AnkiPackageError) return fail(file, error.message);
      return fail(file, `The package could not be read: ${(error as Error).message}`);
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(input.bytes);
  } catch {
    return {
      ok: false,
      findings: [makeFinding(file, "invalid-utf8", 1, 1, "The file is not valid UTF-8 text")],
      dropped: [],
    };
  }
  const format = (input.format ?? "auto") as ImportFormat;
  const result = importBank(text, { file, format, outFile: options.outFile, validateSim: validateSimBlock });
  return result.bank
    ? {
        ok: true,
        format: result.format,
        bank: result.bank,
        markdown: result.markdown,
        findings: result.findings,
        dropped: result.dropped,
      }
    : { ok: false, findings: result.findings, dropped: result.dropped };
}
