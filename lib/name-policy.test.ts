import { describe, expect, it } from "vitest";
import { nameProblem, nameSchema } from "./name-policy";

describe("names people read (issue 21 item 9)", () => {
  it("accepts ordinary names in any script", () => {
    for (const name of [
      "Ada Lovelace",
      "Zoë O'Brien-Smith",
      "محمد",
      "李小龙",
      "Class 7B (2026)",
      "עברית ו-English",
    ]) {
      expect(nameProblem(name), name).toBeNull();
    }
  });

  it("refuses bidirectional controls, which make a name read as something else", () => {
    for (const name of [
      "Ada\u202Egnp.exe",
      "\u202Aembedded\u202C",
      "\u202Boverride",
      "\u2066isolate\u2069",
      "\u2067rtl isolate\u2069",
      "\u2068first strong\u2069",
      "mark\u200F",
      "mark\u200E",
      "arabic mark\u061C",
    ]) {
      expect(nameProblem(name, "Your name"), JSON.stringify(name)).toMatch(
        /^Your name must not contain characters that reverse/,
      );
    }
  });

  it("refuses control characters and line separators", () => {
    for (const name of [
      "a\u0000b",
      "tab\there",
      "line\nbreak",
      "bell\u0007",
      "del\u007F",
      "c1\u0085",
      "ls\u2028",
      "ps\u2029",
    ]) {
      expect(nameProblem(name), JSON.stringify(name)).toMatch(/control characters/);
    }
  });

  it("gives the field its own message through zod", () => {
    const schema = nameSchema("Class name", 120, "Name the class");
    expect(schema.safeParse("  Fargate 101 ").data).toBe("Fargate 101");
    expect(schema.safeParse("   ").error?.issues[0]?.message).toBe("Name the class");
    expect(schema.safeParse("x\u202Ey").error?.issues[0]?.message).toMatch(/^Class name must not contain/);
    expect(schema.safeParse("x".repeat(121)).error?.issues[0]?.message).toBe(
      "Class name: at most 120 characters",
    );
  });
});
