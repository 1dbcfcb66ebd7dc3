import type { AccessRow, MatrixWorld } from "@/lib/server/auth/access-matrix/types";
import { answerRoute, csvDownload } from "@/lib/server/auth/route-answer";
import { gradebookCsvFor } from "@/lib/server/data/gradebook";
import { seedMatrixQuiz } from "@/lib/server/testing/attempts-fixture";

// Role-matrix row for the gradebook CSV export. The route resolves the caller from the request's
// cookie and answers `answerRoute("text", … gradebookCsvFor(…))`; the row runs that same body.

async function csvAs(
  w: MatrixWorld,
  key: "learner2" | "instructor1" | "instructor2" | null,
  classId: string,
) {
  const request = w.request(key ? w.users[key] : null, `/classes/${classId}/gradebook.csv`);
  const actor = await w.actorOf(request);
  return answerRoute("text", async () =>
    csvDownload("gradebook.csv", await gradebookCsvFor(w.db, actor, classId)),
  );
}

/** instructor2's class with a learner outside the world (the matrix forbids revealing world users to others). */
async function classWithOutsider(w: MatrixWorld) {
  const { classId } = await seedMatrixQuiz(w);
  await w.db.classMember.deleteMany({ where: { classId } });
  if (!(await w.db.user.findUnique({ where: { id: "outsider" } })))
    await w.db.user.create({
      data: { id: "outsider", name: "Olive Outsider", email: "olive@matrix.example" },
    });
  await w.db.classMember.upsert({
    where: { classId_userId: { classId, userId: "outsider" } },
    create: { classId, userId: "outsider" },
    update: {},
  });
  return classId;
}

export const accessRows: AccessRow[] = [
  {
    target: "app/classes/[classId]/gradebook.csv/route.ts#GET",
    who: "Instructors only, for classes they own: the gradebook as CSV (GET; changes nothing).",
    attempts: [
      {
        label: "a visitor downloads instructor2's gradebook",
        actor: null,
        expect: "refused",
        run: async (w) => csvAs(w, null, await classWithOutsider(w)),
        mustNotReveal: () => ["olive@matrix.example", "Olive"],
      },
      {
        label: "instructor1 downloads instructor2's gradebook",
        actor: "instructor1",
        expect: "refused",
        run: async (w) => csvAs(w, "instructor1", await classWithOutsider(w)),
        mustNotReveal: () => ["olive@matrix.example", "Olive"],
      },
      {
        label: "learner2 downloads their class's gradebook",
        actor: "learner2",
        expect: "refused",
        run: async (w) => csvAs(w, "learner2", await classWithOutsider(w)),
        mustNotReveal: () => ["olive@matrix.example", "Olive"],
      },
      {
        label: "instructor2 downloads their gradebook",
        actor: "instructor2",
        expect: "allowed",
        run: async (w) => csvAs(w, "instructor2", await classWithOutsider(w)),
      },
    ],
  },
];
