import type { MetadataRoute } from "next";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locale";
import { manifestFor } from "./manifest-content";

/**
 * The web app manifest (served at /manifest.webmanifest; Next links it from every page), so a
 * learner can add Taskdeck to a phone's home screen and open it straight on their study session.
 * The icons are full-bleed with the cards inside the central safe zone, so one file serves both
 * "any" and "maskable" (scripts/make-icons.ts writes the PNGs from icon.svg's shapes).
 *
 * Its description is in the language of the browser that installs it: browsers fetch a manifest
 * without credentials, so the learner's saved choice cannot be read here, but Accept-Language is
 * sent (and the language cookie, where a browser does send it). The name is the brand in both.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    saved: null,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return manifestFor(locale);
}
