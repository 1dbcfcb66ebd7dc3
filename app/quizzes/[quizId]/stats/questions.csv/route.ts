import { answerRoute, csvDownload } from "@/lib/server/auth/route-answer";
import { routeContext } from "@/lib/server/auth/session";
import { itemStatsCsvFor } from "@/lib/server/data/insight-csv";

// Instructors only, for class quizzes they own: each question's facility, discrimination and distractors as CSV (GET).
export async function GET(request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const { actor, db } = await routeContext(request);
  return answerRoute("text", async () =>
    csvDownload("question-statistics.csv", await itemStatsCsvFor(db, actor, quizId)),
  );
}
