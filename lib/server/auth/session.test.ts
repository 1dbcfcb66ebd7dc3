import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { applyMigrations } from "@/lib/server/testing/test-database";

// The wrapper layer: the real exported server actions, route handler and page guards resolve
// who is acting from the session cookie of the current request. next/headers is replaced by a
// fake request whose cookies the actions write to, and the app's Prisma client points at a
// scratch database.

const scratch = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "taskdeck-session-"));
  process.env.BETTER_AUTH_SECRET = "session-test-secret-0123456789abcdefghij";
  delete process.env.BETTER_AUTH_URL;
  return { dir, file: join(dir, "app.db") };
});

const browser = vi.hoisted(() => ({ cookies: new Map<string, string>(), address: "203.0.113.40" }));

vi.mock("@/lib/server/db", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/db")>();
  return { ...real, prisma: real.createPrismaClient(`file:${scratch.file}`) };
});

vi.mock("next/headers", () => ({
  headers: async () => {
    const headers = new Headers({
      host: "taskdeck.test",
      origin: "http://taskdeck.test",
      "x-forwarded-for": browser.address,
      "user-agent": "vitest",
    });
    const cookie = [...browser.cookies]
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join("; ");
    if (cookie) headers.set("cookie", cookie);
    return headers;
  },
  cookies: async () => ({
    // `get` as Next's store has it: every action reads the language cookie (lib/server/i18n).
    get: (name: string) =>
      browser.cookies.has(name) ? { name, value: browser.cookies.get(name) } : undefined,
    getAll: () => [...browser.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options: { maxAge?: number } = {}) => {
      if (!value || options.maxAge === 0) browser.cookies.delete(name);
      else browser.cookies.set(name, value);
    },
  }),
}));

const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const { prisma } = await import("@/lib/server/db");
const { changePassword, signIn, signOut, signUp } = await import("@/lib/server/actions/account");
const { setInstructorRole } = await import("@/lib/server/actions/account-admin");
const { GET: exportGET } = await import("@/app/account/export/route");
const { getActingUser, requirePageUser, requireRole, requireUser } = await import("./session");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

/** Runs an action that redirects on success; resolves to the redirect target. */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("expected a redirect");
}

const PASSWORD = "maple syrup on tuesdays";

beforeAll(() => {
  applyMigrations(scratch.file);
});

afterAll(async () => {
  await prisma.$disconnect();
  fs.rmSync(scratch.dir, { recursive: true, force: true });
});

beforeEach(() => {
  browser.cookies.clear();
  revalidated.length = 0;
});

describe("actions resolve the acting user from the session cookie", () => {
  it("signs up through the real action, then knows the user as a plain ActingUser", async () => {
    expect(await getActingUser()).toBeNull();
    const target = await redirectOf(() =>
      signUp(
        null,
        form({ name: "Pat Admin", email: "pat@example.com", password: PASSWORD, next: "/account" }),
      ),
    );
    expect(target).toBe("/account");
    expect([...browser.cookies.keys()]).toEqual(["taskdeck.session_token"]);
    const user = await requireUser();
    // Nothing of the session row beyond who they are (and the language they saved, read with it).
    expect(Object.keys(user).sort()).toEqual(["email", "id", "name", "roles", "savedLocale"]);
    expect(user).toMatchObject({
      name: "Pat Admin",
      email: "pat@example.com",
      roles: ["learner", "instructor", "admin"],
      savedLocale: null,
    });
    expect((await requireRole("admin")).id).toBe(user.id);
  }, 20_000);

  it("refuses a signed-out caller with no data", async () => {
    const result = await changePassword(
      null,
      form({ currentPassword: PASSWORD, newPassword: "another fine phrase" }),
    );
    expect(result).toEqual({ ok: false, formError: "Sign in to continue." });
    await expect(requireUser()).rejects.toMatchObject({ status: 401 });
    const page = await redirectOf(() => requirePageUser("/account"));
    expect(page).toBe("/sign-in?next=%2Faccount");
  });

  it("acts as whoever the cookie belongs to: a learner is refused, the admin is obeyed", async () => {
    browser.address = "203.0.113.41";
    await redirectOf(() =>
      signUp(null, form({ name: "Lu Learner", email: "lu@example.com", password: PASSWORD })),
    );
    const lu = await requireUser();
    expect(lu.roles).toEqual(["learner"]);
    await expect(requireRole("instructor")).rejects.toMatchObject({ status: 403 });
    revalidated.length = 0;
    const refused = await setInstructorRole(null, form({ userId: lu.id, grant: "true" }));
    expect(refused).toEqual({ ok: false, formError: "You do not have access to that." });
    expect(revalidated).toEqual([]);

    browser.cookies.clear();
    await redirectOf(() => signIn(null, form({ email: "pat@example.com", password: PASSWORD })));
    const granted = await setInstructorRole(null, form({ userId: lu.id, grant: "true" }));
    expect(granted).toEqual({ ok: true, message: "Lu Learner is now an instructor." });
    expect(revalidated).toContain("/admin");
  }, 20_000);

  it("serves the export only to the cookie's owner, and refuses the old cookie after sign-out", async () => {
    await redirectOf(() => signIn(null, form({ email: "lu@example.com", password: PASSWORD })));
    const cookie = `taskdeck.session_token=${encodeURIComponent(browser.cookies.get("taskdeck.session_token") ?? "")}`;
    const request = (withCookie: boolean) =>
      new Request("http://taskdeck.test/account/export", {
        headers: { host: "taskdeck.test", ...(withCookie ? { cookie } : {}) },
      });
    const own = await exportGET(request(true));
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toMatch(/attachment; filename="taskdeck-export-/);
    const text = await own.text();
    expect(text).toContain("lu@example.com");
    expect(text).not.toContain("pat@example.com");
    expect((await exportGET(request(false))).status).toBe(401);

    expect(await redirectOf(() => signOut())).toBe("/");
    expect(browser.cookies.size).toBe(0);
    const replay = await exportGET(request(true));
    expect(replay.status).toBe(401);
    expect(await replay.text()).not.toContain("lu@example.com");
  }, 20_000);
});
