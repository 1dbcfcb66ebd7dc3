import { answerRoute, csvDownload } from "@/lib/server/auth/route-answer";
import { routeContext } from "@/lib/server/auth/session";
import { gradebookCsvFor } from "@/lib/server/data/gradebook";

// Instructors only, for classes they own: the gradebook as CSV (GET; changes nothing).
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { actor, db } = await routeContext(request);
  return answerRoute("text", async () =>
    csvDownload("gradebook.csv", await gradebookCsvFor(db, actor, classId)),
  );
}
