import { routeContext } from "@/lib/server/auth/session";
import { itemStatsCsvResponse } from "@/lib/server/data/insight-csv";

// Instructors only, for class quizzes they own: each question's facility, discrimination and distractors as CSV (GET).
export async function GET(request: Request, { params }: { params: Promise<{ quizId: string }> }) {
  const { quizId } = await params;
  const { actor, db } = await routeContext(request);
  return itemStatsCsvResponse(db, actor, quizId);
}
