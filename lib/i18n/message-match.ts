/**
 * Recognising an English catalog message in finished text, so a message composed in English by
 * pure code (a zod schema, the password policy, an AppError) can be shown in another language:
 * `"Use at most 254 characters."` → `{ key: "validation.atMost", values: { max: "254" } }`.
 * Only messages made of text and plain `{arguments}` can be recognised (no plural, select or
 * tags). Pure: the server's refusal translator and its tests use it.
 */
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";

export type MessageMatch = { key: string; values: Record<string, string> };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The pattern of one message, or null when it has anything but text and plain arguments. */
function compile(message: string): { pattern: RegExp; names: string[] } | null {
  let source = "";
  const names: string[] = [];
  for (const element of parse(message)) {
    if (element.type === TYPE.literal) source += escapeRegExp(element.value);
    else if (element.type === TYPE.argument || element.type === TYPE.number) {
      names.push(element.value);
      source += "(.+?)";
    } else return null;
  }
  return { pattern: new RegExp(`^${source}$`, "s"), names };
}

/**
 * A matcher over `[key, englishMessage]` pairs: the first message the text is an instance of.
 * @example messageMatcher([["a.atMost", "Use at most {max} characters."]])("Use at most 5 characters.")
 *   // { key: "a.atMost", values: { max: "5" } }
 */
export function messageMatcher(messages: ReadonlyArray<readonly [string, string]>) {
  const compiled = messages.flatMap(([key, message]) => {
    const found = compile(message);
    return found ? [{ key, ...found }] : [];
  });
  return (text: string): MessageMatch | null => {
    for (const { key, pattern, names } of compiled) {
      const match = pattern.exec(text);
      if (!match) continue;
      const values: Record<string, string> = {};
      names.forEach((name, index) => {
        values[name] = match[index + 1] as string;
      });
      return { key, values };
    }
    return null;
  };
}
