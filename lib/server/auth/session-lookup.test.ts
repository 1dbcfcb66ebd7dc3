import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import type { TaskdeckAuth } from "./create-auth";
import { actingUserFromHeaders, signedCookie } from "./session";
import {
  authRequest,
  createTestAuth,
  signUpThroughHandler,
  TEST_ORIGIN,
  TEST_SECRET,
} from "./testing/auth-test-kit";

// actingUserFromHeaders reads the session row itself (one prepared statement) instead of asking
// better-auth's getSession: every case here must get the same answer from both, and a revoked
// session must stop working on the very next request (nothing is cached).

let database: TestDatabase;
let auth: TaskdeckAuth;
const PASSWORD = "quiet harbour violet lamp";

beforeAll(() => {
  database = createTestDatabase();
  auth = createTestAuth(database.prisma);
});
afterAll(async () => {
  await database.cleanup();
});

const headersWith = (cookie: string) =>
  new Headers({ host: new URL(TEST_ORIGIN).host, origin: TEST_ORIGIN, cookie });

/** Who each lookup says is signed in: [ours, better-auth's] user ids (null: nobody). */
async function both(cookie: string): Promise<[string | null, string | null]> {
  const ours = await actingUserFromHeaders(auth, database.prisma, headersWith(cookie));
  const theirs = await auth.api.getSession({ headers: headersWith(cookie), query: { disableRefresh: true } });
  const user = theirs ? await database.prisma.user.findUnique({ where: { id: theirs.user.id } }) : null;
  return [ours?.id ?? null, user && !user.disabledAt ? user.id : null];
}

let counter = 0;
const signUp = () => {
  counter += 1;
  return signUpThroughHandler(auth, {
    name: `Learner ${counter}`,
    email: `lookup${counter}@example.com`,
    password: PASSWORD,
  });
};

describe("the session lookup", () => {
  it("finds the signed-in user with their roles, as better-auth does", async () => {
    const { id, cookie } = await signUp();
    expect(await both(cookie)).toEqual([id, id]);
    await database.prisma.userRole.upsert({
      where: { userId_role: { userId: id, role: "instructor" } },
      create: { userId: id, role: "instructor" },
      update: {},
    });
    const user = await actingUserFromHeaders(auth, database.prisma, headersWith(cookie));
    expect(user?.roles).toContain("instructor");
    expect(user?.roles).toContain("learner");
  });

  it("reads the learner's saved interface language in the same lookup (none saved: null)", async () => {
    const { id, cookie } = await signUp();
    expect((await actingUserFromHeaders(auth, database.prisma, headersWith(cookie)))?.savedLocale).toBeNull();
    await database.prisma.studySettings.upsert({
      where: { userId: id },
      create: { userId: id, locale: "ko" },
      update: { locale: "ko" },
    });
    expect((await actingUserFromHeaders(auth, database.prisma, headersWith(cookie)))?.savedLocale).toBe("ko");
  });

  it("refuses a cookie with a forged or missing signature, or none at all", async () => {
    const { cookie } = await signUp();
    const [name, value] = cookie.split("=") as [string, string];
    const token = decodeURIComponent(value).split(".")[0] ?? "";
    const forged = `${name}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`;
    expect(await both(forged)).toEqual([null, null]);
    expect(await both(`${name}=${token}`)).toEqual([null, null]);
    expect(await both("")).toEqual([null, null]);
    expect(await both(`other=1; ${name}=${encodeURIComponent(`${token}.short=`)}`)).toEqual([null, null]);
    expect(signedCookie(cookie, name, "another secret entirely, 0123456789")).toBeNull();
    expect(signedCookie(cookie, name, TEST_SECRET)).toBe(token);
  });

  it("ends at once on sign-out: the old cookie replayed finds nobody", async () => {
    const { id, cookie } = await signUp();
    expect(await both(cookie)).toEqual([id, id]);
    const out = await auth.handler(authRequest("/sign-out", "POST", {}, { cookie }));
    expect(out.status).toBe(200);
    expect(await both(cookie)).toEqual([null, null]);
  });

  it("ends at once when the session expires, the account is disabled, or it is deleted", async () => {
    const expired = await signUp();
    await database.prisma.session.updateMany({
      where: { userId: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await both(expired.cookie)).toEqual([null, null]);

    const disabled = await signUp();
    expect(await both(disabled.cookie)).toEqual([disabled.id, disabled.id]);
    await database.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await both(disabled.cookie)).toEqual([null, null]);

    const deleted = await signUp();
    expect(await both(deleted.cookie)).toEqual([deleted.id, deleted.id]);
    await database.prisma.user.delete({ where: { id: deleted.id } });
    expect(await both(deleted.cookie)).toEqual([null, null]);
  });

  it("ends the other sessions at once when the password changes with revokeOtherSessions", async () => {
    const { id, cookie } = await signUp();
    const second = await auth.handler(
      authRequest("/sign-in/email", "POST", { email: `lookup${counter}@example.com`, password: PASSWORD }),
    );
    const otherCookie = second.headers
      .getSetCookie()
      .map((line) => line.split(";")[0] ?? "")
      .find((pair) => pair.includes("session_token="));
    expect(otherCookie).toBeTruthy();
    expect(await both(otherCookie ?? "")).toEqual([id, id]);
    const changed = await auth.handler(
      authRequest(
        "/change-password",
        "POST",
        { currentPassword: PASSWORD, newPassword: "brand new violet harbour", revokeOtherSessions: true },
        { cookie },
      ),
    );
    expect(changed.status).toBe(200);
    expect(await both(otherCookie ?? "")).toEqual([null, null]);
  });
});
