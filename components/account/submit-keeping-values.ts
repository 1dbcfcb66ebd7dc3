"use client";

import { type FormEvent, startTransition } from "react";

/**
 * An onSubmit handler that runs a form's action without React's form reset, so a refused form
 * keeps everything the person typed (passwords too: they stay in the browser, the server never
 * sends them back). React 19 resets an uncontrolled form after its `action` runs; calling the
 * action ourselves inside a transition skips that reset. Keep `action={formAction}` on the form
 * as well: without JavaScript the browser still posts it to the server action.
 * @example <form action={formAction} onSubmit={submitKeepingValues(formAction)}>
 */
export function submitKeepingValues(formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
}
