import "server-only";
import { z } from "zod";
import { DEFAULT_LIMITS, firstInvalidUtf8 } from "@/lib/bank/limits";
import { assertRole } from "@/lib/server/auth/acting-user";
import { type ActionFailure, failure, formFields, guarded } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { AnkiPackageError } from "@/lib/server/banks/anki-package";
import { isAnkiPackage } from "@/lib/server/banks/convert";
import {
  deleteInstructorBank,
  type FindingCount,
  replaceInstructorBank,
  setBankVisibility,
  type UploadFinding,
  type UploadInput,
  uploadInstructorBank,
} from "@/lib/server/data/instructor-banks";
import { serverText } from "@/lib/server/i18n/server-text";

// The bank actions' bodies: instructors only; a bank's text is pasted or comes from a file (4 MB
// at most, refused before anything parses it); a new version, publishing and deleting are for the
// bank's owner.

const MAX_BYTES = DEFAULT_LIMITS.maxBytes;
const LIMIT = `${MAX_BYTES / 1024 / 1024} MB`;
// Refusals in the language of the request (serverText is English outside one).
const refusal = () => serverText("teach.refusal");
const formatSchema = z.enum(["gfm", "auto", "quizdown", "obsidian", "gift", "anki", "apkg"]).catch("gfm");
const bankIdSchema = z.object({ bankId: z.string().min(1).max(200) });
const visibilitySchema = bankIdSchema.extend({ visibility: z.enum(["private", "published"]) });
const deleteSchema = bankIdSchema.extend({
  confirm: z.literal("yes", { message: "Tick the box to confirm the deletion" }),
});

export type UploadResult =
  | {
      ok: true;
      bankId: string;
      title: string;
      questions: number;
      warnings: UploadFinding[];
      counts: FindingCount[];
    }
  | (ActionFailure & { findings?: UploadFinding[]; counts?: FindingCount[] });

/**
 * A file's bytes as UTF-8 text, refused (not silently repaired with U+FFFD) when they are not
 * valid UTF-8: the line and column of the first bad byte say where to look.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const before = bytes.subarray(0, offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const column = new TextDecoder("utf-8").decode(before.subarray(lineStart)).length + 1;
    return { ok: false, message: refusal()("notUtf8", { line, column }) };
  }
}

/** The bank text of a form (pasted or a file), an Anki package's collection, or why there is none. */
async function readUpload(formData: FormData): Promise<UploadInput | ActionFailure> {
  const file = formData.get("file");
  const pasted = formData.get("markdown");
  let text = typeof pasted === "string" ? pasted : "";
  let fileName = "pasted.md";
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BYTES) return failure(refusal()("fileTooLarge", { limit: LIMIT }));
    fileName = file.name.replace(/[^\w.-]+/g, "_").slice(0, 100) || "upload.md";
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isAnkiPackage({ fileName, bytes, format: formatSchema.parse(formData.get("format") ?? "gfm") })) {
      return { bytes, fileName, format: "apkg" };
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) return failure(decoded.message);
    text = decoded.text;
  }
  if (text.trim() === "") return failure(refusal()("nothing"));
  if (text.length > MAX_BYTES || new TextEncoder().encode(text).length > MAX_BYTES)
    return failure(refusal()("bankTooLarge", { limit: LIMIT }));
  const format = formatSchema.parse(formData.get("format") ?? "gfm");
  if (format === "apkg") return failure(refusal()("chooseApkg"));
  return { text, fileName, format };
}

/** A package the upload checker could not read (its reason says what and where); anything else rethrown. */
function refusedPackage(error: unknown): { refused: ActionFailure } {
  if (error instanceof AnkiPackageError)
    return { refused: failure(refusal()("ankiUnreadable", { reason: error.message })) };
  throw error;
}

function withFindings(outcome: {
  ok: false;
  findings: UploadFinding[];
  counts: FindingCount[];
}): UploadResult {
  const count = outcome.counts.filter((c) => c.severity === "error").reduce((sum, c) => sum + c.count, 0);
  return {
    ...failure(refusal()("errors", { count })),
    findings: outcome.findings,
    counts: outcome.counts,
  };
}

/** Instructors only: check a bank and, when it has no error, save it as their own (private). */
export async function uploadBankCore(
  ctx: ActionContext,
  formData: FormData,
  now = new Date(),
): Promise<UploadResult> {
  return guarded(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const input = await readUpload(formData);
    if ("ok" in input) return input;
    const outcome = await uploadInstructorBank(ctx.db, me, input, now).catch(refusedPackage);
    if ("refused" in outcome) return outcome.refused;
    return outcome.ok ? outcome : withFindings(outcome);
  });
}

/** Instructors, for banks they own: a new version, checked the same way; nothing changes on an error. */
export async function replaceBankCore(
  ctx: ActionContext,
  formData: FormData,
  now = new Date(),
): Promise<UploadResult> {
  return guarded<Extract<UploadResult, { ok: true }>>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const id = bankIdSchema.safeParse(formFields(formData));
    if (!id.success) return failure(refusal()("noBank"));
    const input = await readUpload(formData);
    if ("ok" in input) return input;
    const outcome = await replaceInstructorBank(ctx.db, me, id.data.bankId, input, now).catch(refusedPackage);
    if ("refused" in outcome) return outcome.refused;
    return outcome.ok ? outcome : withFindings(outcome);
  });
}

/** Instructors, for banks they own: publish it or make it private again. */
export async function setBankVisibilityCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ visibility: "private" | "published"; othersUsing: number }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = visibilitySchema.safeParse(formFields(formData));
    if (!parsed.success) return failure(refusal()("noBank"));
    return { ok: true, ...(await setBankVisibility(ctx.db, me, parsed.data.bankId, parsed.data.visibility)) };
  });
}

/** Instructors, for banks they own: delete it (refused while quizzes use its questions). */
export async function deleteBankCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ title: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = deleteSchema.safeParse(formFields(formData));
    if (!parsed.success)
      return parsed.error.issues.some((i) => i.path[0] === "confirm")
        ? failure(refusal()("confirm"))
        : failure(refusal()("noBank"));
    return { ok: true, ...(await deleteInstructorBank(ctx.db, me, parsed.data.bankId)) };
  });
}
