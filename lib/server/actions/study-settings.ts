"use server";

import { currentActionContext } from "@/lib/server/auth/session";
import { boundedInput } from "./input-guard";
import { adoptTimeZoneCore } from "./study-settings-core";

// Signed-in learners, for their own settings: the browser's time zone on their first visit.
export async function adoptTimeZoneAction(input: unknown) {
  return boundedInput([input], async () => adoptTimeZoneCore(await currentActionContext(), input));
}
