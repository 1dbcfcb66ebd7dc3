import { answerRoute, csvDownload } from "@/lib/server/auth/route-answer";
import { routeContext } from "@/lib/server/auth/session";
import { reportsCsvFor } from "@/lib/server/data/insight-csv";

// Instructors only, from a class they own: open reports on the questions their quizzes and banks use, as CSV (GET).
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { actor, db } = await routeContext(request);
  return answerRoute("text", async () =>
    csvDownload("reported-questions.csv", await reportsCsvFor(db, actor, classId)),
  );
}
