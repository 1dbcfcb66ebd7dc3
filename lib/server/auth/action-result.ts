import type { z } from "zod";
import { isAppError, type PageReason } from "@/lib/errors";
import { inRequestLanguage } from "./refusal-language";

// What every server action returns: a typed result the form renders, never a thrown error for
// an expected failure and never data the caller may not see. Every refusal made here is in the
// language of the request (refusal-language.ts); its English is the catalog's `errors.refusals`.

export type FieldErrors = Record<string, string[]>;
/** A refusal: messages for the form and its fields, and the non-secret values to show again. */
export type ActionFailure = {
  ok: false;
  fieldErrors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
};
export type ActionResult<T extends object = Record<never, never>> = ({ ok: true } & T) | ActionFailure;

/** The answer when the database cannot take a write (read-only or full disk): nothing was saved. */
export type StorageFailure = ActionFailure & { reason: "storage-unavailable" };

/** What the learner is told when storage is unavailable: specific, and clear that nothing was saved. */
export const STORAGE_UNAVAILABLE_MESSAGE =
  "Taskdeck cannot write to its storage right now (the disk is full or read-only): your answer was NOT saved. Try again in a few minutes.";

export function storageUnavailable(): StorageFailure {
  return {
    ok: false,
    formError: inRequestLanguage(STORAGE_UNAVAILABLE_MESSAGE),
    reason: "storage-unavailable",
  };
}

/**
 * A failure with a message for the whole form and, optionally, per-field messages; messages the
 * catalogs know in English are given in the request's language.
 */
export function failure(formError?: string, fieldErrors?: FieldErrors): ActionFailure {
  const translated = fieldErrors
    ? Object.fromEntries(
        Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map(inRequestLanguage)]),
      )
    : undefined;
  return {
    ok: false,
    ...(formError ? { formError: inRequestLanguage(formError) } : {}),
    ...(translated && Object.keys(translated).length > 0 ? { fieldErrors: translated } : {}),
  };
}

/**
 * The same result with the named fields' submitted values attached to a failure, so the form
 * can show them again (React resets a form after its action). Never pass password fields.
 */
export function keepValues<T extends object>(
  result: ActionResult<T>,
  formData: FormData,
  fields: readonly string[],
): ActionResult<T> {
  if (result.ok) return result;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 500);
  }
  return { ...result, values };
}

/** Per-field messages from a failed zod parse (first-level field names). */
export function invalidInput(error: z.ZodError): ActionFailure {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const list = fieldErrors[field] ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    fieldErrors[field] = list;
  }
  return failure("Check the highlighted fields.", fieldErrors);
}

/** A refusal a page can react to (`reason: "conflict"` for a second submit, …). */
export type RefusalFailure = ActionFailure & { reason?: PageReason };

/**
 * Runs an action body, turning an AppError (lib/errors.ts) into `{ ok: false, formError }` with
 * its user message and nothing else, plus its code as `reason` when a page reacts to it (the quiz
 * runner on "deadline" and "conflict"). This is the one place an action's refusal is shaped. Any
 * other error is unexpected and propagates to the error page.
 */
export async function guarded<T extends object>(
  run: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T> | RefusalFailure> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const reason = error.pageReason;
    return reason
      ? { ok: false, formError: inRequestLanguage(error.userMessage), reason }
      : failure(error.userMessage);
  }
}

/** FormData as a plain object of strings (files and repeated keys are dropped), for zod. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !(key in fields)) fields[key] = value;
  }
  return fields;
}
