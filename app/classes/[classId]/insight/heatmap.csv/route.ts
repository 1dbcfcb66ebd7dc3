import { answerRoute, csvDownload } from "@/lib/server/auth/route-answer";
import { routeContext } from "@/lib/server/auth/session";
import { heatmapCsvFor } from "@/lib/server/data/insight-csv";

// Instructors only, for classes they own: the learners × topics mastery heatmap as CSV (GET; changes nothing).
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { actor, db } = await routeContext(request);
  return answerRoute("text", async () =>
    csvDownload("class-heatmap.csv", await heatmapCsvFor(db, actor, classId)),
  );
}
