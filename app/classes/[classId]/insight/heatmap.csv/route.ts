import { routeContext } from "@/lib/server/auth/session";
import { heatmapCsvResponse } from "@/lib/server/data/insight-csv";

// Instructors only, for classes they own: the learners × topics mastery heatmap as CSV (GET; changes nothing).
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { actor, db } = await routeContext(request);
  return heatmapCsvResponse(db, actor, classId);
}
