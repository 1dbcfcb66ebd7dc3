import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReviewPoint } from "@/lib/progress";
import type { ActingUser } from "../auth/acting-user";

/** A learner's graded reviews (undone ones left out), narrowed to what the dashboard needs. */
export type ReviewHistory = {
  /** The last year's reviews (plus a margin), oldest-first order not guaranteed. */
  points: ReviewPoint[];
  reviews: number;
  msStudied: number;
  misconceptions: Map<string, number>;
};

type Entry = ReviewHistory & { watermark: number };

const DAY_MS = 86_400_000;
const WINDOW_DAYS = 370;
/** Rows are written with the server's clock at insert; a minute covers any transaction in flight. */
const SETTLE_MS = 60_000;
const FOLD_AFTER_MS = 10 * 60_000;
const MAX_LEARNERS = 500;

/**
 * The review log is append-only (a trigger refuses updates), so a learner's history before a
 * watermark never changes, except when an undo row takes back an older grade. Each process keeps
 * the history up to a watermark per learner and reads only newer rows on every load; an undo that
 * reaches behind the watermark drops the entry. Server-side only; nothing here crosses learners.
 */
const caches = new WeakMap<PrismaClient, Map<string, Entry>>();

const graded = (userId: string) => ({ userId, kind: "grade", undoneBy: { is: null } }) as const;

async function readRange(db: PrismaClient, userId: string, from: Date, before: Date | null, since: Date) {
  const time = before ? { gte: from, lt: before } : { gte: from };
  const windowFrom = from.getTime() > since.getTime() ? from : since;
  const [rows, totals, tags] = await Promise.all([
    db.review.findMany({
      where: {
        ...graded(userId),
        serverTime: before ? { gte: windowFrom, lt: before } : { gte: windowFrom },
      },
      select: { serverTime: true, isCorrect: true, grade: true, durationMs: true },
    }),
    db.review.aggregate({
      where: { ...graded(userId), serverTime: time },
      _count: { _all: true },
      _sum: { durationMs: true },
    }),
    db.review.groupBy({
      by: ["misconception"],
      where: { ...graded(userId), serverTime: time, misconception: { not: null } },
      _count: { _all: true },
    }),
  ]);
  return {
    points: rows.map((r) => ({
      at: r.serverTime,
      isCorrect: r.isCorrect,
      grade: r.grade,
      durationMs: r.durationMs,
    })),
    reviews: totals._count._all,
    msStudied: totals._sum.durationMs ?? 0,
    misconceptions: new Map(tags.map((t) => [t.misconception ?? "", t._count._all])),
  };
}

function merge(a: ReviewHistory, b: ReviewHistory): ReviewHistory {
  const misconceptions = new Map(a.misconceptions);
  for (const [tag, n] of b.misconceptions) misconceptions.set(tag, (misconceptions.get(tag) ?? 0) + n);
  return {
    points: a.points.concat(b.points),
    reviews: a.reviews + b.reviews,
    msStudied: a.msStudied + b.msStudied,
    misconceptions,
  };
}

/** The learner's review history as of `now`: cached up to a watermark, fresh rows read each time. */
export async function reviewHistory(db: PrismaClient, actor: ActingUser, now: Date): Promise<ReviewHistory> {
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let entry = cache.get(actor.id);
  if (entry) {
    const watermark = new Date(entry.watermark);
    // An undo written after the watermark that takes back a grade from before it invalidates the entry.
    const reachedBack = await db.review.count({
      where: {
        userId: actor.id,
        kind: "undo",
        serverTime: { gte: watermark },
        undoneReview: { serverTime: { lt: watermark } },
      },
    });
    if (reachedBack > 0 || entry.watermark > now.getTime()) {
      cache.delete(actor.id);
      entry = undefined;
    }
  }
  if (!entry) {
    const watermark = now.getTime() - SETTLE_MS;
    const settled = await readRange(db, actor.id, new Date(0), new Date(watermark), since);
    entry = { ...settled, watermark };
    if (cache.size >= MAX_LEARNERS) cache.delete(cache.keys().next().value as string);
    cache.set(actor.id, entry);
  }
  const fresh = await readRange(db, actor.id, new Date(entry.watermark), null, since);
  const history = merge(entry, fresh);
  // Fold settled fresh rows into the entry now and then, so the fresh read stays small.
  if (now.getTime() - entry.watermark > FOLD_AFTER_MS) {
    const watermark = now.getTime() - SETTLE_MS;
    const settled = await readRange(db, actor.id, new Date(entry.watermark), new Date(watermark), since);
    cache.set(actor.id, { ...merge(entry, settled), watermark });
  }
  return { ...history, points: history.points.filter((p) => p.at.getTime() >= since.getTime()) };
}

/** Forgets the cached histories of one database (tests, benchmarks). */
export function clearReviewHistoryCache(db: PrismaClient): void {
  caches.delete(db);
}
