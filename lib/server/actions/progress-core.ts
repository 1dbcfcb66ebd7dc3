import "server-only";
import { assertSignedIn } from "@/lib/server/auth/acting-user";
import { type ActionResult, failure, guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { EXAM_ERRORS, examDateSchema, examInstant, saveExamDate } from "@/lib/server/data/progress-exam";
import { serverText } from "@/lib/server/i18n/server-text";
import { localizeFieldErrors } from "./localized-fields";

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
    const t = serverText("progress");
    const parsed = examDateSchema.safeParse({
      examDate: formData.get("examDate") ?? "",
      targetRecall: formData.get("targetRecall") || undefined,
    });
    if (!parsed.success) {
      const translate = (key: string) => t(`errors.${key as keyof typeof EXAM_ERRORS}`);
      return localizeFieldErrors(invalidInput(parsed.error), EXAM_ERRORS, translate, t("exam.invalid"));
    }
    const { examDate, targetRecall } = parsed.data;
    const instant = examDate ? examInstant(examDate) : null;
    if (instant && instant.getTime() < now.getTime() - 86_400_000) {
      return failure(t("exam.invalid"), { examDate: [t("errors.passed")] });
    }
    await saveExamDate(ctx.db, actor, instant, targetRecall);
    return {
      ok: true,
      message: instant ? t("exam.saved", { date: examDate }) : t("exam.cleared"),
    };
  });
}
