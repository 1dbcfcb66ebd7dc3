import "server-only";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { cache } from "react";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { browserLocale, isLocale, LOCALE_COOKIE, type Locale, resolveLocale } from "@/lib/i18n/locale";
import type { ActingUser } from "@/lib/server/auth/acting-user";
import { getActingUser } from "@/lib/server/auth/session";
import { getInterfaceSettings, type InterfaceSettings } from "@/lib/server/data/interface-settings";
import { prisma } from "@/lib/server/db";

/** The signed-in learner's interface settings, or none; a broken database never breaks a page's language. */
const savedSettings = cache(async (): Promise<InterfaceSettings | null> => {
  try {
    const user = await getActingUser();
    return user ? await getInterfaceSettings(prisma, user) : null;
  } catch (error) {
    unstable_rethrow(error);
    console.error("Could not read the learner's interface settings", error);
    return null;
  }
});

/** The language and time zone this request renders in (see resolveLocale for the order). */
export const currentInterface = cache(async (): Promise<{ locale: Locale; timeZone: string | null }> => {
  const [saved, cookieStore, headerList] = await Promise.all([savedSettings(), cookies(), headers()]);
  const locale = resolveLocale({
    saved: saved?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return { locale, timeZone: saved?.timeZone ?? null };
});

/** The request's language, or English outside a request (a test, the CLI). */
export async function currentLocaleOrDefault(): Promise<Locale> {
  try {
    await headers(); // throws outside a request, before anything would log a failed lookup
  } catch {
    return "en";
  }
  return (await currentInterface()).locale;
}

/**
 * The language of a route handler's request, resolved as a page's is (the learner's saved choice,
 * else the language cookie, else Accept-Language), from the actor the route has already read:
 * one read of the learner's settings, no second session lookup.
 */
export async function routeLocale(
  request: { headers: Headers },
  ctx: { actor: ActingUser | null; db: PrismaClient },
): Promise<Locale> {
  let saved: Locale | null = null;
  if (ctx.actor?.savedLocale !== undefined) {
    // Read with the session, in the same statement: no query of its own on the hot paths.
    saved = isLocale(ctx.actor.savedLocale) ? ctx.actor.savedLocale : null;
  } else if (ctx.actor) {
    try {
      saved = (await getInterfaceSettings(ctx.db, ctx.actor)).locale;
    } catch (error) {
      // A database that cannot be read is answered by the route itself; the words fall back.
      console.error("Could not read the learner's interface settings", error);
    }
  }
  return saved ?? browserLocale(request.headers);
}
