"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { deleteQuizAction } from "@/lib/server/actions/quiz";

/**
 * Deletes a quiz after a confirmation step that says how many attempts (and grades) go with it.
 * The server checks that number again, so a deletion never takes more than it said.
 */
export function DeleteQuizForm({
  quizId,
  title,
  attempts,
}: {
  quizId: string;
  title: string;
  attempts: number;
}) {
  const [state, formAction, isPending] = useActionState(deleteQuizAction, null);
  const [confirming, setConfirming] = useState(false);
  const what =
    attempts === 0
      ? "No learner has attempted it yet."
      : `Its ${attempts} ${attempts === 1 ? "attempt goes" : "attempts go"} with it, and their grades leave the gradebook.`;
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Delete quiz…
      </button>
    );
  return (
    <form action={formAction} className="teach-form card" aria-labelledby="delete-quiz-heading">
      <h3 id="delete-quiz-heading">Delete “{title}”?</h3>
      <p>{what} This cannot be undone.</p>
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="attempts" value={attempts} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required />{" "}
        {attempts === 0
          ? "Yes, delete this quiz"
          : `Yes, delete this quiz and its ${attempts} ${attempts === 1 ? "attempt" : "attempts"}`}
      </label>
      <FormStatus id="delete-quiz-status" error={state && !state.ok ? state.formError : undefined} />
      <button type="submit" className="button button--danger" disabled={isPending}>
        Delete quiz
      </button>{" "}
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </form>
  );
}
