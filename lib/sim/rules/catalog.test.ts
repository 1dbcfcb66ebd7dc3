import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_IDS, RULES } from "./catalog";

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? testFiles(p) : p.endsWith(".test.ts") ? [p] : [];
  });
}

describe("rule catalog", () => {
  it("has R01 … R43 with a title and a full https link", () => {
    expect(RULE_IDS).toEqual(Array.from({ length: 43 }, (_, i) => `R${String(i + 1).padStart(2, "0")}`));
    for (const id of RULE_IDS) {
      expect(RULES[id]?.title.length).toBeGreaterThan(10);
      expect(RULES[id]?.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/[\w/.-]+\.html$/);
    }
  });

  it("every rule has a describe block that names it", () => {
    const text = testFiles(join(__dirname, ".."))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const missing = RULE_IDS.filter((id) => !new RegExp(`describe\\("${id} `).test(text));
    expect(missing).toEqual([]);
  });
});
