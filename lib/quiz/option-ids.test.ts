import { describe, expect, it } from "vitest";
import { keyOfPublicId, newOptionIds, toPublicAnswer, toStoredAnswer } from "./option-ids";

describe("option ids", () => {
  const item = {
    optionOrder: ["C", "A", "D", "B"],
    optionIds: ["c0c0c0c0c0c0", "a0a0a0a0a0a0", "d0d0d0d0d0d0", "b0b0b0b0b0b0"],
  };

  it("translate both ways; a bank key or an unknown id is no option of an attempt that has ids", () => {
    const stored = { kind: "ordering" as const, keys: ["A", "B", "C", "D"] };
    const shown = toPublicAnswer(item, stored);
    expect(shown).toEqual({
      kind: "ordering",
      keys: ["a0a0a0a0a0a0", "b0b0b0b0b0b0", "c0c0c0c0c0c0", "d0d0d0d0d0d0"],
    });
    expect(shown && toStoredAnswer(item, shown)).toEqual(stored);
    expect(toStoredAnswer(item, { kind: "choice", keys: ["b0b0b0b0b0b0", "a0a0a0a0a0a0"] })).toEqual({
      kind: "choice",
      keys: ["A", "B"],
    });
    expect(toStoredAnswer(item, { kind: "choice", keys: ["A"] })).toBeNull();
    expect(keyOfPublicId(item, "ffffffffffff")).toBeNull();
    // Attempts drawn before ids existed keep their letters.
    expect(keyOfPublicId({ optionOrder: ["B", "A"] }, "A")).toBe("A");
  });

  it("makes distinct ids even when the random source repeats itself", () => {
    const source = ["x", "x", "y", "x", "z"];
    expect(newOptionIds(3, () => source.shift() ?? "w")).toEqual(["x", "y", "z"]);
  });
});
