// `npm run seed:large [-- --out data/large.db]`: a separate, throwaway database at benchmark scale:
// 1,000 learners (each with a session row, so the load test can act as them), 10,000 questions
// cloned from the ECS bank in content/ (each passes lib/bank's questionSchema), 200 study cards per
// learner and 5 reviews per card: 1,000,000 review rows. Never touches data/taskdeck.db.
//
// Rows are written with better-sqlite3 prepared statements in large transactions, the way the
// Prisma adapter would store them (dates as ISO text with +00:00, booleans as 0/1).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { type Question, questionContentHash, questionSchema } from "@/lib/bank";
import { readContent } from "@/lib/server/banks/read-content";
import { type CardState, DEFAULT_SETTINGS, gradeCard, newCardState } from "@/lib/srs";
import { baseEnv, bin, capture } from "./lib/run";

export const LARGE = {
  learners: 1_000,
  questions: 10_000,
  banks: 20,
  cardsPerLearner: 200,
  reviewsPerCard: 5,
} as const;

/** Learner n's ids, so benchmarks can find them again. */
export const learnerId = (n: number) => `lg-user-${String(n).padStart(4, "0")}`;
export const learnerEmail = (n: number) => `learner${String(n).padStart(4, "0")}@large.taskdeck.test`;

const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A seeded review id: UUID-shaped and ascending, so the primary-key index is appended to. */
const seededReviewId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

function templates(): Question[] {
  const { input } = readContent();
  const all = input.banks.flatMap(({ bank }) => bank.questions as unknown as Question[]);
  // One card side ("") per question and no simulations: keeps every clone's card valid and cheap.
  const usable = all.filter(
    (q) =>
      q.kind !== "cloze" &&
      (q as { sim?: unknown }).sim == null &&
      !(q.options ?? []).some((o) => (o as { sim?: unknown }).sim != null),
  );
  if (usable.length === 0)
    throw new Error("content/ holds no question to clone; run `npm run bank -- check`.");
  return usable;
}

export type SeedReport = { file: string; seconds: number; reviews: number; cards: number; bytes: number };

/** Builds the large database at `file` (replacing it). */
export function seedLarge(file: string): SeedReport {
  const started = performance.now();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // `prisma migrate deploy`, not applyMigrations(): its bookkeeping table lets /api/health and
  // `npm start` accept this database like any other.
  const migrate = capture(
    bin("prisma"),
    ["migrate", "deploy"],
    baseEnv({ DATABASE_URL: `file:${path.resolve(file)}` }),
  );
  if (migrate.code !== 0)
    throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}${migrate.stderr}`);

  const source = templates();
  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  db.pragma("foreign_keys = OFF");
  const now = new Date();
  const nowIso = iso(now);

  // ── Banks and questions ────────────────────────────────────────────────────────────────────
  const insertBank = db.prepare(
    `INSERT INTO "Bank" (id, title, topic, domains, language, version, authors, file, sourceHash, lastSyncedAt, createdAt, updatedAt)
     VALUES (?, ?, ?, '[]', 'en', '1', '["seed-large"]', ?, ?, ?, ?, ?)`,
  );
  const insertQuestion = db.prepare(
    `INSERT INTO "Question" (id, bankId, kind, title, topic, difficulty, tags, hasSim, position, data, contentHash, revision, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 1, ?, ?)`,
  );
  const insertRevision = db.prepare(
    `INSERT INTO "QuestionRevision" (questionId, revision, contentHash, data, createdAt) VALUES (?, 1, ?, ?, ?)`,
  );
  const questionIds: string[] = [];
  const perBank = LARGE.questions / LARGE.banks;
  db.transaction(() => {
    for (let b = 0; b < LARGE.banks; b++) {
      const bankId = `large-${String(b).padStart(2, "0")}`;
      const topic = `large-topic-${b % 5}`;
      insertBank.run(
        bankId,
        `Large bank ${b}`,
        topic,
        `content/large/${bankId}.md`,
        bankId,
        nowIso,
        nowIso,
        nowIso,
      );
      for (let position = 0; position < perBank; position++) {
        const n = b * perBank + position;
        const template = source[n % source.length] as Question;
        const id = `lg-${String(n).padStart(5, "0")}`;
        const question = { ...template, id, title: `${template.title} (#${n})` } as Question;
        // Validated the way the study page reads it back; only the first round of clones needs it.
        if (n < source.length) questionSchema.parse(question);
        const data = JSON.stringify(question);
        const hash = questionContentHash(question);
        insertQuestion.run(
          id,
          bankId,
          question.kind,
          question.title,
          topic,
          question.difficulty,
          JSON.stringify(question.tags),
          position,
          data,
          hash,
          nowIso,
          nowIso,
        );
        insertRevision.run(id, hash, data, nowIso);
        questionIds.push(id);
      }
    }
  })();

  // ── Learners with sessions ─────────────────────────────────────────────────────────────────
  const insertUser = db.prepare(
    `INSERT INTO "User" (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 0, ?, ?)`,
  );
  const insertSession = db.prepare(
    `INSERT INTO "Session" (id, expiresAt, token, createdAt, updatedAt, ipAddress, userAgent, userId)
     VALUES (?, ?, ?, ?, ?, '127.0.0.1', 'seed-large', ?)`,
  );
  const expires = iso(new Date(now.getTime() + 30 * 86_400_000));
  db.transaction(() => {
    for (let u = 0; u < LARGE.learners; u++) {
      insertUser.run(learnerId(u), `Learner ${u}`, learnerEmail(u), nowIso, nowIso);
      insertSession.run(
        `lg-session-${u}`,
        expires,
        randomBytes(24).toString("base64url"),
        nowIso,
        nowIso,
        learnerId(u),
      );
    }
  })();

  // ── Study cards and the review log ─────────────────────────────────────────────────────────
  // One schedule history (five "good" grades, a few days apart), replayed for every card.
  const chain: Array<{ before: CardState; after: CardState; at: Date }> = [];
  let state = newCardState(new Date(now.getTime() - 120 * 86_400_000));
  let at = new Date(now.getTime() - 120 * 86_400_000);
  for (let r = 0; r < LARGE.reviewsPerCard; r++) {
    const { after } = gradeCard(state, "good", DEFAULT_SETTINGS, at);
    chain.push({ before: state, after, at });
    state = after;
    at = new Date(Math.min(after.due.getTime(), now.getTime() - (LARGE.reviewsPerCard - r) * 3_600_000));
  }
  const chainText = chain.map((step) => ({
    before: JSON.stringify(step.before),
    after: JSON.stringify(step.after),
    at: iso(step.at),
    wasNew: step.before.phase === "new" ? 1 : 0,
  }));
  const last = chain[chain.length - 1]?.after as CardState;
  const insertCard = db.prepare(
    `INSERT INTO "StudyCard" (id, userId, questionId, side, phase, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, lastReview, createdAt, updatedAt)
     VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReview = db.prepare(
    `INSERT INTO "Review" (id, userId, cardId, questionId, revision, kind, grade, wasNew, stateBefore, stateAfter, durationMs, clientTime, serverTime)
     VALUES (?, ?, ?, ?, 1, 'grade', 'good', ?, ?, ?, 4000, ?, ?)`,
  );
  const lastDue = iso(last.due);
  const lastReview = last.lastReview ? iso(last.lastReview) : null;
  const step = Math.floor(LARGE.questions / LARGE.cardsPerLearner);
  let reviews = 0;
  let cards = 0;
  const batch = 100; // learners per transaction: 20,000 cards and 100,000 reviews
  for (let first = 0; first < LARGE.learners; first += batch) {
    db.transaction(() => {
      for (let u = first; u < Math.min(LARGE.learners, first + batch); u++) {
        const userId = learnerId(u);
        for (let k = 0; k < LARGE.cardsPerLearner; k++) {
          const questionId = questionIds[(u * 7 + k * step) % questionIds.length] as string;
          const cardId = `lg-card-${u}-${k}`;
          insertCard.run(
            cardId,
            userId,
            questionId,
            last.phase,
            lastDue,
            last.stability,
            last.difficulty,
            last.elapsedDays,
            last.scheduledDays,
            last.learningSteps,
            last.reps,
            last.lapses,
            lastReview,
            nowIso,
            nowIso,
          );
          cards += 1;
          for (const review of chainText) {
            insertReview.run(
              seededReviewId(reviews),
              userId,
              cardId,
              questionId,
              review.wasNew,
              review.before,
              review.after,
              review.at,
              review.at,
            );
            reviews += 1;
          }
        }
      }
    })();
  }
  db.pragma("journal_mode = WAL");
  // No ANALYZE: a deployed Taskdeck database carries no planner statistics (nothing in Taskdeck
  // runs it), so the benchmarks' database carries none either. With them, SQLite (built with
  // STAT4, as better-sqlite3 is) plans every join that takes a parameter again on each run: the
  // session lookup cost 31 µs instead of 11 in isolation, ~180 µs instead of ~40 under load.
  db.close();
  const bytes = fs.statSync(file).size;
  return { file, seconds: (performance.now() - started) / 1000, reviews, cards, bytes };
}

function main() {
  const at = process.argv.indexOf("--out");
  const file = at >= 0 ? process.argv[at + 1] : "data/large.db";
  if (!file) {
    console.error("Usage: npm run seed:large [-- --out data/large.db]");
    process.exit(2);
  }
  if (path.resolve(file) === path.resolve("data/taskdeck.db")) {
    console.error("✖ Refusing to overwrite the app's own database; pick another --out.");
    process.exit(2);
  }
  console.log(`▸ Seeding ${file}`);
  const report = seedLarge(file);
  console.log(
    `✔ ${LARGE.learners} learners, ${LARGE.questions} questions, ${report.cards} cards, ${report.reviews} reviews ` +
      `in ${report.seconds.toFixed(1)} s (${(report.bytes / 2 ** 20).toFixed(0)} MiB)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
