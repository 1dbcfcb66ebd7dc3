"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setAccountDisabled, setInstructorRole } from "@/lib/server/actions/account-admin";
import { FormStatus } from "./form-status";

/** The admin's controls for one account: instructor role, and (for others) disable/enable. */
export function AdminUserActions({
  userId,
  name,
  isInstructor,
  isDisabled,
  isSelf,
}: {
  userId: string;
  name: string;
  isInstructor: boolean;
  isDisabled: boolean;
  isSelf: boolean;
}) {
  const [roleState, roleAction, isRolePending] = useActionState(setInstructorRole, null);
  const [statusState, statusAction, isStatusPending] = useActionState(setAccountDisabled, null);
  const t = useTranslations("admin");
  return (
    <div className="admin-actions">
      <form action={roleAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="grant" value={isInstructor ? "false" : "true"} />
        <button type="submit" className="button" disabled={isRolePending}>
          {isInstructor ? t("revokeInstructor") : t("makeInstructor")}
          <span className="visually-hidden"> ({name})</span>
        </button>
        <FormStatus
          id={`role-status-${userId}`}
          error={roleState && !roleState.ok ? roleState.formError : undefined}
          success={roleState?.ok ? roleState.message : undefined}
        />
      </form>
      {isSelf ? null : (
        <form action={statusAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={isDisabled ? "false" : "true"} />
          <button type="submit" className="button" disabled={isStatusPending}>
            {isDisabled ? t("enable") : t("disable")}
            <span className="visually-hidden"> ({name})</span>
          </button>
          <FormStatus
            id={`account-status-${userId}`}
            error={statusState && !statusState.ok ? statusState.formError : undefined}
            success={statusState?.ok ? statusState.message : undefined}
          />
        </form>
      )}
    </div>
  );
}
