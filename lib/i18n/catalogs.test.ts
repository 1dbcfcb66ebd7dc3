import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { argumentsOf, flatten } from "./catalog-tools";
import { CATALOGS } from "./catalogs";

// The catalogs are one contract in two languages: the same keys, the same arguments, no empty
// message, valid ICU, and no key that no source file uses (a dead key is a translation nobody
// reads, and usually a sign that the English wording moved on without it).

type Tree = { [key: string]: string | Tree };
const en = flatten(CATALOGS.en as unknown as Tree);
const ko = flatten(CATALOGS.ko as unknown as Tree);
const koByKey = new Map(ko);

describe("message catalogs", () => {
  it("have the same keys in English and Korean", () => {
    const enKeys = en.map(([key]) => key);
    const koKeys = ko.map(([key]) => key);
    expect(
      koKeys.filter((key) => !enKeys.includes(key)),
      "in Korean only",
    ).toEqual([]);
    expect(
      enKeys.filter((key) => !koKeys.includes(key)),
      "missing in Korean",
    ).toEqual([]);
  });

  it("have valid ICU messages with the same arguments in both languages, none empty", () => {
    const problems: string[] = [];
    for (const [key, message] of en) {
      const translated = koByKey.get(key) ?? "";
      if (!message.trim() || !translated.trim()) problems.push(`${key}: empty`);
      try {
        const expected = argumentsOf(message);
        const actual = argumentsOf(translated);
        if (expected.join() !== actual.join())
          problems.push(`${key}: {${expected}} in English, {${actual}} in Korean`);
      } catch (error) {
        problems.push(`${key}: not valid ICU (${(error as Error).message})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every key used by some source file", () => {
    const sources = sourceFiles(path.resolve(__dirname, "../.."));
    // Per file: a relative key counts only beside its namespace (`getTranslations("common")` and
    // `t("brand.home")` in one file), so a common word elsewhere does not hide a dead key.
    const literalsByFile: Array<Set<string>> = [];
    const dynamic: RegExp[] = [];
    for (const file of sources) {
      const text = fs.readFileSync(file, "utf8");
      const literals = new Set<string>();
      for (const match of text.matchAll(/["'`]([A-Za-z0-9_.-]+)["'`]/g)) literals.add(match[1] as string);
      literalsByFile.push(literals);
      // A key built at run time (t(`kind.${kind}`)) is declared where it is built:
      //   // i18n-keys: study.kind.*
      for (const match of text.matchAll(/i18n-keys:\s*([A-Za-z0-9_.*-]+)/g)) {
        const glob = (match[1] as string).replace(/\./g, "\\.").replace(/\*/g, "[A-Za-z0-9_.-]+");
        dynamic.push(new RegExp(`^${glob}$`));
      }
    }
    const isUsed = (key: string) => {
      if (dynamic.some((pattern) => pattern.test(key))) return true;
      const parts = key.split(".");
      return literalsByFile.some((literals) => {
        if (literals.has(key)) return true;
        for (let cut = 1; cut < parts.length; cut++) {
          if (literals.has(parts.slice(0, cut).join(".")) && literals.has(parts.slice(cut).join(".")))
            return true;
        }
        return false;
      });
    };
    expect(en.map(([key]) => key).filter((key) => !isUsed(key))).toEqual([]);
  });
});

/** The app's TypeScript sources (not tests, not generated code), where messages are used. */
function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (["node_modules", ".next", "generated", "e2e", "messages", ".git"].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(full);
    }
  };
  for (const top of ["app", "components", "lib"]) walk(path.join(root, top));
  return found;
}
