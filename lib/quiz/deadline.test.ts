import { describe, expect, it } from "vitest";
import { acceptsWork, attemptDeadline, isOverdue, mayReview, startWindow } from "./deadline";

const at = (hhmmss: string) => new Date(`2026-05-04T${hhmmss}Z`);

describe("attemptDeadline = min(start + limit, close)", () => {
  it.each([
    { start: "10:00:00", limit: 30, close: null, want: "10:30:00" },
    { start: "10:00:00", limit: 30, close: "10:20:00", want: "10:20:00" },
    { start: "10:00:00", limit: 30, close: "11:00:00", want: "10:30:00" },
    { start: "10:00:00", limit: null, close: "11:00:00", want: "11:00:00" },
    { start: "10:00:00", limit: null, close: null, want: null },
  ])("start $start, limit $limit, close $close → $want", ({ start, limit, close, want }) => {
    const got = attemptDeadline(at(start), limit, close ? at(close) : null);
    expect(got?.toISOString() ?? null).toBe(want ? at(want).toISOString() : null);
  });
});

describe("work is accepted until the deadline plus 5 s of grace", () => {
  const deadline = at("10:30:00");
  it.each([
    { now: "10:29:59", accepted: true },
    { now: "10:30:00", accepted: true },
    { now: "10:30:05", accepted: true },
    { now: "10:30:05.001", accepted: false },
    { now: "10:31:00", accepted: false },
    { now: "23:00:00", accepted: false },
  ])("at $now accepted=$accepted", ({ now, accepted }) => {
    expect(acceptsWork(at(now), deadline)).toBe(accepted);
    expect(isOverdue(at(now), deadline)).toBe(!accepted);
  });
  it("an untimed attempt never runs out", () => {
    expect(acceptsWork(at("23:59:59"), null)).toBe(true);
  });
});

describe("start window and feedback timing", () => {
  it.each([
    { now: "09:59:59", want: "not-yet" },
    { now: "10:00:00", want: "open" },
    { now: "10:59:59", want: "open" },
    { now: "11:00:00", want: "closed" },
  ] as const)("at $now the quiz is $want", ({ now, want }) => {
    expect(startWindow(at(now), at("10:00:00"), at("11:00:00"))).toBe(want);
  });
  it.each([
    { feedback: "immediate", finished: false, now: "12:00:00", want: false },
    { feedback: "after-submit", finished: false, now: "12:00:00", want: false },
    { feedback: "after-submit", finished: true, now: "10:30:00", want: true },
    { feedback: "immediate", finished: true, now: "10:30:00", want: true },
    { feedback: "after-close", finished: true, now: "10:30:00", want: false },
    { feedback: "after-close", finished: true, now: "11:00:00", want: true },
  ] as const)("$feedback, finished=$finished, at $now → $want", ({ feedback, finished, now, want }) => {
    expect(mayReview(feedback, finished, at(now), at("11:00:00"))).toBe(want);
  });
});
