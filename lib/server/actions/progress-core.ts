import "server-only";
import { assertSignedIn } from "@/lib/server/auth/acting-user";
import { type ActionResult, failure, guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { examDateSchema, examInstant, saveExamDate } from "@/lib/server/data/progress-exam";

// The progress page's action body: who is acting → zod → data. progress.ts wraps it with the
// session's acting user; the role matrix calls it with its own.

/** Signed-in learners, for their own exam date and target recall. */
export async function saveExamDateCore(
  ctx: ActionContext,
  formData: FormData,
  now = new Date(),
): Promise<ActionResult<{ message: string }>> {
  return guarded(async () => {
    const actor = assertSignedIn(ctx.actor);
    const parsed = examDateSchema.safeParse({
      examDate: formData.get("examDate") ?? "",
      targetRecall: formData.get("targetRecall") || undefined,
    });
    if (!parsed.success) return invalidInput(parsed.error);
    const { examDate, targetRecall } = parsed.data;
    const instant = examDate ? examInstant(examDate) : null;
    if (instant && instant.getTime() < now.getTime() - 86_400_000) {
      return failure("Check the highlighted fields.", { examDate: ["the exam date has passed"] });
    }
    await saveExamDate(ctx.db, actor, instant, targetRecall);
    return {
      ok: true,
      message: instant ? `Exam date saved: ${examDate}.` : "Exam date cleared.",
    };
  });
}
