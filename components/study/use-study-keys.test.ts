import { describe, expect, it } from "vitest";
import type { CardKeys, KeyIntent } from "@/lib/study/keys";
import { type KeyEventLike, studyKeyHandler, TARGET_SELECTORS } from "./use-study-keys";

// The study page's keydown listener, fed events as the browser would send them. A target is a
// stand-in for an element: `closest` answers for the selectors the element would match.

type Where = "answer" | "text" | "control" | "page";

function target(where: Where) {
  return {
    closest: (selector: string) => (where !== "page" && selector === TARGET_SELECTORS[where] ? {} : null),
  };
}

function press(
  card: Partial<CardKeys>,
  key: string,
  where: Where = "page",
  extra: Partial<KeyEventLike> = {},
): { intent: KeyIntent | null; prevented: boolean } {
  const intents: KeyIntent[] = [];
  let prevented = false;
  const full: CardKeys = {
    kind: "flashcard",
    revealed: false,
    answered: false,
    optionCount: 0,
    canUndo: true,
    ...card,
  };
  studyKeyHandler(
    () => full,
    (intent) => intents.push(intent),
  )({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: target(where),
    preventDefault: () => {
      prevented = true;
    },
    ...extra,
  });
  return { intent: intents[0] ?? null, prevented };
}

const choice: Partial<CardKeys> = { kind: "choice", optionCount: 4 };
const typed: Partial<CardKeys> = { kind: "typed" };

describe("study keys", () => {
  it("reveal with Space or Enter, then 1–4 grade a flashcard", () => {
    expect(press({}, " ")).toEqual({ intent: { type: "reveal" }, prevented: true });
    expect(press({}, "Enter").intent).toEqual({ type: "reveal" });
    expect(press({ revealed: true }, "3").intent).toEqual({ type: "grade", grade: "good" });
    expect(press({ revealed: true }, "5").intent).toBeNull();
    // On a button, Space and Enter press the button itself.
    expect(press({}, " ", "control").intent).toBeNull();
  });

  it("pick an option by number, check with Enter, then Enter for the next", () => {
    expect(press(choice, "2").intent).toEqual({ type: "pick", index: 1 });
    expect(press(choice, "5").intent).toBeNull();
    expect(press(choice, "Enter").intent).toEqual({ type: "submit" });
    expect(press({ ...choice, answered: true }, "Enter").intent).toEqual({ type: "next" });
    expect(press(choice, "Enter", "control").intent).toBeNull();
  });

  it("digits do nothing on ordering and typed cards", () => {
    expect(press({ kind: "ordering", optionCount: 3 }, "1").intent).toBeNull();
    expect(press(typed, "1", "answer").intent).toBeNull();
  });

  it("never fire in a text field: not Z, not digits, not Enter", () => {
    for (const key of ["z", "Z", "1", "3", " ", "Enter"]) {
      expect(press(choice, key, "text").intent).toBeNull();
      expect(press({ revealed: true }, key, "text").intent).toBeNull();
      expect(press({ kind: "none" }, key, "text").intent).toBeNull();
    }
  });

  it("never fire while an input method composes", () => {
    expect(press(choice, "1", "page", { isComposing: true }).intent).toBeNull();
    expect(press(choice, "z", "page", { keyCode: 229 }).intent).toBeNull();
    expect(press({ revealed: true }, "3", "page", { keyCode: 229 }).intent).toBeNull();
    expect(press(typed, "Enter", "answer", { isComposing: true }).intent).toBeNull();
  });

  it("leave keys with Ctrl, Alt or Cmd to the browser", () => {
    expect(press(choice, "z", "page", { ctrlKey: true }).intent).toBeNull();
    expect(press({ revealed: true }, "1", "page", { metaKey: true }).intent).toBeNull();
  });

  it("in the answer field only Enter acts: it checks, then moves on", () => {
    expect(press(typed, "z", "answer").intent).toBeNull();
    expect(press(typed, "Enter", "answer")).toEqual({ intent: { type: "submit" }, prevented: true });
    expect(press({ ...typed, answered: true }, "Enter", "answer").intent).toEqual({ type: "next" });
  });

  it("typing on a typed-answer card before clicking into its field goes into the field, never Undo", () => {
    expect(press(typed, "a")).toEqual({ intent: { type: "focus-answer" }, prevented: false });
    expect(press(typed, "z")).toEqual({ intent: { type: "focus-answer" }, prevented: false });
    expect(press(typed, "Z", "control").intent).toEqual({ type: "focus-answer" });
  });

  it("Z undoes the last grade elsewhere, and only when there is one", () => {
    expect(press(choice, "z").intent).toEqual({ type: "undo" });
    expect(press({ revealed: true }, "Z").intent).toEqual({ type: "undo" });
    expect(press({ kind: "none" }, "z").intent).toEqual({ type: "undo" });
    expect(press({ kind: "none", canUndo: false }, "z").intent).toBeNull();
    expect(press({ ...typed, answered: true }, "z").intent).toEqual({ type: "undo" });
  });
});
