import { describe, expect, it } from "vitest";
import { FINDING_CODES, type FindingCode } from "./codes";
import type { ParseOptions } from "./parse-bank";
import { parseBank } from "./parse-bank";
import type { SimValidator } from "./schema";
import { bank, col, goodQuestion } from "./test-helpers";

type Case = {
  code: FindingCode;
  name: string;
  input: string | Uint8Array;
  line: number;
  column: number;
  options?: Omit<ParseOptions, "file">;
};

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const q = (id: string, ...lines: string[]) => [`## Question ${id} {#${id}}`, "", ...lines, ""];
const options = ["- [x] right", "- [ ] wrong", "  - why: because"];

const brokenValidator = (() => ({ ok: false, errors: null })) as unknown as SimValidator;
const simValidator: SimValidator = (yaml) =>
  yaml.includes("cpuu")
    ? {
        ok: false,
        errors: [{ line: 2, column: 3, message: 'Unknown key "cpuu"', hint: 'did you mean "cpu"?' }],
      }
    : { ok: true, value: { yaml } };

const CASES: Case[] = [
  {
    code: "file-too-large",
    name: "string over 4 MB",
    input: "a".repeat(4 * 1024 * 1024 + 1),
    line: 1,
    column: 1,
  },
  {
    code: "file-too-large",
    name: "bytes over 4 MB",
    input: new Uint8Array(4 * 1024 * 1024 + 1).fill(0x61),
    line: 1,
    column: 1,
  },
  { code: "binary-file", name: "NUL in a string", input: bank("## Q {#q}", "ab\u0000c"), line: 7, column: 3 },
  {
    code: "binary-file",
    name: "NUL in bytes",
    input: concat(enc("---\nid: x\n"), new Uint8Array([0x61, 0])),
    line: 3,
    column: 2,
  },
  {
    code: "invalid-utf8",
    name: "bad byte sequence",
    input: concat(enc(bank("## Q {#q}", "- [x] café ")), new Uint8Array([0xc3, 0x28]), enc("\n- [ ] b\n")),
    line: 7,
    column: 12,
  },
  { code: "invalid-utf8", name: "lone surrogate", input: bank("## Q {#q}", "abc\uD800"), line: 7, column: 4 },
  {
    code: "line-too-long",
    name: "10,001 characters",
    input: bank("## Q {#q}", "", `- [x] ${"a".repeat(10_000)}`, "- [ ] b"),
    line: 8,
    column: 10_001,
  },
  {
    code: "too-deep",
    name: "17 nested quotes",
    input: bank(...q("q", `${"> ".repeat(17)}deep`)),
    line: 8,
    column: 1,
  },
  {
    code: "too-many-questions",
    name: "over the configured limit",
    input: bank(...goodQuestion("a"), ...goodQuestion("b"), ...goodQuestion("c")),
    options: { limits: { maxQuestions: 2 } },
    line: 38,
    column: 1,
  },
  {
    code: "too-many-findings",
    name: "past the cap",
    input: bank(...q("a"), ...q("b"), ...q("c")),
    options: { limits: { maxFindings: 2 } },
    line: 6,
    column: 1,
  },
  {
    code: "missing-front-matter",
    name: "no ---",
    input: "## Q {#q}\n\n- [x] a\n- [ ] b\n",
    line: 1,
    column: 1,
  },
  {
    code: "bad-front-matter",
    name: "YAML syntax",
    input: "---\nid: x\ntitle: T\ntopic: t\nauthors: [a, b\n---\n",
    line: 5,
    column: 15,
  },
  {
    code: "bad-front-matter",
    name: "id not kebab-case",
    input: "---\nid: Not Kebab\ntitle: T\ntopic: t\n---\n",
    line: 2,
    column: 5,
  },
  {
    code: "bad-front-matter",
    name: "missing title",
    input: "---\nid: x\ntopic: t\n---\n",
    line: 1,
    column: 1,
  },
  { code: "bad-front-matter", name: "never closed", input: "---\nid: x\n", line: 1, column: 1 },
  {
    code: "bad-id",
    name: "id with spaces",
    input: bank("## Q {#Bad ID}", "", ...options),
    line: 6,
    column: 8,
  },
  {
    code: "duplicate-id",
    name: "same id twice",
    input: bank(...goodQuestion("same"), "## Again {#same}", "", ...options),
    line: 22,
    column: col("## Again {#same}", "{#"),
  },
  {
    code: "missing-title",
    name: "heading with only an id",
    input: bank("## {#q}", "", ...options),
    line: 6,
    column: 1,
  },
  { code: "unknown-kind", name: "misspelt kind", input: bank(...q("q", "kind: singel")), line: 8, column: 7 },
  {
    code: "bad-value",
    name: "difficulty 9",
    input: bank(...q("q", "kind: single · difficulty: 9")),
    line: 8,
    column: col("kind: single · difficulty: 9", "9"),
  },
  {
    code: "bad-value",
    name: "misconception not kebab-case",
    input: bank(...q("q", "- [x] a", "- [ ] b", "  - misconception: Bridge On Fargate")),
    line: 10,
    column: col("  - misconception: Bridge On Fargate", "Bridge"),
  },
  { code: "missing-options", name: "one option", input: bank(...q("q", "- [x] only")), line: 8, column: 1 },
  {
    code: "too-many-options",
    name: "27 options",
    input: bank(...q("q", "- [x] 0", ...Array.from({ length: 26 }, (_, i) => `- [ ] ${i + 1}`))),
    line: 34,
    column: 1,
  },
  {
    code: "missing-answer",
    name: "no [x]",
    input: bank(...q("q", "- [ ] a", "- [ ] b")),
    line: 6,
    column: 1,
  },
  {
    code: "missing-answer",
    name: "typed without answers",
    input: bank(...q("q", "kind: typed", "", "Port?")),
    line: 6,
    column: 1,
  },
  {
    code: "several-answers",
    name: "two [x] on single",
    input: bank(...q("q", "- [x] a", "- [x] b")),
    line: 9,
    column: 4,
  },
  {
    code: "bad-true-false",
    name: "yes/no options",
    input: bank(...q("q", "kind: true-false", "", "- [x] Yes", "- [ ] No")),
    line: 10,
    column: 1,
  },
  {
    code: "bad-ordering",
    name: "checkbox in ordering",
    input: bank(...q("q", "kind: ordering", "", "1. first", "- [ ] second")),
    line: 11,
    column: 1,
  },
  {
    code: "bad-cloze",
    name: "unclosed deletion",
    input: bank(...q("q", "kind: cloze", "", "Fargate uses {{c1::awsvpc mode")),
    line: 10,
    column: col("Fargate uses {{c1::awsvpc mode", "{{"),
  },
  {
    code: "bad-card",
    name: "deck line without ::",
    input: bank("## Cards", "", "kind: flashcards", "", "- just a sentence {#c1}"),
    line: 10,
    column: 3,
  },
  {
    code: "bad-reference",
    name: "not a URL",
    input: bank(...q("q", ...options, "", "### References", "", "- the ECS guide")),
    line: 14,
    column: 3,
  },
  {
    code: "unexpected-content",
    name: "text after the options",
    input: bank(...q("q", ...options, "", "Explanation without a heading.")),
    line: 12,
    column: 1,
  },
  {
    code: "outside-question",
    name: "options before any question",
    input: bank("", "- [x] a", "## Q {#q}"),
    line: 7,
    column: 1,
  },
  {
    code: "duplicate-section",
    name: "two explanations",
    input: bank(...q("q", ...options, "", "### Explanation", "", "One.", "", "### Explanation", "", "Two.")),
    line: 16,
    column: 1,
  },
  {
    code: "unterminated-fence",
    name: "code never closed",
    input: bank(...q("q", "```js", "x()"), ...goodQuestion("b")),
    line: 8,
    column: 1,
  },
  {
    code: "unterminated-sim",
    name: "sim never closed",
    input: bank(...q("q", ...options, "", "```sim", "launchType: FARGATE"), ...goodQuestion("b")),
    line: 12,
    column: 1,
  },
  {
    code: "bad-sim",
    name: "invalid YAML",
    input: bank(...q("q", ...options, "", "```sim", "service:", "  desiredCount: [1", "```")),
    line: 14,
    column: 19,
  },
  {
    code: "bad-sim",
    name: "validator error mapped into an option's sim",
    input: bank(...q("q", "- [x] a", "- [ ] b", "  ```sim", "  taskDefinition:", "    cpuu: 3", "  ```")),
    options: { validateSim: simValidator },
    line: 12,
    column: 5,
  },
  {
    code: "bad-sim",
    name: "empty block",
    input: bank(...q("q", ...options, "", "```sim", "```")),
    line: 12,
    column: 1,
  },
  {
    code: "internal-error",
    name: "a validator breaking its contract",
    input: bank(...q("q", ...options, "", "```sim", "a: 1", "```")),
    options: { validateSim: brokenValidator },
    line: 1,
    column: 1,
  },
];

describe("one malformed input per error code", () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.name}`, c] as const))("%s", (_, c) => {
    const { bank: parsed, findings } = parseBank(c.input, { file: "t.md", ...c.options });
    const match = findings.filter((f) => f.code === c.code);
    expect(match.map((f) => ({ line: f.line, column: f.column }))).toContainEqual({
      line: c.line,
      column: c.column,
    });
    for (const f of findings) {
      expect(f.file).toBe("t.md");
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.hint?.length).toBeGreaterThan(0);
    }
    expect(parsed).toBeNull();
  });

  it("covers every error code the checker can report", () => {
    // `bad-package` is the .apkg reader's (lib/server/banks/anki-package.test.ts covers it).
    const covered = new Set<string>([...CASES.map((c) => c.code), "bad-package"]);
    const errors = Object.entries(FINDING_CODES).filter(([, info]) => info.severity === "error");
    expect(errors.map(([code]) => code).filter((code) => !covered.has(code as FindingCode))).toEqual([]);
  });

  it("reports a missing answer exactly once and nothing else as an error", () => {
    const { findings } = parseBank(bank(...goodQuestion("a"), ...q("b", "- [ ] a", "- [ ] b")), {
      file: "t.md",
    });
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.code, f.line])).toEqual([
      ["missing-answer", 22],
    ]);
  });

  it("keeps positions right with a BOM and CRLF line endings", () => {
    const text = bank(...q("q", "- [x] a", "- [x] b"));
    const crlf = `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    const a = parseBank(text, { file: "t.md" }).findings.map((f) => [f.code, f.line, f.column]);
    const b = parseBank(crlf, { file: "t.md" }).findings.map((f) => [f.code, f.line, f.column]);
    const c = parseBank(enc(crlf), { file: "t.md" }).findings.map((f) => [f.code, f.line, f.column]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a).toContainEqual(["several-answers", 9, 4]);
  });
});
