import type {
  AccessAttempt,
  AccessRow,
  MatrixUserKey,
  MatrixWorld,
} from "@/lib/server/auth/access-matrix/types";
import { answerRoute, csvDownload } from "@/lib/server/auth/route-answer";
import { heatmapCsvFor, itemStatsCsvFor, reportsCsvFor } from "@/lib/server/data/insight-csv";
import { seedMatrixQuiz } from "@/lib/server/testing/attempts-fixture";

// Role-matrix rows for the class insight CSV exports. Each route resolves the caller from the
// request's cookie and answers `answerRoute("text", … csvDownload(…, await *CsvFor(db, actor, id)))`;
// the rows run that same body. Only the class's (or quiz's)
// owning instructor gets a file: the other instructor, a learner on the roster, the admin and a
// visitor are refused with no data.

type Caller = Exclude<MatrixUserKey, "learner1"> | null;

/**
 * instructor2's class and quiz, with a learner from outside the world on the roster who has
 * studied nothing and reported a question (the matrix forbids showing world users to others).
 */
async function seeded(w: MatrixWorld) {
  const { classId, quizId } = await seedMatrixQuiz(w);
  await w.db.classMember.deleteMany({ where: { classId, userId: { not: "outsider" } } });
  if (!(await w.db.user.findUnique({ where: { id: "outsider" } }))) {
    await w.db.user.create({
      data: { id: "outsider", name: "Olive Outsider", email: "olive@matrix.example" },
    });
    await w.db.classMember.create({ data: { classId, userId: "outsider" } });
    await w.db.questionReport.create({
      data: { userId: "outsider", questionId: "qz-one", reason: "unclear", message: "Olive's secret remark" },
    });
  }
  return { classId, quizId };
}

const OLIVE = () => ["olive@matrix.example", "Olive"];

function rowFor(
  target: string,
  who: string,
  what: string,
  call: (w: MatrixWorld, actor: Awaited<ReturnType<MatrixWorld["actorOf"]>>) => Promise<Response>,
): AccessRow {
  const as = (key: Caller, expect: AccessAttempt["expect"], label: string): AccessAttempt => ({
    label,
    actor: key,
    expect,
    run: async (w) => {
      const request = w.request(key ? w.users[key] : null, "/insight.csv");
      return call(w, await w.actorOf(request));
    },
    mustNotReveal: expect === "refused" ? OLIVE : undefined,
  });
  return {
    target,
    who,
    attempts: [
      as(null, "refused", `a visitor downloads instructor2's ${what}`),
      as("instructor1", "refused", `instructor1 downloads instructor2's ${what}`),
      as("learner2", "refused", `learner2 (on the roster) downloads their class's ${what}`),
      as("admin", "refused", `the admin downloads instructor2's ${what}`),
      as("instructor2", "allowed", `instructor2 downloads their ${what}`),
    ],
  };
}

export const accessRows: AccessRow[] = [
  rowFor(
    "app/classes/[classId]/insight/heatmap.csv/route.ts#GET",
    "Instructors only, for classes they own: the learners × topics mastery heatmap as CSV (GET; changes nothing).",
    "class heatmap",
    async (w, actor) =>
      answerRoute("text", async () =>
        csvDownload("class-heatmap.csv", await heatmapCsvFor(w.db, actor, (await seeded(w)).classId)),
      ),
  ),
  rowFor(
    "app/classes/[classId]/insight/reports.csv/route.ts#GET",
    "Instructors only, from a class they own: open reports on the questions their quizzes and banks use, as CSV (GET).",
    "reported questions",
    async (w, actor) =>
      answerRoute("text", async () =>
        csvDownload("reported-questions.csv", await reportsCsvFor(w.db, actor, (await seeded(w)).classId)),
      ),
  ),
  rowFor(
    "app/quizzes/[quizId]/stats/questions.csv/route.ts#GET",
    "Instructors only, for class quizzes they own: each question's facility, discrimination and distractors as CSV (GET).",
    "question statistics",
    async (w, actor) =>
      answerRoute("text", async () =>
        csvDownload("question-statistics.csv", await itemStatsCsvFor(w.db, actor, (await seeded(w)).quizId)),
      ),
  ),
];
