import { describe, expect, it } from "vitest";
import {
  type AutosaveClock,
  type AutosaveItem,
  AutosaveQueue,
  type AutosaveStatus,
  OFFLINE_MESSAGE,
  type SaveOutcome,
  saveOutcome,
} from "./autosave-queue";

/** A clock whose timers run only when the test says time has passed. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: AutosaveClock = {
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  const advance = async (ms: number) => {
    await settle();
    now += ms;
    for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      timers.delete(id);
      timer.run();
    }
    await settle();
  };
  return { clock, advance, count: () => timers.size };
}

/** Lets every resolved promise's callbacks run. */
const settle = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

/** A server whose answers the test gives one by one, in any order. */
function fakeServer() {
  const calls: Array<{ item: AutosaveItem; answer: (outcome: SaveOutcome) => void; fail: () => void }> = [];
  const send = (item: AutosaveItem) =>
    new Promise<SaveOutcome>((resolve, reject) => {
      calls.push({ item, answer: resolve, fail: () => reject(new TypeError("Failed to fetch")) });
    });
  return { calls, send };
}

function setup(retryDelaysMs = [1000, 3000]) {
  const { clock, advance, count } = fakeClock();
  const server = fakeServer();
  const statuses: AutosaveStatus[] = [];
  const ended: string[] = [];
  const queue = new AutosaveQueue({
    send: server.send,
    onStatus: (s) => statuses.push(s),
    onEnded: (m) => ended.push(m),
    clock,
    retryDelaysMs,
  });
  const last = () => statuses.at(-1);
  return { queue, server, statuses, ended, advance, timers: count, last };
}

const item = (questionId: string, seq: number, key = "A"): AutosaveItem => ({
  questionId,
  answer: { kind: "choice", keys: [key] },
  flagged: false,
  seq,
});
const typed = (questionId: string, seq: number, text: string): AutosaveItem => ({
  questionId,
  answer: { kind: "typed", text },
  flagged: false,
  seq,
});

describe("sending, in sequence order", () => {
  it("sends a choice at once and says all is saved when the server has it", async () => {
    const t = setup();
    t.queue.enqueue(item("q1", 1));
    expect(t.server.calls.map((c) => c.item.seq)).toEqual([1]);
    expect(t.last()).toEqual({ state: "saving" });
    t.server.calls[0]?.answer({ kind: "saved" });
    await settle();
    expect(t.last()).toEqual({ state: "saved" });
    expect(t.queue.isAllSaved).toBe(true);
  });

  it("waits for a pause in typing and sends only the newest text", async () => {
    const t = setup();
    t.queue.enqueue(typed("q1", 1, "a"), 400);
    t.queue.enqueue(typed("q1", 2, "aw"), 400);
    t.queue.enqueue(typed("q1", 3, "awsvpc"), 400);
    expect(t.server.calls).toHaveLength(0);
    expect(t.last()).toEqual({ state: "saving" });
    await t.advance(399);
    expect(t.server.calls).toHaveLength(0);
    await t.advance(1);
    expect(t.server.calls.map((c) => c.item)).toEqual([typed("q1", 3, "awsvpc")]);
  });

  it("ignores a change older than one already queued", () => {
    const t = setup();
    t.queue.enqueue(item("q1", 5, "B"), 400);
    t.queue.enqueue(item("q1", 4, "A"));
    expect(t.server.calls).toHaveLength(0);
  });

  it("when answers cross, an older save's failure does not hide the newer one's success", async () => {
    const t = setup();
    t.queue.enqueue(item("q1", 1, "A"));
    t.queue.enqueue(item("q1", 2, "B"));
    const [first, second] = t.server.calls;
    second?.answer({ kind: "saved" });
    await settle();
    first?.answer({ kind: "retry", message: "The server answered 500: your answer was not saved." });
    await settle();
    expect(t.last()).toEqual({ state: "saved" });
    expect(t.timers()).toBe(0);
    expect(t.queue.isAllSaved).toBe(true);
  });

  it("an older save confirmed after a newer change leaves the newer change unsaved", async () => {
    const t = setup();
    t.queue.enqueue(item("q1", 1, "A"));
    t.queue.enqueue(item("q1", 2, "B"));
    t.server.calls[0]?.answer({ kind: "saved" });
    await settle();
    expect(t.queue.isAllSaved).toBe(false);
    expect(t.last()).toEqual({ state: "saving" });
  });
});

describe("trying again", () => {
  it("tries a save that found no connection again, and clears the warning once it lands", async () => {
    const t = setup();
    t.queue.enqueue(item("q1", 1));
    t.server.calls[0]?.fail();
    await settle();
    expect(t.last()).toEqual({ state: "retrying", message: OFFLINE_MESSAGE });
    await t.advance(999);
    expect(t.server.calls).toHaveLength(1);
    await t.advance(1);
    expect(t.server.calls.map((c) => c.item.seq)).toEqual([1, 1]);
    t.server.calls[1]?.answer({ kind: "saved" });
    await settle();
    expect(t.last()).toEqual({ state: "saved" });
  });

  it("gives up after the last delay and says why the answer is not saved", async () => {
    const t = setup([1000, 3000]);
    const busy = "Taskdeck cannot write to its storage right now: your answer was NOT saved.";
    t.queue.enqueue(item("q1", 1));
    t.server.calls[0]?.answer({ kind: "retry", message: busy });
    await t.advance(1000);
    t.server.calls[1]?.answer({ kind: "retry", message: busy });
    await t.advance(3000);
    t.server.calls[2]?.answer({ kind: "retry", message: busy });
    await settle();
    expect(t.server.calls).toHaveLength(3);
    expect(t.timers()).toBe(0);
    expect(t.last()).toEqual({ state: "error", message: busy });
    expect(t.queue.isAllSaved).toBe(false);
  });

  it("does not try again what the server refuses for good", async () => {
    const t = setup();
    t.queue.enqueue(item("q1", 1));
    t.server.calls[0]?.answer({
      kind: "refused",
      message: "This answer was checked, so it can no longer change.",
    });
    await t.advance(60_000);
    expect(t.server.calls).toHaveLength(1);
    expect(t.last()).toEqual({
      state: "error",
      message: "This answer was checked, so it can no longer change.",
    });
  });

  it("a new change to the question replaces the one being retried", async () => {
    const t = setup();
    t.queue.enqueue(item("q1", 1, "A"));
    t.server.calls[0]?.fail();
    await settle();
    t.queue.enqueue(item("q1", 2, "B"));
    await t.advance(10_000);
    expect(t.server.calls.map((c) => c.item.seq)).toEqual([1, 2]);
    t.server.calls[1]?.answer({ kind: "saved" });
    await settle();
    expect(t.last()).toEqual({ state: "saved" });
  });

  it("keeps showing another question's failure while a later save succeeds", async () => {
    const t = setup([]);
    t.queue.enqueue(item("q1", 1));
    t.server.calls[0]?.answer({ kind: "retry", message: OFFLINE_MESSAGE });
    await settle();
    t.queue.enqueue(item("q2", 1));
    t.server.calls[1]?.answer({ kind: "saved" });
    await settle();
    expect(t.last()).toEqual({ state: "error", message: OFFLINE_MESSAGE });
  });
});

describe("flush before submitting or checking", () => {
  it("sends what waits for a pause or a retry at once, and resolves when every answer is in", async () => {
    const t = setup();
    t.queue.enqueue(typed("q1", 1, "awsvpc"), 400);
    t.queue.enqueue(item("q2", 1));
    t.server.calls[0]?.fail();
    await settle();
    let done = false;
    const flushing = t.queue.flush().then(() => {
      done = true;
    });
    expect(t.server.calls.map((c) => c.item.questionId)).toEqual(["q2", "q1", "q2"]);
    await settle();
    expect(done).toBe(false);
    t.server.calls[1]?.answer({ kind: "saved" });
    t.server.calls[2]?.answer({ kind: "saved" });
    await flushing;
    expect(done).toBe(true);
    expect(t.timers()).toBe(0);
    expect(t.queue.isAllSaved).toBe(true);
  });

  it("gives a save that was given up on one last try", async () => {
    const t = setup([]);
    t.queue.enqueue(item("q1", 1));
    t.server.calls[0]?.fail();
    await settle();
    expect(t.last()?.state).toBe("error");
    const flushing = t.queue.flush();
    t.server.calls[1]?.answer({ kind: "saved" });
    await flushing;
    expect(t.last()).toEqual({ state: "saved" });
  });
});

describe("the end of the attempt", () => {
  it("reports the end once, with the server's words, and sends nothing more", async () => {
    const t = setup();
    t.queue.enqueue(item("q1", 1));
    t.queue.enqueue(item("q2", 1));
    t.server.calls[0]?.answer({ kind: "ended", message: "Time is up: this attempt was graded." });
    t.server.calls[1]?.answer({ kind: "ended", message: "Time is up: this attempt was graded." });
    await settle();
    expect(t.ended).toEqual(["Time is up: this attempt was graded."]);
    expect(t.last()).toEqual({ state: "error", message: "Time is up: this attempt was graded." });
    t.queue.enqueue(item("q3", 1));
    expect(t.server.calls).toHaveLength(2);
  });
});

describe("saveOutcome sorts the route's answers", () => {
  it.each([
    [{ ok: true }, { kind: "saved" }],
    [
      { ok: false, reason: "deadline", formError: "Time is up." },
      { kind: "ended", message: "Time is up." },
    ],
    [
      { ok: false, reason: "conflict", formError: "Finished." },
      { kind: "ended", message: "Finished." },
    ],
    [
      { ok: false, reason: "storage-unavailable", formError: "Disk full." },
      { kind: "retry", message: "Disk full." },
    ],
    [
      { ok: false, formError: "The server answered 502: your answer was not saved." },
      { kind: "retry", message: "The server answered 502: your answer was not saved." },
    ],
    [
      { ok: false, reason: "locked", formError: "Checked." },
      { kind: "refused", message: "Checked." },
    ],
    [
      { ok: false, reason: "invalid" },
      { kind: "refused", message: "Not saved." },
    ],
  ] as const)("%o → %o", (answer, want) => {
    expect(saveOutcome(answer)).toEqual(want);
  });
});
