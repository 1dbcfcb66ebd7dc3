import { createHmac } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Password guessing is throttled per account and per client address (SECURITY.md item 11).
// Each attempt is recorded *before* the password is checked, inside one transaction with the
// count and behind the key's lock row, so a burst of parallel guesses, on any number of app
// processes, cannot all slip under the limit; a successful sign-in
// then clears the account's record and its own address entry. The account key is derived from
// the email as typed, whether or not an account has it: a known and an unknown email are
// throttled identically, so the answer reveals nothing about which accounts exist.

export type ThrottleLimits = {
  /** The sliding window, in milliseconds. */
  windowMs: number;
  /** Attempts not known to have succeeded, per email, before refusing. */
  perAccount: number;
  /** Attempts not known to have succeeded, per client address, before refusing. */
  perAddress: number;
};

/** 10 per account and 100 per address in 15 minutes: the 11th guess on an account is refused. */
export const DEFAULT_THROTTLE_LIMITS: Readonly<ThrottleLimits> = {
  windowMs: 15 * 60 * 1000,
  perAccount: 10,
  perAddress: 100,
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type ThrottleSubject = { email: string; address: string | null };

export type LoginThrottle = {
  /** Records an attempt, or refuses it when the account or the address is over its limit. */
  begin(subject: ThrottleSubject): Promise<ThrottleDecision>;
  /** The attempt succeeded: forget the account's failures and this attempt's address entry. */
  succeed(subject: ThrottleSubject): Promise<void>;
};

type ThrottleOptions = {
  db: PrismaClient;
  /** Keys are HMACs under this secret, so the table holds no email or address. */
  secret: string;
  limits?: ThrottleLimits;
  now?: () => Date;
};

/** Canonical form of an email for throttling and lookup (better-auth lower-cases on sign-in too). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Builds the throttle over the LoginFailure table. */
export function createLoginThrottle({
  db,
  secret,
  limits = DEFAULT_THROTTLE_LIMITS,
  now = () => new Date(),
}: ThrottleOptions): LoginThrottle {
  const key = (kind: "account" | "address", value: string) =>
    `${kind}:${createHmac("sha256", secret).update(`${kind}\u0000${value}`).digest("base64url")}`;
  const keysOf = (subject: ThrottleSubject) => ({
    account: key("account", normalizeEmail(subject.email)),
    address: key("address", subject.address ?? "unknown"),
  });

  return {
    async begin(subject) {
      const keys = keysOf(subject);
      const at = now();
      const since = new Date(at.getTime() - limits.windowMs);
      return db.$transaction(async (tx) => {
        // Take the keys' lock rows first (in one order, so two attempts never wait on each other
        // crosswise): a concurrent attempt on the same account or address, from this process or
        // another, waits here until this one has counted and recorded, then counts it too.
        for (const lockKey of [keys.account, keys.address].sort()) {
          await tx.loginThrottleLock.upsert({
            where: { key: lockKey },
            create: { key: lockKey, touchedAt: at },
            update: { touchedAt: at },
          });
        }
        await tx.loginThrottleLock.deleteMany({ where: { touchedAt: { lt: since } } });
        await tx.loginFailure.deleteMany({ where: { createdAt: { lt: since } } });
        const checks = [
          { key: keys.account, limit: limits.perAccount },
          { key: keys.address, limit: limits.perAddress },
        ];
        let retryAfterMs: number | null = null;
        for (const check of checks) {
          const count = await tx.loginFailure.count({ where: { key: check.key, createdAt: { gte: since } } });
          if (count < check.limit) continue;
          // The window frees a slot when enough of the oldest attempts have aged out of it.
          const freeing = await tx.loginFailure.findFirst({
            where: { key: check.key, createdAt: { gte: since } },
            orderBy: { createdAt: "asc" },
            skip: count - check.limit,
            select: { createdAt: true },
          });
          const freesAt = (freeing?.createdAt.getTime() ?? at.getTime()) + limits.windowMs;
          retryAfterMs = Math.max(retryAfterMs ?? 0, freesAt - at.getTime());
        }
        if (retryAfterMs !== null)
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
        await tx.loginFailure.createMany({
          data: [
            { key: keys.account, createdAt: at },
            { key: keys.address, createdAt: at },
          ],
        });
        return { allowed: true };
      });
    },

    async succeed(subject) {
      const keys = keysOf(subject);
      await db.$transaction(async (tx) => {
        await tx.loginFailure.deleteMany({ where: { key: keys.account } });
        const latest = await tx.loginFailure.findFirst({
          where: { key: keys.address },
          orderBy: { id: "desc" },
          select: { id: true },
        });
        if (latest) await tx.loginFailure.delete({ where: { id: latest.id } });
      });
    },
  };
}
