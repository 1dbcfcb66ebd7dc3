"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { deleteBankAction, setBankVisibilityAction } from "@/lib/server/actions/instructor-bank";

/** Publish an own bank (every instructor's quizzes and learners' study) or make it private again. */
export function BankVisibilityForm({ bankId, visibility }: { bankId: string; visibility: string }) {
  const [state, formAction, isPending] = useActionState(setBankVisibilityAction, null);
  const published = visibility === "published";
  let success: string | undefined;
  if (state?.ok)
    success =
      state.visibility === "published"
        ? "Published: every instructor's quiz builder and learners' study now offer it."
        : state.othersUsing > 0
          ? `Private again. ${state.othersUsing} other instructors' ${state.othersUsing === 1 ? "quiz uses" : "quizzes use"} it: attempts already made keep its questions; new attempts no longer draw them.`
          : "Private again: only your quizzes can use it.";
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="bankId" value={bankId} />
      <input type="hidden" name="visibility" value={published ? "private" : "published"} />
      <button type="submit" className="button" disabled={isPending}>
        {published ? "Make private" : "Publish"}
      </button>
      <FormStatus
        id={`visibility-${bankId}`}
        error={state && !state.ok ? state.formError : undefined}
        success={success}
      />
    </form>
  );
}

/**
 * Delete an own bank after a confirmation. The server refuses while a quiz lists its questions or
 * has attempts that drew them, and says which.
 */
export function DeleteBankForm({ bankId, title }: { bankId: string; title: string }) {
  const [state, formAction, isPending] = useActionState(deleteBankAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Delete bank…
      </button>
    );
  return (
    <form action={formAction} className="teach-form card" aria-label={`Delete “${title}”?`}>
      <p>
        Delete “{title}” and its questions? A bank that quizzes use (a fixed list, or attempts that drew its
        questions) is not deleted: delete those quizzes first. Random-draw quizzes simply stop drawing from
        it.
      </p>
      <input type="hidden" name="bankId" value={bankId} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required /> Yes, delete this bank
      </label>
      <FormStatus id={`delete-${bankId}`} error={state && !state.ok ? state.formError : undefined} />
      <button type="submit" className="button button--danger" disabled={isPending}>
        Delete bank
      </button>{" "}
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </form>
  );
}
