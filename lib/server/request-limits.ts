// The bounds on what a request may carry, in one place. next.config.js gives server actions the
// same body limit (`experimental.serverActions.bodySizeLimit: "8mb"`); proxy.ts refuses larger
// bodies, and action bodies nested deeper than MAX_INPUT_DEPTH, before anything parses them;
// every server action checks its decoded input again (lib/server/actions/input-guard.ts). The
// app's own limits (a 4 MB bank, each field's maximum) sit well below these, so they are the
// ones people meet, with a message that names the field.

/** The largest request body, in bytes (8 MiB, as next.config.js's "8mb"). */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
/** The deepest nesting of arrays and objects an action's input may have. Taskdeck's forms send 3. */
export const MAX_INPUT_DEPTH = 32;
/** The most text, in characters, all of an action's string inputs may hold together (a pasted 4 MB bank fits). */
export const MAX_INPUT_TEXT = 4 * 1024 * 1024 + 64 * 1024;
/** The most values (array items, object keys, form fields) an action's input may hold. */
export const MAX_INPUT_ENTRIES = 20_000;

/** What someone who sent a larger body is told. */
export const REQUEST_TOO_LARGE_MESSAGE =
  "The request is larger than 8 MB, the most Taskdeck accepts. A bank file may be at most 4 MB.";
export const TOO_DEEP_MESSAGE = `The request is nested more than ${MAX_INPUT_DEPTH} levels deep, more than any Taskdeck form sends.`;
export const TOO_MUCH_TEXT_MESSAGE = `The request holds more than ${MAX_INPUT_TEXT.toLocaleString("en")} characters of text, more than any Taskdeck form accepts.`;
export const TOO_MANY_ENTRIES_MESSAGE = `The request holds more than ${MAX_INPUT_ENTRIES.toLocaleString("en")} values, more than any Taskdeck form sends.`;

/** Whether a request declares a body larger than MAX_REQUEST_BYTES. */
export function declaresTooLargeBody(headers: Headers): boolean {
  const length = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(length) && length > MAX_REQUEST_BYTES;
}

/**
 * How deeply JSON text nests its arrays and objects, read in one pass without parsing (so a body
 * nested 50,000 deep costs nothing: parsing it is what overflowed the stack, issue 21 item 5).
 * Brackets inside strings do not count. Stops counting once past `limit`.
 * @example jsonDepth('[1,{"a":[2]}]') // 3
 */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Why a server action's raw body must not be decoded, or null. A fetch action's body is JSON (the
 * arguments) or a multipart form whose text fields are JSON; Next decodes it recursively before
 * the action runs, so an input nested too deep must be refused before that.
 */
export async function actionBodyProblem(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type") ?? "";
  const texts: string[] = [];
  if (/^multipart\/form-data/i.test(type)) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return null; // Next answers a malformed form itself.
    }
    for (const [, value] of form.entries()) if (typeof value === "string") texts.push(value);
  } else texts.push(await request.text());
  // The arguments array adds one level around the input itself.
  return texts.some((text) => jsonDepth(text, MAX_INPUT_DEPTH + 1) > MAX_INPUT_DEPTH + 1)
    ? TOO_DEEP_MESSAGE
    : null;
}
