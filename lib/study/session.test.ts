import { describe, expect, it } from "vitest";
import { emptyDraft } from "./draft";
import { studyReducer } from "./session";
import { initialStudyState, SAME_SESSION_MS, type StudyAction, type StudyState } from "./session-state";
import {
  answerRequest,
  flashcardRequest,
  heldKeys,
  keyHint,
  needsMore,
  sessionProgress,
  visibleCounts,
} from "./session-view";
import type { QueueItem, StudyCounts, StudyMode } from "./views";

// The study session's transitions, each from the states where it matters. Times are fixed.

const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

function card(
  id: string,
  kind: QueueItem["kind"] = "flashcard",
  phase: QueueItem["phase"] = "new",
): QueueItem {
  const options =
    kind === "flashcard" || kind === "typed"
      ? []
      : ["A", "B", "C"].map((key) => ({
          key,
          html: `<p>Option ${key}</p>`,
          correct: key === "B",
          rationaleHtml: null,
          misconception: null,
          simYaml: null,
        }));
  return {
    ref: { questionId: id, side: "" },
    key: `${id}|`,
    kind,
    phase,
    revision: 1,
    topic: "launch-types",
    tags: [],
    titleHtml: `<p>Title of ${id}</p>`,
    promptHtml: `<p>Front of ${id}</p>`,
    answerHtml: kind === "flashcard" ? "<p>Back</p>" : null,
    options,
    chooseCount: null,
    accepted: kind === "typed" ? ["2049"] : [],
    order: kind === "ordering" ? ["A", "B", "C"] : null,
    trueFalse: null,
    explanationHtml: "",
    references: [],
    simYaml: null,
    intervals: { again: "1m", hard: "6m", good: "10m", easy: "3d" },
    lang: "en",
    original: null,
  };
}

function start(
  items: QueueItem[],
  counts: Partial<StudyCounts> = {},
  mode: StudyMode = "review",
): StudyState {
  const view = {
    items,
    counts: { new: 0, learning: 0, due: 0, ...counts },
    nextDueAt: null,
    newLeftToday: 20,
  };
  return initialStudyState(view, mode, T0);
}

const run = (state: StudyState, ...actions: StudyAction[]) => actions.reduce(studyReducer, state);
const reveal: StudyAction = { type: "reveal" };
const good = (id: string, now = T0 + 5_000): StudyAction => ({
  type: "grade",
  grade: "good",
  reviewId: id,
  now,
});
const head = (state: StudyState) => state.queue[0]?.key;

describe("showing and grading a flashcard", () => {
  it("reveals an unrevealed flashcard, and only that", () => {
    const s = start([card("a")], { new: 1 });
    expect(run(s, reveal).revealed).toBe(true);
    const question = start([card("q", "single")], { new: 1 });
    expect(run(question, reveal)).toBe(question);
  });

  it("refuses a grade before the answer is shown", () => {
    const s = start([card("a"), card("b")], { new: 2 });
    expect(run(s, good("r1"))).toBe(s);
  });

  it("records the grade, takes one off the day's new cards and shows the next card afresh", () => {
    const s = run(start([card("a"), card("b")], { new: 20 }), reveal, good("r1"));
    expect(s.gradings).toEqual([{ item: card("a"), reviewId: "r1", isFirst: true }]);
    expect(head(s)).toBe("b|");
    expect(s.revealed).toBe(false);
    expect(s.shown).toBe(1);
    expect(s.shownAt).toBe(T0 + 5_000);
    expect(s.unseen.new).toBe(19);
    expect(sessionProgress(s)).toEqual({ done: 1, total: 20 });
  });

  it("in cram, saves nothing and sends a card graded Again round again", () => {
    const s = run(start([card("a"), card("b")], {}, "cram"), reveal, {
      type: "grade",
      grade: "again",
      reviewId: "r1",
      now: T0,
    });
    expect(s.queue.map((i) => i.key)).toEqual(["b|", "a|"]);
    expect(s.gradings[0]?.reviewId).toBeNull();
    expect(sessionProgress(s)).toEqual({ done: 1, total: 2 });
  });
});

describe("answering a practice question", () => {
  const submit = (isExplicit = false): StudyAction => ({
    type: "submit",
    isExplicit,
    reviewId: "r1",
    now: T0 + 9_000,
  });

  it("picks options by number, within the options, and not once answered", () => {
    const s = start([card("q", "single")], { new: 1 });
    expect(run(s, { type: "pick", index: 1 }).draft.keys).toEqual(["B"]);
    expect(run(s, { type: "pick", index: 5 })).toBe(s);
    const answered = run(s, { type: "pick", index: 1 }, submit());
    expect(run(answered, { type: "pick", index: 0 })).toBe(answered);
  });

  it("says what is missing instead of checking an empty answer", () => {
    const s = start([card("q", "single"), card("t", "typed")], { new: 2 });
    const refused = run(s, submit(true));
    expect(refused.feedback).toBeNull();
    expect(refused.gradings).toEqual([]);
    expect(refused.notice).toBe("Pick an answer first.");
    const typed = start([card("t", "typed")], { new: 1 });
    expect(run(typed, submit()).notice).toBe("Type your answer first.");
  });

  it("checks the answer, records the grading once, and moves on with Next", () => {
    const s = run(start([card("q", "single"), card("b")], { new: 2 }), { type: "pick", index: 1 }, submit());
    expect(s.feedback).toEqual({ isCorrect: true, keys: ["B"], typed: "", order: [] });
    expect(s.gradings).toHaveLength(1);
    expect(run(s, submit()).gradings).toHaveLength(1);
    const moved = run(s, { type: "next", now: T0 + 12_000 });
    expect(head(moved)).toBe("b|");
    expect(moved.feedback).toBeNull();
    expect(moved.gradings).toHaveLength(1);
  });

  it("never hands in an ordering the learner did not arrange with Enter; the button may", () => {
    const s = start([card("o", "ordering")], { new: 1 });
    const byEnter = run(s, submit(false));
    expect(byEnter.feedback).toBeNull();
    expect(byEnter.notice).toMatch(/↑ and ↓/);
    expect(run(s, submit(true)).feedback?.isCorrect).toBe(false);
    const arranged = run(s, { type: "draft", draft: { ...s.draft, order: ["A", "B", "C"] } }, submit(false));
    expect(arranged.feedback?.isCorrect).toBe(true);
  });

  it("in cram, counts the question at Next and sends a wrong one round again", () => {
    const s = run(start([card("q", "single"), card("b")], {}, "cram"), { type: "pick", index: 0 }, submit());
    expect(s.gradings).toEqual([]);
    const moved = run(s, { type: "next", now: T0 });
    expect(moved.queue.map((i) => i.key)).toEqual(["b|", "q|"]);
    expect(moved.gradings).toHaveLength(1);
  });
});

describe("cards in a learning step", () => {
  const saved = (
    reviewId: string,
    dueIn: number,
    phase: "learning" | "review" = "learning",
  ): StudyAction => ({
    type: "saved",
    reviewId,
    due: T0 + dueIn,
    phase,
    now: T0,
  });

  it("wait when due within the session, not when due later or graduated", () => {
    const s = run(start([card("a"), card("b"), card("c")], { new: 3 }), reveal, good("r1"));
    expect(run(s, saved("r1", 60_000)).returning).toEqual([{ item: card("a"), dueAt: T0 + 60_000 }]);
    expect(run(s, saved("r1", SAME_SESSION_MS)).returning).toEqual([]);
    expect(run(s, saved("r1", 60_000, "review")).returning).toEqual([]);
  });

  it("come back at the end of the queue once due, as learning cards; an empty queue shows them", () => {
    let s = run(start([card("a"), card("b")], { new: 2 }), reveal, good("r1"), saved("r1", 60_000));
    expect(run(s, { type: "tick", now: T0 + 59_000 }).queue.map((i) => i.key)).toEqual(["b|"]);
    s = run(s, { type: "tick", now: T0 + 60_000 });
    expect(s.queue.map((i) => [i.key, i.phase])).toEqual([
      ["b|", "new"],
      ["a|", "learning"],
    ]);
    const emptied = run(start([card("a")], { new: 1 }), reveal, good("r1"), saved("r1", 60_000));
    expect(emptied.queue).toEqual([]);
    const back = run(emptied, { type: "studyAhead", now: T0 + 1_000 });
    expect(head(back)).toBe("a|");
    expect(back.shown).toBe(emptied.shown + 1);
  });

  it("count once in the session's progress: 'x of 20' never grows while they come and go", () => {
    const items = Array.from({ length: 12 }, (_, i) => card(`c${i}`));
    let s = start(items, { new: 20 });
    expect(sessionProgress(s)).toEqual({ done: 0, total: 20 });
    for (let i = 0; i < 4; i += 1) s = run(s, reveal, good(`r${i}`), saved(`r${i}`, 60_000));
    expect(sessionProgress(s)).toEqual({ done: 4, total: 20 });
    expect(visibleCounts(s)).toEqual({ new: 16, learning: 4, due: 0 });
    s = run(s, { type: "tick", now: T0 + 61_000 });
    expect(s.queue).toHaveLength(12);
    expect(sessionProgress(s)).toEqual({ done: 4, total: 20 });
    // Work through every card on hand, the returning ones included.
    for (let i = 4; s.queue.length > 0; i += 1) s = run(s, reveal, good(`r${i}`));
    expect(sessionProgress(s)).toEqual({ done: 12, total: 20 });
    expect(visibleCounts(s)).toEqual({ new: 8, learning: 0, due: 0 });
    expect(s.gradings.filter((g) => !g.isFirst).map((g) => g.item.key)).toEqual(["c0|", "c1|", "c2|", "c3|"]);
  });
});

describe("undo", () => {
  it("after a grade restores the previous card and takes its grade back", () => {
    const graded = run(start([card("a"), card("b")], { new: 20 }), reveal, good("r1"), {
      type: "saved",
      reviewId: "r1",
      due: T0 + 600_000,
      phase: "learning",
      now: T0,
    });
    const pending = run(graded, { type: "undoStart" });
    expect(pending.undoing?.reviewId).toBe("r1");
    expect(pending.gradings).toEqual([]);
    const s = run(pending, { type: "undone", now: T0 + 8_000 });
    expect(s.queue.map((i) => i.key)).toEqual(["a|", "b|"]);
    expect(s.queue[0]).toEqual(card("a"));
    expect(s.revealed).toBe(false);
    expect(s.returning).toEqual([]);
    expect(s.unseen.new).toBe(20);
    expect(s.undoing).toBeNull();
    expect(s.notice).toBe("Grade undone — Front of a");
    expect(sessionProgress(s)).toEqual({ done: 0, total: 20 });
  });

  it("of a question still showing its feedback replaces it rather than stacking it", () => {
    const answered = run(
      start([card("q", "single"), card("b")], { new: 2 }),
      { type: "pick", index: 1 },
      {
        type: "submit",
        isExplicit: false,
        reviewId: "r1",
        now: T0,
      },
    );
    const s = run(answered, { type: "undoStart" }, { type: "undone", now: T0 });
    expect(s.queue.map((i) => i.key)).toEqual(["q|", "b|"]);
    expect(s.feedback).toBeNull();
    expect(s.draft).toEqual(emptyDraft(card("q", "single")));
    expect(s.notice).toBe("Grade undone — Title of q");
  });

  it("that the server refuses puts the grading back and says so", () => {
    const graded = run(start([card("a"), card("b")], { new: 2 }), reveal, good("r1"));
    const s = run(
      graded,
      { type: "undoStart" },
      { type: "undoFailed", message: "That grade could not be undone." },
    );
    expect(s.gradings).toEqual(graded.gradings);
    expect(s.undoing).toBeNull();
    expect(s.error).toBe("That grade could not be undone.");
    expect(head(s)).toBe("b|");
  });

  it("does nothing with no grading, or while one undo is under way", () => {
    const s = start([card("a")], { new: 1 });
    expect(run(s, { type: "undoStart" })).toBe(s);
    const twice = run(s, reveal, good("r1"), { type: "undoStart" });
    expect(run(twice, { type: "undoStart" })).toBe(twice);
  });
});

describe("a grade the server does not take", () => {
  it("keeps the learner studying, says so, and brings nothing back", () => {
    const s = run(start([card("a"), card("b")], { new: 2 }), reveal, good("r1"), {
      type: "saveFailed",
      reviewId: "r1",
      message: "Taskdeck cannot write to its storage right now: your answer was NOT saved.",
    });
    expect(s.error).toMatch(/NOT saved/);
    expect(head(s)).toBe("b|");
    expect(s.returning).toEqual([]);
    expect(run(s, { type: "dismissError" }).error).toBeNull();
  });
});

describe("suspend, bury and prefetch", () => {
  it("a removed card leaves the day's count and the next card shows", () => {
    const s = run(start([card("a"), card("b")], { new: 2 }), {
      type: "removed",
      key: "a|",
      how: "bury",
      now: T0,
    });
    expect(head(s)).toBe("b|");
    expect(s.unseen.new).toBe(1);
    expect(s.announcement).toBe("Card buried until tomorrow.");
    expect(sessionProgress(s)).toEqual({ done: 0, total: 1 });
  });

  it("fetches while three or fewer cards are ready, excluding every card held, each once", () => {
    let s = start([card("a"), card("b")], { new: 5 });
    expect(needsMore(s)).toBe(true);
    s = run(s, { type: "loadStart" });
    expect(needsMore(s)).toBe(false);
    s = run(s, reveal, good("r1"), { type: "tick", now: T0 });
    s = run(s, { type: "loaded", items: [card("b"), card("c")], nextDueAt: null, now: T0 });
    expect(s.queue.map((i) => i.key)).toEqual(["b|", "c|"]);
    expect(heldKeys(s).sort()).toEqual(["a|", "b|", "c|"]);
    s = run(s, { type: "loaded", items: [], nextDueAt: "2026-12-07T09:00:00.000Z", now: T0 });
    expect(s.isExhausted).toBe(true);
    expect(needsMore(s)).toBe(false);
    expect(needsMore(start([card("a")], {}, "cram"))).toBe(false);
  });

  it("an empty session shows the first card that arrives", () => {
    const s = run(start([], {}), { type: "loaded", items: [card("a")], nextDueAt: null, now: T0 + 1 });
    expect(head(s)).toBe("a|");
    expect(s.shown).toBe(1);
  });
});

describe("requests and hints", () => {
  it("builds the grading requests with the time on the card, and none in cram", () => {
    const s = run(start([card("a"), card("q", "single")], { new: 2 }), reveal);
    expect(flashcardRequest(s, "good", "r1", T0 + 4_000)).toEqual({
      reviewId: "r1",
      ref: { questionId: "a", side: "" },
      grade: "good",
      durationMs: 4_000,
      clientTime: new Date(T0 + 4_000).toISOString(),
    });
    const q = run(s, good("r1", T0), { type: "pick", index: 2 });
    expect(answerRequest(q, "r2", T0 + 1_000)).toMatchObject({
      answer: { kind: "choice", keys: ["C"] },
      confidence: "sure",
    });
    expect(answerRequest(start([card("q", "single")], {}, "cram"), "r3", T0)).toBeNull();
  });

  it("offers only the keys each kind of card answers to", () => {
    expect(keyHint(start([card("q", "single")]))).toBe("1–3 to pick · Enter to check");
    expect(keyHint(start([card("o", "ordering")]))).not.toMatch(/1–/);
    expect(keyHint(start([card("t", "typed")]))).not.toMatch(/1–/);
    expect(keyHint(start([card("a")]))).toBe("Space or Enter");
  });
});
