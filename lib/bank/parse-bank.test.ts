import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBanks } from "./check";
import { clozeCards } from "./cloze";
import { questionContentHash } from "./content-hash";
import { parseBank } from "./parse-bank";
import { questionSchema } from "./schema";
import { bank, goodQuestion } from "./test-helpers";

const EXAMPLE = fs.readFileSync(new URL("../../docs/examples/example-bank.md", import.meta.url), "utf8");

function parseOk(text: string) {
  const { bank: b, findings } = parseBank(text, { file: "t.md" });
  const errors = findings.filter((f) => f.severity === "error");
  if (!b || errors.length > 0) throw new Error(JSON.stringify(errors));
  return { bank: b, findings };
}

describe("parseBank on the documented example", () => {
  const { bank: b, findings } = parseOk(EXAMPLE);

  it("parses with no errors and no warnings", () => {
    expect(findings).toEqual([]);
    expect(b.meta).toEqual({
      id: "example-ecs-basics",
      title: "ECS basics (example bank)",
      topic: "amazon-ecs",
      domains: ["Design Resilient Architectures", "Deployment"],
      language: "en",
      version: "1.0.0",
      authors: ["Taskdeck authors"],
    });
  });

  it("reads a single-choice question with rationales, misconceptions and sim blocks", () => {
    const q = b.questions[0];
    expect(q).toMatchObject({
      id: "example-fargate-network-mode",
      kind: "single",
      title: "Which network mode must a Fargate task use?",
      difficulty: 2,
      tags: ["fargate", "networking"],
      exams: ["SAA-C03", "DVA-C02"],
      references: [
        "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
      ],
      line: 19,
    });
    expect(q?.stem).toMatch(/^A company is moving a web API to AWS Fargate\. .*\nand security group/);
    expect(q?.options.map((o) => [o.key, o.text, o.correct, o.misconception])).toEqual([
      ["A", "bridge", false, "bridge-on-fargate"],
      ["B", "awsvpc", true, undefined],
      ["C", "host", false, "host-on-fargate"],
      ["D", "none", false, undefined],
    ]);
    expect(q?.options[0]?.rationale).toBe(
      "Fargate supports only awsvpc; bridge is a mode for tasks on EC2 instances.",
    );
    expect(q?.options[0]?.sim?.value).toMatchObject({ taskDefinition: { networkMode: "bridge" } });
    expect(q?.options[0]?.sim?.line).toBe(30);
    expect(q?.sim).toMatchObject({ line: 55, value: { launchType: "FARGATE" } });
    expect(q?.explanation).toContain("**awsvpc**");
  });

  it("derives chooseCount, the true/false answer, typed answers and the order", () => {
    const byId = new Map(b.questions.map((q) => [q.id, q]));
    expect(byId.get("example-shared-storage")).toMatchObject({ kind: "multiple", chooseCount: 2 });
    expect(byId.get("example-execution-role-pulls")).toMatchObject({ kind: "true-false", answer: true });
    expect(byId.get("example-efs-port")).toMatchObject({
      kind: "typed",
      accepted: ["2049", "tcp 2049"],
      options: [],
    });
    expect(byId.get("example-rolling-order")?.order).toEqual(["A", "B", "C", "D"]);
    expect(byId.get("example-rolling-order")?.options.every((o) => o.correct)).toBe(true);
  });

  it("reads flashcards, clozes and a compact deck", () => {
    const byId = new Map(b.questions.map((q) => [q.id, q]));
    expect(byId.get("example-card-task-role")).toMatchObject({
      kind: "flashcard",
      front: "What does the task role give?",
      reversible: true,
    });
    expect(byId.get("example-card-task-role")?.back).toMatch(
      /^The permissions of \*\*your application's code\*\*/,
    );
    expect(byId.get("example-fc-fargate-mode")).toMatchObject({
      kind: "flashcard",
      front: "Fargate network mode",
      back: "awsvpc",
      reversible: false,
      tags: ["basics"],
      difficulty: 1,
    });
    expect(byId.get("example-fc-task-role")?.reversible).toBe(true);
    const cloze = byId.get("example-cloze-efs");
    expect(cloze?.kind).toBe("cloze");
    expect(clozeCards(cloze ?? "").map((c) => c.front)).toEqual([
      "EFS volumes need Fargate platform version [version] or later, and port 2049 open.",
      "EFS volumes need Fargate platform version 1.4.0 or later, and port […] open.",
    ]);
    expect(byId.get("example-fc-desired-count")?.kind).toBe("cloze");
  });

  it("produces questions that satisfy the exported zod schema", () => {
    for (const q of b.questions) expect(questionSchema.safeParse(q).success).toBe(true);
  });
});

describe("parseBank details", () => {
  it("keeps raw HTML as text in the stem", () => {
    const { bank: b } = parseOk(
      bank("## Q {#q}", "", "Run <script>alert(1)</script> here", "", "- [x] a", "- [ ] b"),
    );
    expect(b.questions[0]?.stem).toBe("Run <script>alert(1)</script> here");
  });

  it("normalises Unicode to NFC in ids, options and stems", () => {
    const decomposed = "cafe\u0301";
    const { bank: b } = parseOk(bank(`## ${decomposed} {#q}`, "", `- [x] ${decomposed}`, "- [ ] b"));
    expect(b.questions[0]?.title).toBe("caf\u00e9");
    expect(b.questions[0]?.options[0]?.text).toBe("caf\u00e9");
  });

  it("uses the heading as stem when there is no body, and reads multi-line options and rationales", () => {
    const { bank: b } = parseOk(
      bank(
        "## Pick one {#q}",
        "",
        "- [x] first line",
        "  second line",
        "- [ ] wrong",
        "  - why: a rationale",
        "    that continues",
        "  - misconception: some-idea",
      ),
    );
    const q = b.questions[0];
    expect(q?.stem).toBe("Pick one");
    expect(q?.options[0]?.text).toBe("first line\nsecond line");
    expect(q?.options[1]?.rationale).toBe("a rationale\nthat continues");
    expect(q?.options[1]?.misconception).toBe("some-idea");
  });

  it("does not treat task lists inside code blocks as options", () => {
    const { bank: b } = parseOk(
      bank(
        "## Q {#q}",
        "",
        "```md",
        "- [x] not an option",
        "## not a heading",
        "```",
        "",
        "- [x] a",
        "- [ ] b",
      ),
    );
    expect(b.questions).toHaveLength(1);
    expect(b.questions[0]?.options.map((o) => o.text)).toEqual(["a", "b"]);
    expect(b.questions[0]?.stem).toContain("- [x] not an option");
  });

  it("makes a deterministic id from the title when none is given, and warns", () => {
    const text = bank(
      "## Which mode?",
      "",
      "- [x] a",
      "- [ ] b",
      "",
      "## Which mode?",
      "",
      "- [x] c",
      "- [ ] d",
    );
    const { bank: b, findings } = parseOk(text);
    expect(b.questions.map((q) => q.id)).toEqual(["which-mode", "which-mode-2"]);
    expect(findings.filter((f) => f.code === "missing-id").map((f) => f.line)).toEqual([6, 11]);
  });

  it("keeps Obsidian schedules as an import hint", () => {
    const { bank: b } = parseOk(
      bank("## Cards", "", "kind: flashcards", "", "- a :: b {#c1} <!--SR:!2024-08-16,51,230-->"),
    );
    expect(b.questions[0]).toMatchObject({ id: "c1", srsHint: "!2024-08-16,51,230" });
  });

  it("ignores :: inside code and cloze braces when splitting a card", () => {
    const { bank: b } = parseOk(
      bank("## Cards", "", "kind: flashcards", "", "- `a::b` in C++ :: scope {#c1}"),
    );
    expect(b.questions[0]).toMatchObject({ front: "`a::b` in C++", back: "scope" });
  });

  it("lets the benchmark lift the limits", () => {
    const body = ["a", "b", "c"].flatMap((id) => goodQuestion(id, `Title ${id}`));
    expect(parseBank(bank(...body), { file: "t.md", limits: { maxQuestions: 2 } }).bank).toBeNull();
    expect(parseBank(bank(...body), { file: "t.md" }).bank?.questions).toHaveLength(3);
  });

  it("hashes content but not position", () => {
    const a = parseOk(bank(...goodQuestion("q"))).bank.questions[0];
    const b = parseOk(bank("", "", ...goodQuestion("q"))).bank.questions[0];
    const edited = parseOk(bank(...goodQuestion("q").map((l) => l.replace("It is right.", "It is correct."))))
      .bank.questions[0];
    if (!a || !b || !edited) throw new Error("missing question");
    expect(b.line).not.toBe(a.line);
    expect(questionContentHash(b)).toBe(questionContentHash(a));
    expect(questionContentHash(edited)).not.toBe(questionContentHash(a));
    expect(questionContentHash(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("checkBanks", () => {
  it("reports duplicate ids across banks as errors and counts by topic", () => {
    const other = (topic: string) => bank(...goodQuestion("shared")).replace("amazon-ecs", topic);
    const result = checkBanks([
      { file: "a.md", text: other("amazon-ecs") },
      { file: "b.md", text: other("amazon-efs") },
      { file: "c.md", text: EXAMPLE },
    ]);
    const dup = result.findings.filter((f) => f.code === "duplicate-id");
    expect(dup.map((f) => [f.file, f.line, f.severity])).toEqual([["b.md", 6, "error"]]);
    expect(dup[0]?.message).toContain("a.md:6");
    expect(result.findings.filter((f) => f.code === "duplicate-stem").map((f) => f.file)).toEqual(["b.md"]);
    expect(result.banks.map((b) => b.file)).toEqual(["a.md", "c.md"]);
    expect(result.summary).toEqual({
      banks: 3,
      questions: 7,
      flashcards: 6,
      errors: 1,
      warnings: 1,
      byTopic: {
        "amazon-ecs": { questions: 6, flashcards: 6 },
        "amazon-efs": { questions: 1, flashcards: 0 },
      },
      simulated: { questions: 1, share: 0.143 },
      dated: 0,
      byCode: [
        { code: "duplicate-id", severity: "error", count: 1 },
        { code: "duplicate-stem", severity: "warning", count: 1 },
      ],
    });
  });
});
