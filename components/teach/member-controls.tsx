"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import {
  blockMemberAction,
  removeMemberAction,
  rotateJoinCodeAction,
  unblockMemberAction,
} from "@/lib/server/actions/class";

/**
 * The class's instructor removes a learner, or removes and blocks them, after a confirmation that
 * says what happens to their open attempts. The server asks for the same confirmation.
 */
export function MemberControls({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const t = useTranslations("teach.members");
  const [removed, removeAction, isRemoving] = useActionState(removeMemberAction, null);
  const [blocked, blockAction, isBlocking] = useActionState(blockMemberAction, null);
  const [confirming, setConfirming] = useState(false);
  const error = [removed, blocked].find((s) => s && !s.ok);
  const headingId = `remove-${userId}-heading`;
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--quiet"
        onClick={() => setConfirming(true)}
        aria-label={t("remove", { name })}
      >
        {t("removeButton")}
      </button>
    );
  return (
    <form className="teach-form card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("heading", { name })}</h3>
      <p>{t("what", { name })}</p>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="userId" value={userId} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required /> {t("confirm", { name })}
      </label>
      <FormStatus id={`remove-${userId}-status`} error={error && !error.ok ? error.formError : undefined} />
      <button type="submit" formAction={removeAction} className="button button--danger" disabled={isRemoving}>
        {t("submit", { name })}
      </button>{" "}
      <button type="submit" formAction={blockAction} className="button button--danger" disabled={isBlocking}>
        {t("block", { name })}
      </button>{" "}
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        {t("keep", { name })}
      </button>
    </form>
  );
}

/** The class's instructor lets a blocked person join again. */
export function UnblockButton({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const t = useTranslations("teach.members");
  const [state, formAction, isPending] = useActionState(unblockMemberAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="classId" value={classId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="button button--quiet" disabled={isPending}>
        {t("unblock", { name })}
      </button>
      {state && !state.ok ? (
        <span role="status" className="notice notice--error">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}

/** The class's instructor replaces the join code: the old code and link stop working at once. */
export function RotateJoinCodeButton({ classId }: { classId: string }) {
  const t = useTranslations("teach.members");
  const [state, formAction, isPending] = useActionState(rotateJoinCodeAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="classId" value={classId} />
      <button type="submit" className="button button--quiet" disabled={isPending}>
        {t("newCode")}
      </button>{" "}
      <span role="status" className={state && !state.ok ? "notice notice--error" : "muted"}>
        {state ? (state.ok ? t("newCodeMade") : state.formError) : ""}
      </span>
    </form>
  );
}
