import { describe, expect, it } from "vitest";
import { checkBanks } from "./check";
import { exportMarkdown } from "./export/markdown";
import { STALE_AFTER_DAYS } from "./lint";
import { parseBank } from "./parse-bank";
import { goodQuestion } from "./test-helpers";

const front = (extra = "") =>
  ["---", "id: dated", "title: Dated", "topic: amazon-ecs", ...(extra ? [extra] : []), "---"].join("\n");
const withMeta = (id: string, meta: string) =>
  goodQuestion(id).map((l) =>
    l === "kind: single · difficulty: 2" ? `kind: single · difficulty: 2 · ${meta}` : l,
  );
const codes = (text: string, now?: string | Date) =>
  parseBank(text, { file: "t.md", now }).findings.map((f) => f.code);

describe("verified: when a question's facts were last checked", () => {
  it("the bank's date applies to every question and card; a question's own date wins", () => {
    const text = [
      front("verified: 2026-12-06"),
      ...goodQuestion("a"),
      ...withMeta("b", "verified: 2026-07-01"),
      "## Cards",
      "",
      "kind: flashcards",
      "",
      "- front :: back {#c}",
      "",
    ].join("\n");
    const { bank } = parseBank(text, { file: "t.md" });
    expect(bank?.meta.verified).toBe("2026-12-06");
    expect(bank?.questions.map((q) => [q.id, q.verified])).toEqual([
      ["a", "2026-12-06"],
      ["b", "2026-07-01"],
      ["c", "2026-12-06"],
    ]);
  });

  it("date checks run only when today is given: parsing stays pure", () => {
    const text = [front(), ...goodQuestion("a")].join("\n");
    expect(codes(text)).toEqual([]);
    expect(codes(text, "2026-12-06")).toEqual(["unverified"]);
  });

  it(`warns past ${STALE_AFTER_DAYS} days, not at ${STALE_AFTER_DAYS}`, () => {
    const text = [front("verified: 2026-06-09"), ...goodQuestion("a")].join("\n");
    expect(codes(text, "2026-12-06")).toEqual([]); // 180 days
    expect(codes(text, "2026-12-07")).toEqual(["stale"]); // 181 days
    expect(codes(text, new Date("2026-12-07T23:59:00Z"))).toEqual(["stale"]);
  });

  it("a malformed date is an error, in the front matter and on the metadata line", () => {
    const bad = [front("verified: last week"), ...goodQuestion("a")].join("\n");
    expect(parseBank(bad, { file: "t.md" }).findings.map((f) => [f.code, f.severity])).toContainEqual([
      "bad-front-matter",
      "error",
    ]);
    const badLine = [front(), ...withMeta("a", "verified: 2026-02-30x")].join("\n");
    expect(parseBank(badLine, { file: "t.md" }).findings.map((f) => f.code)).toContain("bad-value");
  });

  it("an unquoted YAML date in the front matter is read as the day", () => {
    const { bank } = parseBank([front("verified: 2026-01-31"), ...goodQuestion("a")].join("\n"), {
      file: "t.md",
    });
    expect(bank?.questions[0]?.verified).toBe("2026-01-31");
  });

  it("checkBanks counts dated questions and passes today on", () => {
    const dated = { file: "a.md", text: [front("verified: 2026-12-01"), ...goodQuestion("a")].join("\n") };
    const undated = {
      file: "b.md",
      text: [front().replace("id: dated", "id: other"), ...goodQuestion("b")].join("\n"),
    };
    const r = checkBanks([dated, undated], { now: "2026-12-06" });
    expect(r.summary.dated).toBe(1);
    expect(r.findings.map((f) => `${f.file} ${f.code}`)).toEqual(["b.md unverified"]);
  });

  it("the Markdown export keeps the dates", () => {
    const text = [front("verified: 2026-12-06"), ...withMeta("b", "verified: 2026-07-01")].join("\n");
    const { bank } = parseBank(text, { file: "t.md" });
    if (!bank) throw new Error("bank did not parse");
    const again = parseBank(exportMarkdown(bank), { file: "copy.md" }).bank;
    expect(again?.meta.verified).toBe("2026-12-06");
    expect(again?.questions[0]?.verified).toBe("2026-07-01");
  });
});
