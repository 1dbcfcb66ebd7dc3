import { describe, expect, it } from "vitest";
import { parseBank } from "./parse-bank";
import type { Bank } from "./schema";
import { staleList } from "./stale";
import { goodQuestion } from "./test-helpers";

const withDate = (id: string, day: string) =>
  goodQuestion(id).map((l) => (l.startsWith("kind:") ? `${l} · verified: ${day}` : l));

function bankOf(file: string, ...body: string[][]): Bank {
  const text = ["---", `id: ${file.replace(/\W/g, "-")}`, "title: T", "topic: t", "---", ...body.flat()].join(
    "\n",
  );
  const { bank } = parseBank(text, { file });
  if (!bank) throw new Error(`${file} did not parse`);
  return bank;
}

describe("staleList: what to re-check first", () => {
  const banks = [
    bankOf("a.md", withDate("new", "2026-12-01"), withDate("old", "2026-01-10"), goodQuestion("undated")),
    bankOf("b.md", withDate("mid-quiet", "2026-06-01"), withDate("mid-busy", "2026-06-01")),
  ];

  it("undated first, then oldest, with the age in days", () => {
    const list = staleList(banks, "2026-12-06");
    expect(list.map((e) => [e.id, e.ageDays])).toEqual([
      ["undated", null],
      ["old", 330],
      ["mid-quiet", 188],
      ["mid-busy", 188],
      ["new", 5],
    ]);
    expect(list[1]).toMatchObject({ file: "a.md", verified: "2026-01-10", studied: 0, reported: 0 });
  });

  it("on the same date, the most studied, then the most reported, come first", () => {
    const usage = new Map([
      ["mid-busy", { studied: 50, reported: 0 }],
      ["mid-quiet", { studied: 0, reported: 3 }],
    ]);
    expect(staleList(banks, "2026-12-06", usage).map((e) => e.id)).toEqual([
      "undated",
      "old",
      "mid-busy",
      "mid-quiet",
      "new",
    ]);
    const reportsOnly = new Map([["mid-busy", { studied: 0, reported: 1 }]]);
    expect(staleList(banks, "2026-12-06", reportsOnly)[2]?.id).toBe("mid-busy");
  });
});
