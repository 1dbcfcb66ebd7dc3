import { routeContext } from "@/lib/server/auth/session";
import { reportsCsvResponse } from "@/lib/server/data/insight-csv";

// Instructors only, from a class they own: open reports on the questions their quizzes and banks use, as CSV (GET).
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { actor, db } = await routeContext(request);
  return reportsCsvResponse(db, actor, classId);
}
