import "server-only";
import { type ActionFailure, type ActionResult, guarded } from "@/lib/server/auth/action-result";
import { QuizError, type QuizErrorReason } from "@/lib/server/data/quizzes-error";

/** A quiz refusal the UI can react to (`reason: "conflict"` for a second submit, …). */
export type QuizFailure = ActionFailure & { reason?: QuizErrorReason };

/** Runs a quiz action body: access refusals and QuizErrors become `{ ok: false }` with a message only. */
export async function quizGuarded<T extends object>(
  run: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T> | QuizFailure> {
  return guarded<T>(async () => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof QuizError)
        return { ok: false, formError: error.userMessage, reason: error.reason };
      throw error;
    }
  });
}
