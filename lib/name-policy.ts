import { z } from "zod";

// Names people read (an account's name, a class, a quiz, an uploaded bank's title) must show
// what they say. A bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069, and the
// marks U+200E, U+200F, U+061C) reorders the text around it, so "Ada\u202Egnp.exe" reads as
// "Adaexe.png" in a roster or a gradebook; a control character (C0, DEL, C1, and the line and
// paragraph separators) breaks lines, CSV cells and terminal output. Both are refused, with a
// message that says which, rather than stripped: the person then knows what was saved.

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;

/**
 * Why a name people will read is refused, or null when it is fine.
 * @example nameProblem("Ada Lovelace") // null
 * @example nameProblem("Ada\u202Egnp.exe") // "…must not contain characters that reverse…"
 */
export function nameProblem(name: string, label = "The name"): string | null {
  if (BIDI_CONTROL.test(name))
    return `${label} must not contain characters that reverse or reorder text (Unicode bidirectional controls).`;
  if (CONTROL.test(name)) return `${label} must not contain control characters such as tabs or line breaks.`;
  return null;
}

/** A zod check for a field holding a name people read; `label` names the field in the message. */
export function readableName(label: string) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = nameProblem(value, label);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

/** A trimmed name of 1 to `max` characters that shows what it says. */
export function nameSchema(label: string, max: number, missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label}: at most ${max} characters`)
    .superRefine(readableName(label));
}
