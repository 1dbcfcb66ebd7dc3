import { expect } from "vitest";
import { saveAnswerCore, startAttemptCore } from "@/lib/server/actions/attempt-core";
import { gradeCore } from "@/lib/server/actions/study-core";
import { optionIdOf, seedMatrixQuiz } from "@/lib/server/testing/attempts-fixture";
import { loadStudyBank } from "@/lib/server/testing/study-fixture";
import type { AccessRow, MatrixUserKey, MatrixWorld } from "./access-matrix/types";
import { jsonWrite } from "./json-route";

// Role-matrix rows for the JSON writes (json-route.ts): grading a card and autosaving a quiz
// answer. Each attempt sends a real Request with the caller's cookie through jsonWrite with the
// route's own core, the actor resolved from that cookie, exactly as the route does.

const CARD = { questionId: "fx-task-role", side: "" };
const LEARNER2_REVIEW = "5c9b4d2f-3a7e-4f1b-8d8c-6e2f3a4b5c6d";
const grading = (reviewId: string) => ({
  reviewId,
  ref: CARD,
  grade: "good",
  durationMs: 1000,
  clientTime: "2026-01-01T00:00:00.000Z",
});

const post = (
  w: MatrixWorld,
  who: MatrixUserKey | null,
  path: string,
  body: unknown,
  core: Parameters<typeof jsonWrite>[2],
  tamper?: (headers: Headers) => void,
) => {
  const original = w.request(who ? w.users[who] : null, path, { method: "POST", body });
  const headers = new Headers(original.headers);
  tamper?.(headers);
  const request = new Request(original.url, { method: "POST", headers, body: JSON.stringify(body) });
  return jsonWrite(request, async (r) => ({ actor: await w.actorOf(r), db: w.db }), core);
};

async function withBank(w: MatrixWorld) {
  if ((await w.db.question.count()) === 0) await loadStudyBank(w.db);
}

async function learner2Graded(w: MatrixWorld) {
  await withBank(w);
  if (!(await w.db.review.findUnique({ where: { id: LEARNER2_REVIEW } }))) {
    const result = await gradeCore(await w.as(w.users.learner2), grading(LEARNER2_REVIEW));
    expect(result.ok).toBe(true);
  }
}

/** learner2's open attempt at instructor2's quiz. */
async function learner2Attempt(w: MatrixWorld) {
  const { quizId } = await seedMatrixQuiz(w);
  const result = await startAttemptCore(await w.as(w.users.learner2), { quizId });
  if (!result.ok) throw new Error("learner2 could not start");
  return result.attemptId;
}
/** An autosave of qz-one = B, with B named by the attempt's option id, as the runner sends it. */
const save = async (w: MatrixWorld, attemptId: string, seq: number) => ({
  attemptId,
  questionId: "qz-one",
  answer: { kind: "choice", keys: [(await optionIdOf(w.db, attemptId, "qz-one", "B")) ?? "B"] },
  flagged: false,
  seq,
});

export const accessRows: AccessRow[] = [
  {
    target: "app/api/study/grade/route.ts#POST",
    who: "Signed-in learners, for their own cards only: the study page grades a card here.",
    attempts: [
      {
        label: "a visitor grades a card",
        actor: null,
        expect: "refused",
        run: async (w) => {
          await withBank(w);
          return post(
            w,
            null,
            "/api/study/grade",
            grading("1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d"),
            gradeCore,
          );
        },
        verify: async (w) => expect(await w.db.review.count()).toBe(0),
      },
      {
        label: "learner1 grades from another site (cross-site request)",
        actor: "learner1",
        expect: "refused",
        run: async (w) => {
          await withBank(w);
          return post(
            w,
            "learner1",
            "/api/study/grade",
            grading("2b3c4d5e-6f7a-4b1c-8d2e-3f4a5b6c7d8e"),
            gradeCore,
            (headers) => {
              headers.set("origin", "https://evil.example");
              headers.set("sec-fetch-site", "cross-site");
            },
          );
        },
        verify: async (w) => expect(await w.db.review.count()).toBe(0),
      },
      {
        label: "learner1 grades with a form post (not JSON)",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          post(
            w,
            "learner1",
            "/api/study/grade",
            grading("3c4d5e6f-7a8b-4c2d-9e3f-4a5b6c7d8e9f"),
            gradeCore,
            (h) => h.set("content-type", "application/x-www-form-urlencoded"),
          ),
        verify: async (w) => expect(await w.db.review.count()).toBe(0),
      },
      {
        label: "learner1 replays learner2's grading id",
        actor: "learner1",
        expect: "refused",
        run: async (w) => {
          await learner2Graded(w);
          return post(w, "learner1", "/api/study/grade", grading(LEARNER2_REVIEW), gradeCore);
        },
        mustNotReveal: () => [LEARNER2_REVIEW],
        verify: async (w) => {
          expect(await w.db.studyCard.count({ where: { userId: w.users.learner1.id } })).toBe(0);
          expect(await w.db.review.count()).toBe(1);
        },
      },
      {
        label: "learner1 grades their own card",
        actor: "learner1",
        expect: "allowed",
        run: async (w) =>
          post(w, "learner1", "/api/study/grade", grading("4d5e6f7a-8b9c-4d3e-8f4a-5b6c7d8e9f0a"), gradeCore),
        verify: async (w) => {
          expect(await w.db.studyCard.count({ where: { userId: w.users.learner1.id } })).toBe(1);
          expect(
            (await w.db.studyCard.findFirstOrThrow({ where: { userId: w.users.learner2.id } })).reps,
          ).toBe(1);
        },
      },
    ],
  },
  {
    target: "app/api/quiz/autosave/route.ts#POST",
    who: "Signed-in learners, for their own open attempts: the quiz runner autosaves one answer here.",
    attempts: [
      {
        label: "a visitor writes into learner2's attempt",
        actor: null,
        expect: "refused",
        run: async (w) =>
          post(w, null, "/api/quiz/autosave", await save(w, await learner2Attempt(w), 1), saveAnswerCore),
        verify: async (w) => expect(await w.db.attemptAnswer.count()).toBe(0),
      },
      {
        label: "learner1 writes into learner2's attempt",
        actor: "learner1",
        expect: "refused",
        run: async (w) =>
          post(
            w,
            "learner1",
            "/api/quiz/autosave",
            await save(w, await learner2Attempt(w), 1),
            saveAnswerCore,
          ),
        mustNotReveal: () => ["Matrix quiz"],
        verify: async (w) => expect(await w.db.attemptAnswer.count()).toBe(0),
      },
      {
        label: "learner2 autosaves from another site (cross-site request)",
        actor: "learner2",
        expect: "refused",
        run: async (w) =>
          post(
            w,
            "learner2",
            "/api/quiz/autosave",
            await save(w, await learner2Attempt(w), 1),
            saveAnswerCore,
            (h) => h.set("origin", "https://evil.example"),
          ),
        verify: async (w) => expect(await w.db.attemptAnswer.count()).toBe(0),
      },
      {
        label: "learner2 autosaves an answer to their own attempt",
        actor: "learner2",
        expect: "allowed",
        run: async (w) =>
          post(
            w,
            "learner2",
            "/api/quiz/autosave",
            await save(w, await learner2Attempt(w), 1),
            saveAnswerCore,
          ),
        verify: async (w) => expect(await w.db.attemptAnswer.count()).toBe(1),
      },
    ],
  },
];
