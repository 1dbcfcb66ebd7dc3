"use client";

import { type RefObject, useEffect } from "react";

/**
 * After a refused submission, moves keyboard focus to the first field marked invalid, so a
 * keyboard or screen-reader user lands on the problem (its message is linked to the field).
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: unknown): void {
  useEffect(() => {
    if (!state) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [form, state]);
}
