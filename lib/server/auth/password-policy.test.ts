import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import {
  isCommonPassword,
  newPasswordProblem,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from "./password-policy";

describe("new password policy", () => {
  it("asks for 8 to 128 characters and nothing else about composition", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    expect(newPasswordProblem("sevench")).toMatch(/at least 8/);
    expect(newPasswordProblem("eightchr")).toBeNull();
    expect(newPasswordProblem("all lowercase words only")).toBeNull();
    expect(newPasswordProblem("z".repeat(64))).toBeNull();
    expect(newPasswordProblem("z".repeat(128))).toBeNull();
    expect(newPasswordProblem("z".repeat(129))).toMatch(/at most 128/);
  });

  it("counts characters as people do: code points after NFC", () => {
    expect(newPasswordProblem("🔑🔑🔑🔑🔑🔑🔑")).toMatch(/at least 8/); // 7 characters, 14 UTF-16 units
    expect(newPasswordProblem("é".normalize("NFD").repeat(7))).toMatch(/at least 8/); // 7 after NFC
    expect(newPasswordProblem("日本語のパスワード")).toBeNull();
  });

  it("refuses a blank password and the account's own name or email, whatever their case (issue 21 item 9)", () => {
    expect(newPasswordProblem("        ")).toMatch(/other than spaces/);
    expect(newPasswordProblem(" \t \u3000    ")).toMatch(/other than spaces/);
    const who = { name: "Ada Lovelace", email: "Ada.Lovelace@example.com" };
    expect(newPasswordProblem("ada lovelace", who)).toMatch(/your name/);
    expect(newPasswordProblem("  ADA LOVELACE ", who)).toMatch(/your name/);
    expect(newPasswordProblem("ADA.LOVELACE@EXAMPLE.COM", who)).toMatch(/email/);
    expect(newPasswordProblem("ada.lovelace", who)).toMatch(/email/);
    expect(newPasswordProblem("ada lovelace counts engines", who)).toBeNull();
  });

  it("refuses the commonest passwords whatever their case", () => {
    for (const password of ["password", "Password1", "QWERTYUIOP", "iloveyou", "12345678", "Taskdeck123"]) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(newPasswordProblem(password), password).toMatch(/most common/);
    }
    expect(isCommonPassword("violet harbour spoon")).toBe(false);
  });

  it("ships a list of a few hundred entries, each long enough to pass the length rule", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(300);
    for (const entry of COMMON_PASSWORDS) {
      expect(entry.length, entry).toBeGreaterThanOrEqual(8);
      expect(entry, entry).toEqual(entry.toLowerCase());
    }
  });

  it("refuses the account's own email as its password", () => {
    expect(newPasswordProblem("Someone@Example.com", { email: "someone@example.com" })).toMatch(/email/);
    expect(newPasswordProblem("learner.one", { email: "learner.one@example.com" })).toMatch(/email/);
  });
});
