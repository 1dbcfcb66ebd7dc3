import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { type CardFields, type CardText, cardFromForm, cardLabel, formFromQuestion } from "./deck-card";

const build = (fields: CardFields) => cardFromForm(fields, { id: "card-1" });

/** One filled form per kind, as a learner would send it. */
const EVERY_KIND: Record<string, CardFields> = {
  flashcard: { kind: "flashcard", text: "Fargate network mode", back: "awsvpc", reversible: "yes" },
  "long flashcard": {
    kind: "flashcard",
    text: "Task role\n\nWhat does it give?",
    back: "The permissions of your code.",
  },
  cloze: { kind: "cloze", text: "EFS needs platform version {{c1::1.4.0}} and port {{c2::2049}}." },
  single: {
    kind: "single",
    text: "Which network mode must a Fargate task use?\n\nPick one.",
    option0: "bridge",
    why0: "Fargate supports only awsvpc.",
    option1: "awsvpc",
    correct1: "yes",
    explanation: "Every Fargate task gets its own ENI.",
    references: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
    tags: "fargate, networking",
    difficulty: "3",
  },
  multiple: {
    kind: "multiple",
    text: "Which are launch types?",
    option0: "EC2",
    correct0: "yes",
    option1: "Fargate",
    correct1: "yes",
    option2: "Lambda",
  },
  "true-false": {
    kind: "true-false",
    text: "Fargate tasks can use the bridge network mode.",
    truth: "false",
  },
  typed: { kind: "typed", text: "Which port does NFS use?", answers: "2049\nport 2049" },
  ordering: {
    kind: "ordering",
    text: "Order a rolling update.",
    items: "Register\nUpdate the service\nDrain",
  },
};

describe("the card form", () => {
  it.each(Object.entries(EVERY_KIND))(
    "builds a %s and opens it again for editing unchanged",
    (_name, fields) => {
      const built = build(fields);
      if (!built.ok) throw new Error(JSON.stringify(built));
      expect(built.question.id).toBe("card-1");
      const again = build(formFromQuestion(built.question));
      if (!again.ok) throw new Error(JSON.stringify(again));
      expect(again.question).toEqual(built.question);
    },
  );

  it("reads each kind's fields into the question the parser makes", () => {
    const single = build(EVERY_KIND.single as CardFields);
    expect(single.ok && single.question).toMatchObject({
      kind: "single",
      title: "Which network mode must a Fargate task use?",
      stem: "Pick one.",
      options: [
        { key: "A", text: "bridge", correct: false, rationale: "Fargate supports only awsvpc." },
        { key: "B", text: "awsvpc", correct: true },
      ],
      tags: ["fargate", "networking"],
      difficulty: 3,
    });
    const multiple = build(EVERY_KIND.multiple as CardFields);
    expect(multiple.ok && multiple.question.chooseCount).toBe(2);
    const truth = build(EVERY_KIND["true-false"] as CardFields);
    expect(truth.ok && truth.question.answer).toBe(false);
    const typed = build(EVERY_KIND.typed as CardFields);
    expect(typed.ok && typed.question.accepted).toEqual(["2049", "port 2049"]);
    const ordering = build(EVERY_KIND.ordering as CardFields);
    expect(ordering.ok && ordering.question.order).toEqual(["A", "B", "C"]);
    const card = build(EVERY_KIND.flashcard as CardFields);
    expect(card.ok && card.question).toMatchObject({
      front: "Fargate network mode",
      back: "awsvpc",
      reversible: true,
    });
  });

  it("says what is wrong on each field and builds nothing", () => {
    const cases: Array<[CardFields, string, RegExp]> = [
      [{ kind: "flashcard", text: "", back: "x" }, "text", /front of the card/],
      [{ kind: "flashcard", text: "Front", back: "" }, "back", /back of the card/],
      [{ kind: "cloze", text: "No gap here" }, "text", /\{\{c1::answer\}\}/],
      [
        { kind: "single", text: "Q", option0: "Only one", correct0: "yes" },
        "options",
        /at least two options/,
      ],
      [{ kind: "single", text: "Q", option0: "A", option1: "B" }, "options", /Tick the right option/],
      [
        { kind: "single", text: "Q", option0: "A", correct0: "yes", option1: "B", correct1: "yes" },
        "options",
        /one right option/,
      ],
      [{ kind: "single", text: "Q", option0: "A", correct0: "yes", correct1: "yes" }, "option1", /no text/],
      [{ kind: "true-false", text: "S" }, "truth", /true or false/],
      [{ kind: "typed", text: "Q", answers: " \n " }, "answers", /accepted answer/],
      [{ kind: "ordering", text: "Q", items: "only one" }, "items", /two steps/],
      [{ kind: "flashcard", text: "F", back: "B", tags: "two words" }, "tags", /not a tag/],
      [{ kind: "flashcard", text: "F", back: "B", references: "docs.aws" }, "references", /web address/],
      [{ kind: "flashcard", text: "F", back: "B", difficulty: "9" }, "difficulty", /1 to 5/],
      [{ kind: "essay", text: "F" }, "kind", /kind of card/],
    ];
    for (const [fields, field, message] of cases) {
      const built = build(fields);
      expect(built.ok, JSON.stringify(fields)).toBe(false);
      if (!built.ok) {
        expect(built.fieldErrors[field]?.join(" "), JSON.stringify(fields)).toMatch(message);
        expect(built.formError).toMatch(/Nothing was saved/);
      }
    }
  });

  it("refuses a line the bank format would read as structure, on its field", () => {
    const built = build({ kind: "flashcard", text: "Front", back: "First line\n## Not a heading" });
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.fieldErrors.back?.[0]).toMatch(/reads as bank structure/);
    const option = build({
      kind: "single",
      text: "Q",
      option0: "A\n- [x] sneaky",
      correct0: "yes",
      option1: "B",
    });
    expect(option.ok).toBe(false);
  });

  it("keeps what the form does not show from the card being edited", () => {
    const keep = build(EVERY_KIND.typed as CardFields);
    if (!keep.ok) throw new Error("typed did not build");
    const stored = { ...keep.question, exams: ["SAA-C03"], verified: "2026-12-01" };
    const edited = cardFromForm(
      { ...formFromQuestion(stored), text: "Which port, exactly?" },
      { id: "card-1", keep: stored },
    );
    expect(edited.ok && edited.question).toMatchObject({
      title: "Which port, exactly?",
      exams: ["SAA-C03"],
      verified: "2026-12-01",
    });
  });

  it("labels a cloze card without giving its gaps away", () => {
    const built = build(EVERY_KIND.cloze as CardFields);
    expect(built.ok && cardLabel(built.question)).toBe("EFS needs platform version […] and port […].");
  });

  it("speaks the caller's language: a Korean translator gives Korean field messages", () => {
    const text = createTranslator({
      locale: "ko",
      messages: CATALOGS.ko,
      namespace: "decks.cardErrors",
    }) as CardText;
    const built = cardFromForm({ kind: "flashcard", text: "", back: "" }, { id: "card-1", text });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.fieldErrors.text).toEqual(["카드 앞면을 입력하세요."]);
    expect(built.fieldErrors.back).toEqual(["카드 뒷면을 입력하세요."]);
    expect(built.formError).toBe("저장하지 않았습니다. 표시된 항목을 확인하세요.");
  });
});
