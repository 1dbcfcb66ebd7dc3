import { describe, expect, it } from "vitest";
import { FINDING_CODES } from "@/lib/bank/codes";
import { CATALOGS } from "./catalogs";

// The upload page names each checker finding in Korean before its English detail
// (components/teach/bank-code-view.tsx): a code added to the checker needs its title here too,
// or a Korean author sees that finding without one.
describe("the bank checker's finding titles", () => {
  it("name every finding code in both languages, and no code the checker does not have", () => {
    const codes = Object.keys(FINDING_CODES).sort();
    expect(Object.keys(CATALOGS.ko.teach.codes).sort()).toEqual(codes);
    expect(Object.keys(CATALOGS.en.teach.codes).sort()).toEqual(codes);
  });
});
