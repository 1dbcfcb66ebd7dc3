import { describe, expect, it } from "vitest";
import {
  hashPassword,
  normalizePassword,
  parsePasswordHash,
  SCRYPT_PARAMS,
  verifyPassword,
} from "./password-hash";

describe("password hashing", () => {
  it("stores scrypt with N=2^17, r=8, p=1, a 16-byte salt and a 64-byte key, parameters included", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    const parsed = parsePasswordHash(stored);
    expect(parsed?.params).toEqual({ ln: 17, r: 8, p: 1 });
    expect(SCRYPT_PARAMS).toEqual({ ln: 17, r: 8, p: 1 });
    expect(parsed?.salt.length).toBe(16);
    expect(parsed?.key.length).toBe(64);
  });

  it("salts every hash: the same password hashes differently twice", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password here"),
      hashPassword("same password here"),
    ]);
    expect(a).not.toEqual(b);
  });

  it("round-trips a 64-character and a 128-character password", async () => {
    for (const password of ["a1".repeat(32), "x".repeat(128)]) {
      const stored = await hashPassword(password);
      expect(await verifyPassword(stored, password)).toBe(true);
      expect(await verifyPassword(stored, `${password.slice(0, -1)}!`)).toBe(false);
    }
  });

  it("round-trips non-ASCII passwords and treats NFC and NFD spellings as the same", async () => {
    const password = "pässwörd 日本語 🔑 Ωμέγα";
    const stored = await hashPassword(password);
    expect(await verifyPassword(stored, password)).toBe(true);
    const composed = "café crème brûlée";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toEqual(composed);
    expect(normalizePassword(decomposed)).toEqual(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
  });

  it("refuses wrong passwords and malformed or out-of-bounds hashes", async () => {
    const stored = await hashPassword("a long enough secret");
    expect(await verifyPassword(stored, "a long enough secreT")).toBe(false);
    expect(await verifyPassword("not a hash", "a long enough secret")).toBe(false);
    expect(await verifyPassword(stored.replace("ln=17", "ln=25"), "a long enough secret")).toBe(false);
    expect(parsePasswordHash(stored.replace("ln=17", "ln=12"))).toBeNull();
    expect(parsePasswordHash("$scrypt$ln=17,r=8,p=1$c2FsdA==$a2V5")).toBeNull();
  });
});
