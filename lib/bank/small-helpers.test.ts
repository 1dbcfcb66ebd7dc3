import { describe, expect, it } from "vitest";
import { clozeCards, parseCloze } from "./cloze";
import { canonicalJson, fnv1a64 } from "./content-hash";
import { exportAnki } from "./export/anki";
import { parseBank } from "./parse-bank";
import { slugify } from "./slug";
import { bank } from "./test-helpers";
import { isTypedAnswerCorrect } from "./typed-answer";

describe("isTypedAnswerCorrect", () => {
  const q = { accepted: ["awsvpc", "TCP 2049"] };
  it.each([
    ["awsvpc", true],
    ["  AWSVPC ", true],
    ["aws vpc", true],
    ["tcp   2049", true],
    ["tcp2049", true],
    ["`awsvpc`", true],
    ["ａｗｓｖｐｃ", true],
    ["bridge", false],
    ["", false],
    ["awsvpc mode", false],
  ])("%j → %s", (input, expected) => {
    expect(isTypedAnswerCorrect(q, input)).toBe(expected);
  });
});

describe("cloze", () => {
  it("parses deletions with hints and reports unclosed ones", () => {
    expect(
      parseCloze("a {{c1::b::hint}} c {{c2::d}}").deletions.map((d) => [d.index, d.answer, d.hint]),
    ).toEqual([
      [1, "b", "hint"],
      [2, "d", undefined],
    ]);
    expect(parseCloze("a {{c1::b").error?.offset).toBe(2);
    expect(parseCloze("{{c1::  }}").error?.message).toMatch(/no answer/);
  });

  it("yields one card per deletion number, hiding only that number", () => {
    expect(clozeCards("{{c1::A}} and {{c2::B}} and {{c1::C}}")).toEqual([
      { index: 1, front: "[…] and B and […]", back: "**A** and B and **C**", answers: ["A", "C"] },
      { index: 2, front: "A and […] and C", back: "A and **B** and C", answers: ["B"] },
    ]);
  });
});

describe("content hashing", () => {
  it("is FNV-1a 64", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("serialises canonically", () => {
    expect(canonicalJson({ b: 1, a: [1, undefined, { d: undefined, c: "x" }] })).toBe(
      '{"a":[1,null,{"c":"x"}],"b":1}',
    );
  });
});

describe("slugify", () => {
  it("makes short, stable, ASCII ids", () => {
    expect(slugify("Which network mode must a Fargate task use?")).toBe(
      "which-network-mode-must-a-fargate-task-use",
    );
    expect(slugify("Café ünïcode")).toBe("cafe-unicode");
    expect(slugify("日本語")).toMatch(/^q-[0-9a-f]{8}$/);
    expect(slugify("a".repeat(100)).length).toBeLessThanOrEqual(48);
  });
});

describe("exportAnki", () => {
  it("writes tab-separated front, back and tags with Anki's headers", () => {
    const text = bank(
      "## Mode? {#q}",
      "",
      "kind: single · tags: fargate · exams: SAA-C03",
      "",
      "- [x] awsvpc",
      "- [ ] bridge",
      "  - why: EC2 only",
      "",
      "### Explanation",
      "",
      "Fargate uses awsvpc.",
      "",
      "## Cards",
      "",
      "kind: flashcards",
      "",
      "- Task role ::: App permissions {#c1}",
      "- Port {{c1::2049}} for {{c2::NFS}} {#c2}",
    );
    const parsed = parseBank(text, { file: "t.md" }).bank;
    if (!parsed) throw new Error("bank has errors");
    const lines = exportAnki(parsed).trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual(["#separator:tab", "#html:true", "#tags column:3"]);
    const rows = lines.slice(3).map((l) => l.split("\t"));
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows[0]?.[2]).toBe("fargate SAA-C03 test-bank");
    expect(rows[0]?.[1]).toContain("Answer: A");
    expect(rows[0]?.[1]).toContain("Fargate uses awsvpc.");
    expect(rows[1]?.[0]).toBe("<p>Task role</p>");
    expect(rows[2]?.[0]).toBe("<p>App permissions</p>");
    expect(rows[3]?.[0]).toBe("<p>Port […] for NFS</p>");
    expect(rows[4]?.[1]).toBe("<p>Port 2049 for <strong>NFS</strong></p>");
    const multiLine = parseBank(
      bank("## Q {#q}", "", "kind: typed", "", "one\ntwo", "", "### Answer", "", "- x"),
      { file: "t.md" },
    );
    expect(
      exportAnki(multiLine.bank as NonNullable<typeof multiLine.bank>)
        .split("\n")[3]
        ?.split("\t")[0],
    ).toBe("<p>one two</p>");
  });

  it("quotes fields that hold tabs, line breaks or quotes", () => {
    const parsed = parseBank(bank("## Cards", "", "kind: flashcards", "", '- Say "hi" :: `a\tb` {#c1}'), {
      file: "t.md",
    }).bank;
    if (!parsed) throw new Error("bank has errors");
    expect(exportAnki(parsed).split("\n")[3]).toBe(
      '"<p>Say ""hi""</p>"\t"<p><code>a\tb</code></p>"\ttest-bank',
    );
  });
});
