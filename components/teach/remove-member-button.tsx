"use client";

import { useActionState } from "react";
import { removeMemberAction } from "@/lib/server/actions/class";

/** The class's instructor takes one learner off the roster. */
export function RemoveMemberButton({
  classId,
  userId,
  name,
}: {
  classId: string;
  userId: string;
  name: string;
}) {
  const [state, formAction, isPending] = useActionState(removeMemberAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        className="button button--quiet"
        disabled={isPending}
        aria-label={`Remove ${name}`}
      >
        Remove
      </button>
      {state && !state.ok ? (
        <span role="status" className="notice notice--error">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
