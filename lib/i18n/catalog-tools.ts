/**
 * Reading the message catalogs as flat key → message lists and their ICU arguments, for the
 * catalog tests and the Korean page walk. Pure.
 */
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";

type Tree = { [key: string]: string | Tree };

/** `{ a: { b: "x" } }` → `[["a.b", "x"]]`, in file order. */
export function flatten(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[path, value]] : flatten(value, path);
  });
}

/** The argument names a message uses (`{count}`, `{count, plural, …}`, `<link>…</link>`), sorted. */
export function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) visit(option.value);
      }
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(parse(message));
  return [...names].sort();
}
