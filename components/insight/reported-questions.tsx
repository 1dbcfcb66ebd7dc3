import type { ReportedQuestion } from "@/lib/server/data/insight-reports";
import { topicLabel } from "@/lib/server/data/topics";

// The most reported questions among those an instructor's quizzes and banks use: the count, the
// reasons, and each report's message (reporters are not named).

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function ReportedQuestions({ questions }: { questions: ReportedQuestion[] }) {
  if (questions.length === 0)
    return <p className="muted">No open reports on the questions your quizzes and banks use.</p>;
  return (
    <ol className="report-list" aria-label="Most reported questions">
      {questions.map((q) => (
        <li key={q.questionId}>
          <strong>{q.title}</strong>{" "}
          <span className="muted">
            ({topicLabel(q.topic)}; the id authors look for in the bank: <code>{q.questionId}</code>)
          </span>
          <br />
          {q.count} {q.count === 1 ? "report" : "reports"}:{" "}
          {q.reasons.map((r) => `${r.reason} × ${r.count}`).join(", ")}
          <details>
            <summary>Messages ({q.reports.length})</summary>
            <ul>
              {q.reports.map((r, i) => (
                // Reports have no id in this view; their order (newest first) is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: a static, server-rendered list
                <li key={i}>
                  <span className="muted">
                    {r.reason}, {when.format(new Date(r.createdAt))}
                  </span>
                  <blockquote>{r.message || "(no message)"}</blockquote>
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}
