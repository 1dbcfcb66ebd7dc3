import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { handleAuthRequest } from "./auth-route";
import { createAuth, type TaskdeckAuth } from "./create-auth";
import { exportResponse } from "./export-route";
import { actingUserFromHeaders } from "./session";
import {
  authRequest,
  createTestAuth,
  sessionCookieFrom,
  signUpThroughHandler,
  TEST_ORIGIN,
  TEST_SECRET,
} from "./testing/auth-test-kit";

// Route-level tests of /api/auth: real requests through the route's handler into better-auth,
// over a real SQLite file, with the production password hashing.

let database: TestDatabase;
let auth: TaskdeckAuth;
const send = (request: Request) => handleAuthRequest(request, auth);
const PASSWORD = "river otter tuesday lamp";

beforeAll(() => {
  database = createTestDatabase();
  auth = createTestAuth(database.prisma);
});

afterAll(async () => {
  await database.cleanup();
});

describe("sign-up", () => {
  it("makes the first account admin and instructor and later ones learners", async () => {
    const first = await signUpThroughHandler(auth, {
      name: "Ada Admin",
      email: "ada@example.com",
      password: PASSWORD,
    });
    const second = await signUpThroughHandler(auth, {
      name: "Bo Learner",
      email: "bo@example.com",
      password: PASSWORD,
    });
    const roles = async (cookie: string) =>
      (await actingUserFromHeaders(auth, database.prisma, new Headers({ cookie })))?.roles;
    expect(await roles(first.cookie)).toEqual(["learner", "instructor", "admin"]);
    expect(await roles(second.cookie)).toEqual(["learner"]);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, Secure only over https", async () => {
    const response = await send(
      authRequest("/sign-up/email", "POST", { name: "Cy", email: "cy@example.com", password: PASSWORD }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.includes("session_token"));
    expect(cookie).toMatch(/^taskdeck\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);

    const secureAuth = createAuth({
      db: database.prisma,
      origin: "https://taskdeck.example",
      secret: TEST_SECRET,
      rateLimit: false,
    });
    const secure = await secureAuth.handler(
      new Request("https://taskdeck.example/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://taskdeck.example" },
        body: JSON.stringify({ email: "cy@example.com", password: PASSWORD }),
      }),
    );
    expect(secure.status).toBe(200);
    const secureCookie = secure.headers.getSetCookie().find((line) => line.includes("session_token"));
    expect(secureCookie).toMatch(/^__Secure-taskdeck\.session_token=/);
    expect(secureCookie).toMatch(/;\s*Secure/i);
  });
});

describe("sessions", () => {
  it("starts a new session at every sign-in and ends it on the server at sign-out", async () => {
    const signUp = await send(
      authRequest("/sign-up/email", "POST", { name: "Di", email: "di@example.com", password: PASSWORD }),
    );
    const signUpCookie = sessionCookieFrom(signUp);
    const signIn = await send(
      authRequest("/sign-in/email", "POST", { email: "di@example.com", password: PASSWORD }),
    );
    expect(signIn.status).toBe(200);
    const cookie = sessionCookieFrom(signIn);
    expect(cookie).not.toBe("");
    expect(cookie).not.toEqual(signUpCookie);
    const token = decodeURIComponent(cookie.split("=")[1] ?? "").split(".")[0];
    expect(await database.prisma.session.count({ where: { token } })).toBe(1);

    const signOut = await send(authRequest("/sign-out", "POST", {}, { cookie }));
    expect(signOut.status).toBe(200);
    expect(await database.prisma.session.count({ where: { token } })).toBe(0);

    // Replaying the old cookie: no session, no user, and the export answers 401 with no data.
    const session = await send(authRequest("/get-session", "GET", undefined, { cookie }));
    expect(await session.json()).toBeNull();
    expect(await actingUserFromHeaders(auth, database.prisma, new Headers({ cookie }))).toBeNull();
    const exported = await exportResponse({ actor: null, db: database.prisma });
    expect(exported.status).toBe(401);
    expect(await exported.text()).not.toContain("di@example.com");
    // The sign-up session is still valid on its own: sign-out ends only the caller's session.
    expect(
      await actingUserFromHeaders(auth, database.prisma, new Headers({ cookie: signUpCookie })),
    ).not.toBeNull();
  });
});

describe("login throttling", () => {
  const attempt = (email: string, password: string, address = "198.51.100.20") =>
    send(authRequest("/sign-in/email", "POST", { email, password }, { address }));

  it("answers the 11th sign-in on one account within 15 minutes with 429, even with the right password", async () => {
    await signUpThroughHandler(auth, { name: "Eve", email: "eve@example.com", password: PASSWORD });
    for (let i = 1; i <= 10; i += 1) {
      const response = await attempt("eve@example.com", `wrong guess ${i}`);
      expect(response.status, `attempt ${i}`).toBe(401);
    }
    const eleventh = await attempt("eve@example.com", PASSWORD);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account from the same address is not locked by Eve's failures.
    await signUpThroughHandler(auth, { name: "Fay", email: "fay@example.com", password: PASSWORD });
    expect((await attempt("fay@example.com", PASSWORD)).status).toBe(200);
  }, 60_000);

  it("answers a known and an unknown email alike: same status, same body, similar time", async () => {
    await signUpThroughHandler(auth, { name: "Gus", email: "gus@example.com", password: PASSWORD });
    const observe = async (email: string) => {
      const started = performance.now();
      const response = await attempt(email, "not the password", "198.51.100.30");
      return { status: response.status, body: await response.text(), ms: performance.now() - started };
    };
    const known: Array<Awaited<ReturnType<typeof observe>>> = [];
    const unknown: Array<Awaited<ReturnType<typeof observe>>> = [];
    for (let i = 0; i < 10; i += 1) {
      known.push(await observe("gus@example.com"));
      unknown.push(await observe("nobody-here@example.com"));
    }
    expect(known.map((r) => r.status)).toEqual(unknown.map((r) => r.status));
    expect(known.map((r) => r.body)).toEqual(unknown.map((r) => r.body));
    expect(known[0]?.status).toBe(401);
    const median = (rows: typeof known) => [...rows.map((r) => r.ms)].sort((a, b) => a - b)[5] ?? 0;
    const ratio = median(known) / median(unknown);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
    // Both are now throttled, identically.
    const knownLocked = await observe("gus@example.com");
    const unknownLocked = await observe("nobody-here@example.com");
    expect(knownLocked.status).toBe(429);
    expect({ status: unknownLocked.status, body: unknownLocked.body }).toEqual({
      status: knownLocked.status,
      body: knownLocked.body,
    });
  }, 60_000);
});

describe("origin checks (CSRF)", () => {
  let cookie: string;
  beforeAll(async () => {
    ({ cookie } = await signUpThroughHandler(auth, {
      name: "Hal",
      email: "hal@example.com",
      password: PASSWORD,
    }));
  });

  it("refuses a state-changing request with cookies from a foreign origin", async () => {
    const response = await send(
      authRequest("/sign-out", "POST", {}, { cookie, origin: "https://evil.example" }),
    );
    expect(response.status).toBe(403);
    expect(await actingUserFromHeaders(auth, database.prisma, new Headers({ cookie }))).not.toBeNull();
  });

  it("refuses Origin: null and a missing origin when cookies are sent", async () => {
    expect((await send(authRequest("/sign-out", "POST", {}, { cookie, origin: "null" }))).status).toBe(403);
    expect((await send(authRequest("/sign-out", "POST", {}, { cookie, origin: null }))).status).toBe(403);
    expect(await actingUserFromHeaders(auth, database.prisma, new Headers({ cookie }))).not.toBeNull();
  });

  it("refuses a cross-site form navigation that would sign the victim in", async () => {
    const response = await send(
      authRequest(
        "/sign-in/email",
        "POST",
        { email: "hal@example.com", password: PASSWORD },
        {
          origin: "https://evil.example",
          headers: {
            "sec-fetch-site": "cross-site",
            "sec-fetch-mode": "navigate",
            "sec-fetch-dest": "document",
          },
        },
      ),
    );
    expect(response.status).toBe(403);
  });

  it("refuses a text/plain body, even from the right origin", async () => {
    const response = await send(
      authRequest("/sign-out", "POST", undefined, { cookie, contentType: "text/plain", rawBody: "{}" }),
    );
    expect(response.status).toBe(415);
    expect(await actingUserFromHeaders(auth, database.prisma, new Headers({ cookie }))).not.toBeNull();
  });
});

describe("the /api/auth surface", () => {
  it("answers 404 for every endpoint Taskdeck does not use", async () => {
    for (const path of [
      "/update-user",
      "/delete-user",
      "/change-email",
      "/list-sessions",
      "/revoke-session",
    ]) {
      const response = await send(authRequest(path, "POST", {}));
      expect(response.status, path).toBe(404);
    }
    expect((await send(authRequest("/list-sessions", "GET"))).status).toBe(404);
  });

  it("refuses bodies over 16 KiB before parsing them", async () => {
    const response = await send(
      authRequest("/sign-in/email", "POST", { email: "x@example.com", password: "p".repeat(20_000) }),
    );
    expect(response.status).toBe(413);
  });

  it("refuses common passwords and unexpected fields at sign-up", async () => {
    const common = await send(
      authRequest("/sign-up/email", "POST", {
        name: "Ivy",
        email: "ivy@example.com",
        password: "Password123",
      }),
    );
    expect(common.status).toBe(400);
    expect((await common.json()).code).toBe("PASSWORD_REFUSED");
    const image = await send(
      authRequest("/sign-up/email", "POST", {
        name: "Ivy",
        email: "ivy@example.com",
        password: PASSWORD,
        image: "https://evil.example/x.png",
      }),
    );
    expect(image.status).toBe(400);
    expect(await database.prisma.user.count({ where: { email: "ivy@example.com" } })).toBe(0);
  });

  it("refuses sign-in to a disabled account", async () => {
    const { id } = await signUpThroughHandler(auth, {
      name: "Jo",
      email: "jo@example.com",
      password: PASSWORD,
    });
    await database.prisma.user.update({ where: { id }, data: { disabledAt: new Date() } });
    const response = await send(
      authRequest("/sign-in/email", "POST", { email: "jo@example.com", password: PASSWORD }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("ACCOUNT_DISABLED");
  });

  it("answers a disabled account alike whatever the password, so a 403 confirms no guess (issue 21 item 9)", async () => {
    const { id } = await signUpThroughHandler(auth, {
      name: "Kit",
      email: "kit@example.com",
      password: PASSWORD,
    });
    await database.prisma.user.update({ where: { id }, data: { disabledAt: new Date() } });
    const sessionsBefore = await database.prisma.session.count({ where: { userId: id } });
    const answers = [];
    for (const password of [PASSWORD, "not the password at all"]) {
      const response = await send(
        authRequest("/sign-in/email", "POST", { email: "Kit@Example.com ", password }),
      );
      answers.push({ status: response.status, body: await response.text() });
    }
    expect(answers[0]?.status).toBe(403);
    expect(answers[1]).toEqual(answers[0]);
    expect(JSON.parse(answers[0]?.body ?? "{}").code).toBe("ACCOUNT_DISABLED");
    expect(await database.prisma.session.count({ where: { userId: id } })).toBe(sessionsBefore);
  });

  it("refuses a name with bidirectional or control characters, and a password that is blank or the name", async () => {
    for (const [name, password, code] of [
      ["Ada\u202Egnp.exe", PASSWORD, "INVALID_NAME"],
      ["Ada\u2066Lovelace\u2069", PASSWORD, "INVALID_NAME"],
      ["Ada\u0007Lovelace", PASSWORD, "INVALID_NAME"],
      ["Ada Lovelace", "        ", "PASSWORD_REFUSED"],
      ["Ada Lovelace", "ADA LOVELACE", "PASSWORD_REFUSED"],
      ["Ada Lovelace", "ada.lovelace", "PASSWORD_REFUSED"],
    ] as const) {
      const response = await send(
        authRequest("/sign-up/email", "POST", { name, email: "ada.lovelace@example.com", password }),
      );
      expect(response.status, `${JSON.stringify(name)} / ${JSON.stringify(password)}`).toBe(400);
      expect((await response.json()).code).toBe(code);
    }
    expect(await database.prisma.user.count({ where: { email: "ada.lovelace@example.com" } })).toBe(0);
  });

  it("limits requests per address with better-auth's rate limiter when it is on", async () => {
    const limited = createTestAuth(database.prisma, { rateLimit: true });
    const answers: Array<{ status: number; body: string }> = [];
    for (let i = 0; i < 32; i += 1) {
      // Sign-ups with malformed emails: answered without hashing, 30 a minute per address.
      const response = await handleAuthRequest(
        authRequest(
          "/sign-up/email",
          "POST",
          { name: "Rate", email: `not-an-email-${i}`, password: PASSWORD },
          { address: "192.0.2.99" },
        ),
        limited,
      );
      answers.push({ status: response.status, body: await response.text() });
    }
    expect(answers.slice(0, 30).every((answer) => answer.status === 400)).toBe(true);
    expect(answers.slice(30).map((answer) => answer.status)).toEqual([429, 429]);
    expect(answers[30]?.body).toMatch(/Too many requests/);
  });
});

it("keeps the origin the instance was built for", () => {
  expect(auth.options.baseURL).toBe(TEST_ORIGIN);
});
