import { type BetterAuthPlugin, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getIP } from "better-auth/api";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { nameProblem } from "@/lib/name-policy";
import { claimFirstAdmin, isAccountDisabled, isEmailDisabled } from "@/lib/server/data/users";
import {
  createLoginThrottle,
  DEFAULT_THROTTLE_LIMITS,
  type LoginThrottle,
  type ThrottleLimits,
} from "./login-throttle";
import { hashPassword, SCRYPT_PARAMS, type ScryptParams, verifyPassword } from "./password-hash";
import { newPasswordProblem } from "./password-policy";

// The one place better-auth is configured. Everything that reaches it (the /api/auth route, the
// account server actions, the session lookup for pages) goes through an instance built here.

export const AUTH_BASE_PATH = "/api/auth";
export const COOKIE_PREFIX = "taskdeck";
/** Sessions last a week from sign-in; the row is the truth, so deleting it ends the session. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;
export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

export type AuthOptions = {
  db: PrismaClient;
  /** scheme://host[:port] the app is served from; cookies are Secure when it is https. */
  origin: string;
  secret: string;
  throttleLimits?: ThrottleLimits;
  /** better-auth's per-address request limiter on /api/auth (on unless a test turns it off). */
  rateLimit?: boolean;
  /** Hashing cost for new passwords: production's unless a test needs hundreds of accounts. */
  scryptParams?: ScryptParams;
};

/** Client address as better-auth sees it (x-forwarded-for, set by Next or a proxy in front). */
function clientAddress(
  source: Request | Headers | undefined,
  options: Parameters<typeof getIP>[1],
): string | null {
  return source ? getIP(source, options) : null;
}

function bodyField(body: unknown, field: string): unknown {
  return body && typeof body === "object" ? (body as Record<string, unknown>)[field] : undefined;
}

function refuse(code: string, message: string): APIError {
  return new APIError("BAD_REQUEST", { code, message });
}

/** Per-account and per-address throttling of sign-in (see login-throttle.ts). */
function loginThrottlePlugin(throttle: LoginThrottle): BetterAuthPlugin {
  const isSignIn = (ctx: { path?: string }) => ctx.path === "/sign-in/email";
  return {
    id: "taskdeck-login-throttle",
    hooks: {
      before: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const email = bodyField(ctx.body, "email");
            const decision = await throttle.begin({
              email: typeof email === "string" ? email : "",
              address: clientAddress(ctx.request ?? ctx.headers, ctx.context.options),
            });
            if (!decision.allowed) {
              throw new APIError(
                "TOO_MANY_REQUESTS",
                {
                  code: "TOO_MANY_ATTEMPTS",
                  message: "Too many sign-in attempts. Wait a while and try again.",
                },
                { "Retry-After": String(decision.retryAfterSeconds) },
              );
            }
          }),
        },
      ],
      after: [
        {
          matcher: isSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            if (ctx.context.returned instanceof Error) return;
            const email = bodyField(ctx.body, "email");
            if (typeof email !== "string") return;
            await throttle.succeed({
              email,
              address: clientAddress(ctx.request ?? ctx.headers, ctx.context.options),
            });
          }),
        },
      ],
    },
  };
}

const ACCOUNT_DISABLED = () =>
  new APIError("FORBIDDEN", {
    code: "ACCOUNT_DISABLED",
    message: "This account is disabled. Ask an admin to enable it.",
  });

/**
 * A disabled account gets the same 403 whatever password was typed (issue 21 item 9). better-auth
 * checks the password first and only then creates the session (where the hook below refuses), so
 * a 403 used to mean "right password": a way to test guesses against a disabled account. The
 * answer is decided here, before the password is looked at. It does say that a disabled account
 * has this email; it says nothing about its password, and a person locked out learns why.
 */
function disabledAccountPlugin(db: PrismaClient): BetterAuthPlugin {
  return {
    id: "taskdeck-disabled-account",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-in/email",
          handler: createAuthMiddleware(async (ctx) => {
            const email = bodyField(ctx.body, "email");
            if (typeof email === "string" && (await isEmailDisabled(db, email))) throw ACCOUNT_DISABLED();
          }),
        },
      ],
    },
  };
}

/** Taskdeck's rules for names and new passwords, for every way into better-auth. */
function accountPolicyPlugin(): BetterAuthPlugin {
  return {
    id: "taskdeck-account-policy",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/sign-up/email",
          handler: createAuthMiddleware(async (ctx) => {
            const name = bodyField(ctx.body, "name");
            const email = bodyField(ctx.body, "email");
            const password = bodyField(ctx.body, "password");
            if (typeof name !== "string" || name.trim().length === 0 || name.length > NAME_MAX_LENGTH) {
              throw refuse("INVALID_NAME", `Enter a name of 1 to ${NAME_MAX_LENGTH} characters.`);
            }
            const badName = nameProblem(name, "Your name");
            if (badName) throw refuse("INVALID_NAME", badName);
            if (typeof email !== "string" || email.length > EMAIL_MAX_LENGTH) {
              throw refuse("INVALID_EMAIL", "Enter a valid email address.");
            }
            if (bodyField(ctx.body, "image") !== undefined)
              throw refuse("INVALID_FIELD", "Unexpected field: image.");
            const problem =
              typeof password === "string"
                ? newPasswordProblem(password, { email, name: name.trim() })
                : "Enter a password.";
            if (problem) throw refuse("PASSWORD_REFUSED", problem);
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/change-password",
          handler: createAuthMiddleware(async (ctx) => {
            const password = bodyField(ctx.body, "newPassword");
            const problem = typeof password === "string" ? newPasswordProblem(password) : "Enter a password.";
            if (problem) throw refuse("PASSWORD_REFUSED", problem);
          }),
        },
      ],
    },
  };
}

/** Builds a better-auth instance for one origin over Taskdeck's database. */
export function createAuth({
  db,
  origin,
  secret,
  throttleLimits,
  rateLimit = true,
  scryptParams = SCRYPT_PARAMS,
}: AuthOptions) {
  const throttle = createLoginThrottle({ db, secret, limits: throttleLimits ?? DEFAULT_THROTTLE_LIMITS });
  return betterAuth({
    appName: "Taskdeck",
    baseURL: origin,
    basePath: AUTH_BASE_PATH,
    secret,
    trustedOrigins: [origin],
    database: prismaAdapter(db, { provider: "sqlite" }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      // better-auth counts UTF-16 units; Taskdeck's policy counts characters (8–128) first.
      minPasswordLength: 8,
      maxPasswordLength: 512,
      password: {
        hash: (password) => hashPassword(password, scryptParams),
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
    },
    session: {
      expiresIn: SESSION_SECONDS,
      updateAge: 24 * 60 * 60,
      // No cookie cache: every request reads the session row, so revoking it takes effect at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: rateLimit,
      storage: "database",
      window: 60,
      max: 100,
      // Per client address. Generous enough for a class behind one NAT signing in together;
      // guessing is held back by the per-account and per-address failure throttle instead.
      customRules: {
        "/sign-in/email": { window: 60, max: 100 },
        "/sign-up/email": { window: 60, max: 30 },
        "/change-password": { window: 60, max: 10 },
      },
    },
    advanced: {
      // Stated outright: better-auth turns its origin check off by default under NODE_ENV=test,
      // and the tests must exercise the same checks as production.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      useSecureCookies: origin.startsWith("https://"),
      cookiePrefix: COOKIE_PREFIX,
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await claimFirstAdmin(db, user.id);
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            if (await isAccountDisabled(db, session.userId)) throw ACCOUNT_DISABLED();
          },
        },
      },
    },
    plugins: [accountPolicyPlugin(), loginThrottlePlugin(throttle), disabledAccountPlugin(db)],
    telemetry: { enabled: false },
    // Only real errors reach the server log: a wrong password or a refused origin is an answer,
    // not an incident (and logging the email of every failed sign-in would leak it to the logs).
    logger: {
      log: (level, message, ...args) => {
        if (level === "error") console.error(`[auth] ${message}`, ...args);
      },
    },
  });
}

export type TaskdeckAuth = ReturnType<typeof createAuth>;
