import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locale";
import { type FocusInfo, isTextEntry, type QuizKeyContext, quizKeyHints, quizKeyIntent } from "./shortcuts";

const body: FocusInfo = { tag: "BODY" };
const radio: FocusInfo = { tag: "INPUT", type: "radio" };
const ctx = (over: Partial<QuizKeyContext> = {}): QuizKeyContext => ({
  kind: "single",
  optionCount: 4,
  isLocked: false,
  canCheck: false,
  isAnswered: false,
  isLast: false,
  ...over,
});

describe("digits pick options like Study", () => {
  it.each([
    { kind: "single", key: "1", want: { action: "pick", index: 0 } },
    { kind: "single", key: "4", want: { action: "pick", index: 3 } },
    { kind: "single", key: "5", want: null },
    { kind: "multiple", key: "3", want: { action: "pick", index: 2 } },
    { kind: "true-false", key: "2", want: { action: "pick", index: 1 } },
    { kind: "ordering", key: "1", want: null },
    { kind: "typed", key: "1", want: null },
    { kind: "single", key: "0", want: null },
  ] as const)("$kind: $key → $want", ({ kind, key, want }) => {
    expect(quizKeyIntent({ key }, body, ctx({ kind }))).toEqual(want);
  });

  it("a digit still picks while focus is on an option's own radio button", () => {
    expect(quizKeyIntent({ key: "2" }, radio, ctx())).toEqual({ action: "pick", index: 1 });
  });

  it("a locked (checked) answer cannot be changed from the keyboard", () => {
    expect(quizKeyIntent({ key: "1" }, body, ctx({ isLocked: true }))).toBeNull();
  });

  it("a held-down digit does not repeat", () => {
    expect(quizKeyIntent({ key: "1", repeat: true }, body, ctx())).toBeNull();
  });
});

describe("no single-key shortcut while typing, composing or with a modifier", () => {
  const fields: FocusInfo[] = [
    { tag: "INPUT", type: "text" },
    { tag: "INPUT", type: "search" },
    { tag: "INPUT", type: "number" },
    { tag: "INPUT" },
    { tag: "TEXTAREA" },
    { tag: "SELECT" },
    { tag: "DIV", isEditable: true },
  ];
  it.each(fields)("digits in %o do nothing", (focus) => {
    expect(isTextEntry(focus)).toBe(true);
    expect(quizKeyIntent({ key: "1" }, focus, ctx())).toBeNull();
  });

  it("Enter in a text field that is not the answer box does nothing", () => {
    expect(quizKeyIntent({ key: "Enter" }, { tag: "INPUT", type: "text" }, ctx())).toBeNull();
  });

  it.each([
    { key: "1", isComposing: true },
    { key: "1", keyCode: 229 },
    { key: "Enter", isComposing: true },
    { key: "Enter", keyCode: 229 },
  ])("an input method composing (%o) is left alone", (press) => {
    expect(quizKeyIntent(press, body, ctx({ isAnswered: true }))).toBeNull();
    expect(
      quizKeyIntent(press, { tag: "INPUT", type: "text", isAnswerField: true }, ctx({ kind: "typed" })),
    ).toBeNull();
  });

  it.each(["ctrlKey", "metaKey", "altKey"] as const)("%s + a digit belongs to the browser", (modifier) => {
    expect(quizKeyIntent({ key: "1", [modifier]: true }, body, ctx())).toBeNull();
  });

  it("inside the submit confirmation the dialog's own buttons take the keys", () => {
    expect(quizKeyIntent({ key: "1" }, { tag: "BUTTON", isInDialog: true }, ctx())).toBeNull();
    expect(quizKeyIntent({ key: "Enter" }, { tag: "DIALOG", isInDialog: true }, ctx())).toBeNull();
  });

  it("the review screen has no shortcuts", () => {
    expect(quizKeyIntent({ key: "1" }, body, null)).toBeNull();
  });
});

describe("Enter checks or moves on, and never sends an order by accident", () => {
  it("moves to the next question when the quiz has no immediate feedback", () => {
    expect(quizKeyIntent({ key: "Enter" }, body, ctx({ isAnswered: true }))).toEqual({ action: "next" });
  });

  it("checks an answered choice question when the quiz gives immediate feedback", () => {
    expect(quizKeyIntent({ key: "Enter" }, radio, ctx({ canCheck: true, isAnswered: true }))).toEqual({
      action: "check",
    });
  });

  it("moves on once the answer is checked, or when there is nothing to check", () => {
    const checked = ctx({ canCheck: true, isAnswered: true, isLocked: true });
    expect(quizKeyIntent({ key: "Enter" }, body, checked)).toEqual({ action: "next" });
    expect(quizKeyIntent({ key: "Enter" }, body, ctx({ canCheck: true }))).toEqual({ action: "next" });
  });

  it("never checks an ordering answer, even one already arranged", () => {
    const ordering = ctx({ kind: "ordering", canCheck: true, isAnswered: true });
    expect(quizKeyIntent({ key: "Enter" }, body, ordering)).toEqual({ action: "next" });
  });

  it("Enter in the typed answer box checks it (immediate feedback) or moves on", () => {
    const field: FocusInfo = { tag: "INPUT", type: "text", isAnswerField: true };
    const typed = ctx({ kind: "typed", optionCount: 0, isAnswered: true });
    expect(quizKeyIntent({ key: "Enter" }, field, { ...typed, canCheck: true })).toEqual({ action: "check" });
    expect(quizKeyIntent({ key: "Enter" }, field, typed)).toEqual({ action: "next" });
  });

  it("leaves Enter to a focused button or link", () => {
    expect(quizKeyIntent({ key: "Enter" }, { tag: "BUTTON" }, ctx())).toBeNull();
    expect(quizKeyIntent({ key: "Enter" }, { tag: "A" }, ctx())).toBeNull();
  });
});

describe("the hints say what the keys do for each kind", () => {
  it.each([
    { over: { kind: "single" }, want: ["1–4 to pick", "Enter for the next question"] },
    {
      over: { kind: "multiple", optionCount: 5 },
      want: ["1–5 to tick or untick", "Enter for the next question"],
    },
    {
      over: { kind: "true-false", optionCount: 2, isLast: true },
      want: ["1–2 to pick", "Enter to review and submit"],
    },
    { over: { kind: "single", optionCount: 12 }, want: ["1–9 to pick", "Enter for the next question"] },
    { over: { kind: "ordering", canCheck: true, isAnswered: true }, want: ["Enter for the next question"] },
    { over: { kind: "typed", optionCount: 0, canCheck: true, isAnswered: true }, want: ["Enter to check"] },
    { over: { kind: "single", canCheck: true, isAnswered: true }, want: ["1–4 to pick", "Enter to check"] },
    {
      over: { kind: "single", canCheck: true, isAnswered: true, isLocked: true },
      want: ["Enter for the next question"],
    },
  ] as const)("$over → $want", ({ over, want }) => {
    expect(worded(quizKeyHints(ctx(over)))).toEqual(want);
  });

  it("no hint promises a digit for ordering or typed questions", () => {
    for (const kind of ["ordering", "typed"] as const)
      for (const hint of worded(quizKeyHints(ctx({ kind })))) expect(hint).not.toMatch(/\d/);
  });

  it("says the same in Korean, with the keys as printed on the keyboard", () => {
    expect(worded(quizKeyHints(ctx({ kind: "multiple", optionCount: 5 })), "ko")).toEqual([
      "1–5: 선택 또는 해제",
      "Enter: 다음 문제",
    ]);
    expect(worded(quizKeyHints(ctx({ kind: "single", canCheck: true, isAnswered: true })), "ko")).toEqual([
      "1–4: 선택",
      "Enter: 답 확인",
    ]);
  });
});

/** The hints as the runner words them, from the catalog of `locale`. */
function worded(hints: ReturnType<typeof quizKeyHints>, locale: Locale = "en"): string[] {
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "quiz.runner.keys" });
  return hints.map((hint) => t(hint.key, { range: hint.range ?? "" }));
}
