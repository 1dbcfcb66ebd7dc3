import { type Bank, questionContentHash } from "@/lib/bank";
import type { NewQuestionRow } from "../db/store";
import { type CheckedUpload, checkUpload, type UploadInput } from "./check-upload";

// The rows a new upload is stored as, made where the bank was checked (the upload worker, see
// check-upload-thread.ts): each question's JSON and content hash cost about half a millisecond,
// 10 s of the request thread for a 20,000-question bank, and a checked bank of that size took
// 1.7 s to copy into the request thread in one message. Rows are flat strings, sent in parts.

/** One question as stored under an upload's prefix: its JSON, its content hash and its columns. */
export function questionRow(
  bank: Bank,
  uploadId: string,
  original: Bank["questions"][number],
  position: number,
) {
  const question = { ...original, id: `${uploadId}.${original.id}` };
  return {
    question,
    data: JSON.stringify(question),
    contentHash: questionContentHash(question),
    fields: {
      kind: question.kind,
      title: question.title,
      topic: bank.meta.topic,
      difficulty: question.difficulty,
      tags: JSON.stringify([...question.tags, ...(question.exams ?? [])]),
      hasSim: question.sim != null || question.options.some((o) => o.sim != null),
      position,
      retiredAt: null,
    },
  };
}

/** A checked new upload ready to store: the bank without its questions, and their rows. */
export type PreparedUpload =
  | {
      ok: true;
      bankId: string;
      meta: Bank["meta"];
      rows: NewQuestionRow[];
      warnings: Extract<CheckedUpload, { ok: true }>["warnings"];
      counts: CheckedUpload["counts"];
    }
  | Extract<CheckedUpload, { ok: false }>;

/** The bank's id for an upload: the upload's prefix and the author's bank id. */
export const uploadBankId = (uploadId: string, bank: Bank) => `${uploadId}.${bank.meta.id}`;

/** Checks a new upload and, when it has no error, makes its question rows (pure). */
export function prepareUpload(input: UploadInput, uploadId: string): PreparedUpload {
  const checked = checkUpload(input);
  if (!checked.ok) return checked;
  const { bank } = checked;
  const bankId = uploadBankId(uploadId, bank);
  const rows = bank.questions.map((original, position): NewQuestionRow => {
    const row = questionRow(bank, uploadId, original, position);
    const { retiredAt: _retired, ...fields } = row.fields;
    return { id: row.question.id, bankId, ...fields, data: row.data, contentHash: row.contentHash };
  });
  return { ok: true, bankId, meta: bank.meta, rows, warnings: checked.warnings, counts: checked.counts };
}
