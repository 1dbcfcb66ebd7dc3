import "server-only";
import { type ActionFailure, failure } from "@/lib/server/auth/action-result";

// A schema states its field messages with the English catalog's own words (so a core called
// directly, a test or the CLI, reads them in English); before the form sees them, each one is
// looked up by those words and given in the request's language.

/**
 * `failed` with `formError` and each field message that is one of `english` (key → English
 * message) replaced by `translate(key)`; any other message is left as it is.
 * @example localizeFieldErrors(invalidInput(error), EN.errors, (k) => t(`errors.${k}`), t("invalid"))
 */
export function localizeFieldErrors(
  failed: ActionFailure,
  english: Record<string, string>,
  translate: (key: string) => string,
  formError: string,
): ActionFailure {
  const keyOf = new Map(Object.entries(english).map(([key, message]) => [message, key]));
  const fieldErrors = Object.fromEntries(
    Object.entries(failed.fieldErrors ?? {}).map(([field, messages]) => [
      field,
      messages.map((message) => {
        const key = keyOf.get(message);
        return key ? translate(key) : message;
      }),
    ]),
  );
  return failure(formError, fieldErrors);
}
