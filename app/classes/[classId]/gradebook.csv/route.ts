import { routeContext } from "@/lib/server/auth/session";
import { gradebookCsvResponse } from "@/lib/server/data/gradebook-route";

// Instructors only, for classes they own: the gradebook as CSV (GET; changes nothing).
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { actor, db } = await routeContext(request);
  return gradebookCsvResponse(db, actor, classId);
}
