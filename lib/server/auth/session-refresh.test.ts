import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import type { TaskdeckAuth } from "./create-auth";
import { authRequest, createTestAuth, signUpThroughHandler } from "./testing/auth-test-kit";

// A signed-in page calls GET /api/auth/get-session at most once an hour
// (components/account/session-keeper.tsx): better-auth then extends a session that is more than a
// day old to 7 days from now and re-sets its cookie, so a learner who keeps studying stays signed in.

let database: TestDatabase;
let auth: TaskdeckAuth;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(() => {
  database = createTestDatabase();
  auth = createTestAuth(database.prisma);
});
afterAll(async () => {
  await database.cleanup();
});

async function sessionOf(userId: string) {
  return database.prisma.session.findFirstOrThrow({
    where: { userId },
    select: { id: true, expiresAt: true },
  });
}

describe("keeping a session alive", () => {
  it("extends a session last extended more than a day ago to 7 days, and re-sets its cookie", async () => {
    const { id, cookie } = await signUpThroughHandler(auth, {
      name: "Returning learner",
      email: "returning@example.com",
      password: "quiet harbour violet lamp",
    });
    const session = await sessionOf(id);
    // As if signed in five days ago: two days left.
    await database.prisma.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() + 2 * DAY) },
    });
    const response = await auth.handler(authRequest("/get-session", "GET", undefined, { cookie }));
    expect(response.status).toBe(200);
    const extended = (await sessionOf(id)).expiresAt.getTime() - Date.now();
    expect(extended).toBeGreaterThan(7 * DAY - 60_000);
    expect(response.headers.get("set-cookie")).toMatch(/session_token=[^;]+;.*Max-Age=604800/i);
  });

  it("leaves a session extended less than a day ago as it is (no write on every call)", async () => {
    const { id, cookie } = await signUpThroughHandler(auth, {
      name: "Busy learner",
      email: "busy@example.com",
      password: "quiet harbour violet lamp",
    });
    const before = (await sessionOf(id)).expiresAt.getTime();
    const response = await auth.handler(authRequest("/get-session", "GET", undefined, { cookie }));
    expect(response.status).toBe(200);
    expect((await sessionOf(id)).expiresAt.getTime()).toBe(before);
    expect(response.headers.get("set-cookie") ?? "").not.toMatch(/session_token=/);
  });
});
