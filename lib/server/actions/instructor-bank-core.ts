import "server-only";
import { z } from "zod";
import { assertRole } from "@/lib/server/auth/acting-user";
import { type ActionFailure, failure, guarded } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { type UploadFinding, uploadInstructorBank } from "@/lib/server/data/instructor-banks";

// The bank upload's body: instructors only; the text is pasted or comes from a file (1 MB at most).

const MAX_BYTES = 1024 * 1024;
const formatSchema = z.enum(["gfm", "auto", "quizdown", "obsidian", "gift", "anki"]).catch("gfm");

export type UploadResult =
  | { ok: true; bankId: string; title: string; questions: number; warnings: UploadFinding[] }
  | (ActionFailure & { findings?: UploadFinding[] });

/** Instructors only: check a bank and, when it has no error, save it as their own. */
export async function uploadBankCore(
  ctx: ActionContext,
  formData: FormData,
  now = new Date(),
): Promise<UploadResult> {
  return guarded(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const file = formData.get("file");
    const pasted = formData.get("markdown");
    let text = typeof pasted === "string" ? pasted : "";
    let fileName = "pasted.md";
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_BYTES) return failure("The file is larger than 1 MB.");
      text = await file.text();
      fileName = file.name.replace(/[^\w.-]+/g, "_").slice(0, 100) || "upload.md";
    }
    if (text.trim() === "") return failure("Paste a bank or choose a file.");
    if (new TextEncoder().encode(text).length > MAX_BYTES) return failure("The bank is larger than 1 MB.");
    const format = formatSchema.parse(formData.get("format") ?? "gfm");
    const outcome = await uploadInstructorBank(ctx.db, me, { text, fileName, format }, now);
    if (!outcome.ok) {
      const count = outcome.findings.length;
      return {
        ...failure(`Nothing was saved: the bank has ${count} ${count === 1 ? "error" : "errors"}.`),
        findings: outcome.findings.slice(0, 200),
      };
    }
    return outcome;
  });
}
