import { describe, expect, it } from "vitest";
import {
  readAttemptBreakdown,
  readAttemptItems,
  readBankDomains,
  readQuestionTags,
  readQuestionTranslations,
  readQuizFilters,
  readQuizQuestionIds,
  readReviewState,
  readSavedAnswer,
  StoredJsonError,
} from "./json-columns";

// The JSON columns are read back through one checked reader each: what Taskdeck writes reads back
// the same, and a damaged value is refused with the column's name instead of travelling on.

describe("the JSON column readers", () => {
  it("read back what Taskdeck writes", () => {
    expect(readQuizQuestionIds('["q1","q2"]')).toEqual(["q1", "q2"]);
    expect(readBankDomains('["Security","Networking"]')).toEqual(["Security", "Networking"]);
    expect(readQuestionTags("[]")).toEqual([]);
    expect(readQuizFilters('{"topics":["ecs"],"tags":[],"difficulties":[2],"kinds":["single"]}')).toEqual({
      topics: ["ecs"],
      tags: [],
      difficulties: [2],
      kinds: ["single"],
    });
    const breakdown = [{ kind: "topic", group: "ecs", correct: 1, total: 2 }];
    expect(readAttemptBreakdown(JSON.stringify(breakdown))).toEqual(breakdown);
    const items = [
      { questionId: "q1", revision: 1, optionOrder: ["B", "A"], optionIds: ["0a1b2c3d4e5f", "1a2b3c4d5e6f"] },
    ];
    expect(readAttemptItems(JSON.stringify(items))).toEqual(items);
    expect(readSavedAnswer('{"kind":"choice","keys":["A"]}')).toEqual({ kind: "choice", keys: ["A"] });
  });

  it("read filters saved before every filter existed as 'any'", () => {
    expect(readQuizFilters('{"topics":["ecs"]}')).toEqual({
      topics: ["ecs"],
      tags: [],
      difficulties: [],
      kinds: [],
    });
  });

  it("read an ungraded attempt's breakdown as empty, and no saved answer as none", () => {
    expect(readAttemptBreakdown(null)).toEqual([]);
    expect(readSavedAnswer(null)).toBeNull();
  });

  it("refuse a damaged value, naming the column and what is wrong", () => {
    expect(() => readQuizQuestionIds('{"q1":true}')).toThrow(StoredJsonError);
    expect(() => readQuizQuestionIds("[1,2]")).toThrow(/Stored Quiz\.questionIds is not valid: 0: /);
    expect(() => readBankDomains("Security")).toThrow(/Stored Bank\.domains is not valid: not JSON/);
    expect(() => readQuestionTags('"ecs"')).toThrow(/Stored Question\.tags/);
    expect(() => readQuizFilters('{"kinds":["flashcard"]}')).toThrow(
      /Stored Quiz\.filters is not valid: kinds\.0/,
    );
    expect(() => readAttemptBreakdown('[{"kind":"week","group":"x","correct":1,"total":1}]')).toThrow(
      /Stored QuizAttempt\.breakdown is not valid: 0\.kind/,
    );
    expect(() => readAttemptItems('[{"questionId":"q1"}]')).toThrow(
      /Stored QuizAttempt\.items is not valid: 0\.revision/,
    );
    expect(() => readReviewState("Review.stateAfter", "{}")).toThrow(
      /Stored Review\.stateAfter is not valid/,
    );
  });

  it("read a saved answer of another shape as none, so the question counts as unanswered", () => {
    expect(readSavedAnswer('{"kind":"choice","keys":["not a key"]}')).toBeNull();
    expect(readSavedAnswer("not json")).toBeNull();
  });

  it("read a question's translations back and refuse one of the wrong shape, naming the column", () => {
    const ko = {
      id: "q1",
      kind: "single",
      title: "제목",
      stem: "본문",
      options: [{ key: "A", text: "가" }],
      explanation: "",
      references: [],
      line: 3,
    };
    expect(readQuestionTranslations("{}")).toEqual({});
    expect(readQuestionTranslations(JSON.stringify({ ko }))).toEqual({ ko });
    expect(() =>
      readQuestionTranslations(JSON.stringify({ ko: { ...ko, options: [{ key: "a", text: "가" }] } })),
    ).toThrow(/Stored Question\.translations is not valid: ko\.options\.0\.key/);
    expect(() => readQuestionTranslations(JSON.stringify({ fr: ko }))).toThrow(StoredJsonError);
  });

  it("keep an attempt's checked items per column text, frozen, and a bounded number of them", () => {
    const json = JSON.stringify([{ questionId: "q-cache", revision: 2, optionOrder: ["A", "B"] }]);
    const first = readAttemptItems(json);
    // The same text reads as the same checked value, which no reader can change for the others.
    expect(readAttemptItems(json)).toBe(first);
    expect(() => (first as unknown as unknown[]).push({})).toThrow(TypeError);
    const order = first[0]?.optionOrder as string[];
    expect(() => order.reverse()).toThrow(TypeError);
    // A broken column is refused every time it is read, never remembered as good.
    const broken = '[{"questionId":"q-cache"}]';
    expect(() => readAttemptItems(broken)).toThrow(StoredJsonError);
    expect(() => readAttemptItems(broken)).toThrow(StoredJsonError);
    // Past the limit the oldest text is checked again: the cache does not grow without bound.
    for (let i = 0; i < 300; i++)
      readAttemptItems(JSON.stringify([{ questionId: `q-${i}`, revision: 1, optionOrder: [] }]));
    const again = readAttemptItems(json);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
