import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { createLoginThrottle, DEFAULT_THROTTLE_LIMITS } from "./login-throttle";

let database: TestDatabase;
let clock: Date;
const now = () => clock;
const throttle = (limits = DEFAULT_THROTTLE_LIMITS) =>
  createLoginThrottle({ db: database.prisma, secret: "throttle-test-secret-0123456789abcdef", limits, now });
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

beforeEach(() => {
  database = createTestDatabase();
  clock = new Date("2026-11-27T09:00:00Z");
});

afterEach(async () => {
  await database.cleanup();
});

describe("login throttle", () => {
  it("allows 10 attempts on an account in 15 minutes and refuses the 11th", async () => {
    const subject = { email: "learner@example.com", address: "198.51.100.1" };
    const gate = throttle();
    for (let i = 1; i <= 10; i += 1) {
      expect(await gate.begin(subject), `attempt ${i}`).toEqual({ allowed: true });
      advance(60_000);
    }
    const refused = await gate.begin(subject);
    expect(refused.allowed).toBe(false);
    // The first attempt (at 09:00) leaves the window at 09:15; it is now 09:10.
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
  });

  it("counts the email however it is typed, and refuses other addresses too", async () => {
    const gate = throttle();
    for (let i = 0; i < 10; i += 1) {
      await gate.begin({
        email: i % 2 ? " Learner@Example.com " : "learner@example.com",
        address: `198.51.100.${i}`,
      });
    }
    expect((await gate.begin({ email: "LEARNER@example.com", address: "192.0.2.50" })).allowed).toBe(false);
  });

  it("slides: an attempt older than 15 minutes no longer counts", async () => {
    const subject = { email: "slide@example.com", address: "198.51.100.2" };
    const gate = throttle();
    for (let i = 0; i < 10; i += 1) await gate.begin(subject);
    expect((await gate.begin(subject)).allowed).toBe(false);
    advance(15 * 60_000 + 1);
    expect((await gate.begin(subject)).allowed).toBe(true);
  });

  it("clears an account's failures when a sign-in succeeds", async () => {
    const subject = { email: "ok@example.com", address: "198.51.100.3" };
    const gate = throttle();
    for (let i = 0; i < 9; i += 1) await gate.begin(subject);
    await gate.succeed(subject);
    for (let i = 0; i < 10; i += 1) expect((await gate.begin(subject)).allowed).toBe(true);
    expect((await gate.begin(subject)).allowed).toBe(false);
  });

  it("limits one address across many accounts", async () => {
    const gate = throttle({ ...DEFAULT_THROTTLE_LIMITS, perAddress: 20 });
    for (let i = 0; i < 20; i += 1) {
      expect((await gate.begin({ email: `user${i}@example.com`, address: "203.0.113.9" })).allowed).toBe(
        true,
      );
    }
    expect((await gate.begin({ email: "fresh@example.com", address: "203.0.113.9" })).allowed).toBe(false);
    expect((await gate.begin({ email: "fresh@example.com", address: "203.0.113.10" })).allowed).toBe(true);
  });

  it("lets exactly 10 of 40 simultaneous guesses through", async () => {
    const gate = throttle();
    const subject = { email: "burst@example.com", address: "198.51.100.4" };
    const decisions = await Promise.all(Array.from({ length: 40 }, () => gate.begin(subject)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });

  it("stores neither the email nor the address", async () => {
    await throttle().begin({ email: "private@example.com", address: "198.51.100.77" });
    const rows = await database.prisma.loginFailure.findMany();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.key).not.toContain("private");
      expect(row.key).not.toContain("198.51");
    }
  });
});
