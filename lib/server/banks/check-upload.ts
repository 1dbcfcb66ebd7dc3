import { type Bank, checkBanks, type Finding, type ImportFormat, importBank } from "@/lib/bank";
import { nameProblem } from "@/lib/name-policy";
import { validateSimBlock } from "@/lib/sim";

// An instructor's upload, checked with the same engine as content/: pure (no database, no
// session), so it can run in a worker thread (check-upload-thread.ts) and, in tests, inline.

export type UploadFinding = Pick<Finding, "severity" | "line" | "column" | "message"> & { hint?: string };
export type UploadInput = { text: string; fileName: string; format: ImportFormat };
export type CheckedUpload =
  | { ok: true; bank: Bank; warnings: UploadFinding[] }
  | { ok: false; findings: UploadFinding[] };

const toFinding = (f: Finding): UploadFinding => ({
  severity: f.severity,
  line: f.line,
  column: f.column,
  message: f.message,
  ...(f.hint ? { hint: f.hint } : {}),
});

/** Checks a bank's text with the same engine as content/: a bank, or the errors with their lines. */
export function checkUpload(input: UploadInput): CheckedUpload {
  const file = `upload:${input.fileName}`;
  let markdown = input.text;
  if (input.format !== "gfm") {
    const imported = importBank(input.text, { file, format: input.format });
    const errors = imported.findings.filter((f) => f.severity === "error");
    if (errors.length > 0 || !imported.markdown) return { ok: false, findings: errors.map(toFinding) };
    markdown = imported.markdown;
  }
  const { banks, findings } = checkBanks([{ file, text: markdown }], { validateSim: validateSimBlock });
  const errors = findings.filter((f) => f.severity === "error");
  const bank = banks[0];
  if (errors.length > 0 || !bank) return { ok: false, findings: errors.map(toFinding) };
  if (bank.questions.length === 0)
    return {
      ok: false,
      findings: [{ severity: "error", line: 1, column: 1, message: "The bank has no questions." }],
    };
  const badTitle = nameProblem(bank.meta.title, "The bank's title");
  if (badTitle)
    return { ok: false, findings: [{ severity: "error", line: 1, column: 1, message: badTitle }] };
  return { ok: true, bank, warnings: findings.filter((f) => f.severity === "warning").map(toFinding) };
}
