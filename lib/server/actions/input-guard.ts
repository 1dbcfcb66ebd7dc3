import { type ActionFailure, failure } from "@/lib/server/auth/action-result";
import { currentLocaleOrDefault } from "@/lib/server/i18n/current-locale";
import { runInLocale } from "@/lib/server/i18n/server-text";
import {
  MAX_INPUT_DEPTH,
  MAX_INPUT_ENTRIES,
  MAX_INPUT_TEXT,
  TOO_DEEP_MESSAGE,
  TOO_MANY_ENTRIES_MESSAGE,
  TOO_MUCH_TEXT_MESSAGE,
} from "@/lib/server/request-limits";

// The one bound every server action puts on its input before anything else reads it (issue 21
// item 5): how deep its arrays and objects nest, how many values it holds, how much text. Next
// decodes whatever a client posts into the action's arguments; a value nested 50,000 deep or a
// 3 MB string used to reach zod (or a `formData.get` on something that is not a form) and end as
// a 500. The walk is iterative, so no input can overflow the stack here. Files are not counted:
// their size is bounded by the body limit and checked by the action that takes them (1 MB).

/** Why an action's input is refused, or null when it is within the bounds. */
export function inputProblem(args: readonly unknown[]): string | null {
  let text = 0;
  let entries = 0;
  const stack: Array<{ value: unknown; depth: number }> = args.map((value) => ({ value, depth: 1 }));
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, depth } = item;
    if (typeof value === "string") {
      text += value.length;
      if (text > MAX_INPUT_TEXT) return TOO_MUCH_TEXT_MESSAGE;
      continue;
    }
    if (typeof value !== "object" || value === null || value instanceof Blob) continue;
    if (depth > MAX_INPUT_DEPTH) return TOO_DEEP_MESSAGE;
    const children: Iterable<unknown> =
      value instanceof FormData
        ? [...value.entries()].flat()
        : Array.isArray(value)
          ? value
          : value instanceof Map || value instanceof Set
            ? [...value.entries()].flat()
            : Object.entries(value).flat();
    for (const child of children) {
      entries++;
      if (entries > MAX_INPUT_ENTRIES) return TOO_MANY_ENTRIES_MESSAGE;
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Runs a server action's body only when its input is within the bounds; otherwise answers the
 * typed refusal every form already shows (`formError`). Every export of a "use server" module
 * that takes arguments goes through this (input-guard.test.ts checks the source).
 * @example export async function renameAction(prev: Result | null, formData: FormData) {
 *   return boundedInput([prev, formData], async () => renameCore(await currentActionContext(), formData));
 * }
 */
export async function boundedInput<R>(
  args: readonly unknown[],
  run: () => Promise<R>,
): Promise<R | ActionFailure> {
  // Everything the action says (refusals included) is in the language of the request.
  return runInLocale(await currentLocaleOrDefault(), async () => {
    const problem = inputProblem(args);
    if (problem) return failure(problem);
    return run();
  });
}

/** What a form action answers when it is posted something other than a form. */
export const NOT_A_FORM_MESSAGE = "This action takes a form; the request did not send one.";

/**
 * `boundedInput` for a form action (`(previous, formData)`): it also refuses anything that is not
 * a FormData, which would otherwise fail at the first `formData.get` with a 500.
 */
export async function boundedForm<R>(
  previous: unknown,
  formData: unknown,
  run: (formData: FormData) => Promise<R>,
  ..._fits: ActionFailure extends R ? [] : [never]
): Promise<R> {
  return runInLocale(await currentLocaleOrDefault(), async () => {
    if (!(formData instanceof FormData)) return failure(NOT_A_FORM_MESSAGE) as R;
    const form = formData;
    const problem = inputProblem([previous, form]);
    if (problem) return failure(problem) as R;
    return run(form);
  });
}
