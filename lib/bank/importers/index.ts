import { makeFinding } from "../codes";
import { exportMarkdown } from "../export/markdown";
import { DEFAULT_LIMITS } from "../limits";
import { parseBankPartial } from "../parse-bank";
import type { Finding, SimValidator } from "../schema";
import { importAnki } from "./anki";
import { detectFormat } from "./detect";
import { convertedName, type ImportResult, type ImportState, writeImported } from "./draft";
import { importGfm } from "./gfm";
import { importGift } from "./gift";
import { importObsidian } from "./obsidian";
import { importQuizdown } from "./quizdown";

export type ImportFormat = "auto" | "gfm" | "quizdown" | "obsidian" | "gift" | "anki";
export { convertedName, type Dropped, type ImportResult } from "./draft";

/** How importBank reads its input and names its output. */
export type ImportOptions = {
  /** The source file's name (findings say where in it each question came from). */
  file: string;
  format?: ImportFormat;
  /** The converted file's name, which findings point at; `<file>.md` when not given. */
  outFile?: string;
  /** Validates ```sim blocks (the app and the CLI pass the simulator's validator). */
  validateSim?: SimValidator;
};

const IMPORTERS: Record<Exclude<ImportFormat, "auto">, (text: string) => ImportState> = {
  gfm: importGfm,
  quizdown: importQuizdown,
  obsidian: importObsidian,
  gift: importGift,
  anki: importAnki,
};

/**
 * Converts a bank written in another format into Taskdeck Markdown. Never throws. `dropped` lists
 * what could not be carried over and why, with source lines; `findings` are the full checker's
 * findings on the written bank, pointed at the converted file (`outFile`) with `source` naming the
 * source line of the question concerned; `bank` is the converted bank when it has no error. A
 * Taskdeck bank given with format "auto" is rewritten in canonical form.
 *
 * @example
 * const { markdown, bank, findings } = importBank(giftText, { file: "ecs.gift", outFile: "content/ecs.md" });
 */
export function importBank(text: string, options: ImportOptions): ImportResult {
  const format = options.format ?? "auto";
  const outFile = options.outFile ?? convertedName(options.file);
  const failed = (finding: Finding): ImportResult => ({
    markdown: "",
    format,
    dropped: [],
    findings: [finding],
    bank: null,
  });
  try {
    const input = typeof text === "string" ? text : "";
    const refusal = tooBig(input, options.file);
    if (refusal) return failed(refusal);
    const detected = format === "auto" ? detectFormat(input, options.file) : format;
    if (detected === "taskdeck") {
      const parsed = parseBankPartial(input, { file: options.file, validateSim: options.validateSim });
      const markdown = parsed.bank ? exportMarkdown(parsed.bank) : input;
      const hasErrors = parsed.findings.some((f) => f.severity === "error");
      return {
        markdown,
        format: detected,
        dropped: [],
        findings: parsed.findings,
        bank: hasErrors ? null : parsed.bank,
      };
    }
    return writeImported(IMPORTERS[detected](input), options.file, detected, {
      outFile,
      validateSim: options.validateSim,
    });
  } catch (e) {
    const message = `The importer failed on this file: ${e instanceof Error ? e.message : String(e)}`;
    return failed(makeFinding(options.file, "internal-error", 1, 1, message));
  }
}

/** The parser's size and line-length limits apply to imports too: importers scan lines with regexes. */
function tooBig(text: string, file: string) {
  const { maxBytes, maxLineLength } = DEFAULT_LIMITS;
  if (text.length > maxBytes || new TextEncoder().encode(text).length > maxBytes) {
    return makeFinding(file, "file-too-large", 1, 1, `The file is larger than ${maxBytes / 1024 / 1024} MB`);
  }
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > maxLineLength) {
      return makeFinding(
        file,
        "line-too-long",
        line,
        maxLineLength + 1,
        `Line ${line} is longer than ${maxLineLength} characters`,
      );
    }
    if (end < 0) break;
    start = end + 1;
  }
  return null;
}
