import "server-only";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locale";
import { type ActionResult, guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext, CookieJar } from "@/lib/server/auth/auth-call";
import { saveInterfaceLocale } from "@/lib/server/data/interface-settings";
import { refusingWhenStorageUnavailable } from "./storage-guard";

// The language switch's action body: anyone may choose the language this browser shows; a
// signed-in learner's choice is also saved with their settings, so it follows them to any device.
// "browser" (the account page's third choice) forgets the choice: the setting becomes null and
// the cookie is cleared, so the browser's Accept-Language decides again.

/** The choices the forms post: a language, or "browser" to follow the browser's. */
const CHOICES = [...LOCALES, "browser"] as const;
export type LocaleChoice = (typeof CHOICES)[number];

const localeFormSchema = z.object({
  locale: z.enum(CHOICES, { message: `Choose one of: ${CHOICES.join(", ")}.` }),
});

/** A year: a language choice is a standing preference, not a session's. */
const LOCALE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

/** Everyone, for themselves: sets this browser's language, and a signed-in learner's setting. */
export async function setInterfaceLocaleCore(
  ctx: ActionContext & { cookies: CookieJar; isSecure: boolean },
  formData: FormData,
) {
  return refusingWhenStorageUnavailable("saving the interface language", () =>
    guarded<{ locale: LocaleChoice }>(async (): Promise<ActionResult<{ locale: LocaleChoice }>> => {
      const parsed = localeFormSchema.safeParse({ locale: formData.get("locale") });
      if (!parsed.success) return invalidInput(parsed.error);
      const { locale } = parsed.data;
      const chosen: Locale | null = locale === "browser" ? null : locale;
      if (ctx.actor) await saveInterfaceLocale(ctx.db, ctx.actor, chosen);
      ctx.cookies.set(LOCALE_COOKIE, chosen ?? "", {
        path: "/",
        maxAge: chosen ? LOCALE_COOKIE_SECONDS : 0,
        sameSite: "lax",
        httpOnly: true,
        secure: ctx.isSecure,
      });
      return { ok: true, locale };
    }),
  );
}
