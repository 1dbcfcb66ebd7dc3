"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { startAttemptAction } from "@/lib/server/actions/attempt";

/** Starts (or resumes) the learner's attempt and opens it. */
export function StartAttemptButton({ quizId, label }: { quizId: string; label: string }) {
  const router = useRouter();
  const t = useTranslations("quiz.start");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className="button button--primary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await startAttemptAction({ quizId });
          if (result.ok) router.push(`/quizzes/${quizId}/attempts/${result.attemptId}`);
          else {
            setError(result.formError ?? t("failed"));
            setPending(false);
          }
        }}
      >
        {label}
      </button>
      <div role="status" aria-live="polite">
        {error ? <p className="notice notice--error">{error}</p> : null}
      </div>
    </div>
  );
}
