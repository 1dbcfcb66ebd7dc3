"use server";

import { revalidatePath } from "next/cache";
import { currentActionContext } from "@/lib/server/auth/session";
import { boundedInput } from "./input-guard";
import { setInterfaceLocaleCore } from "./interface-locale-core";

// Everyone (visitors too), for themselves: the language switch in the header and account page.
// A plain form action, so the switch works without JavaScript; the page then renders again in
// the chosen language.
export async function setInterfaceLocaleAction(formData: FormData): Promise<void> {
  await boundedInput([formData], async () => {
    const ctx = await currentActionContext();
    const result = await setInterfaceLocaleCore(
      { ...ctx, isSecure: ctx.origin.startsWith("https:") },
      formData,
    );
    if (result.ok) revalidatePath("/", "layout");
    return result;
  });
}
