// next-intl's request configuration (wired in next.config.js): the language, messages and time zone
// every server component, server action and client provider of one request uses.
import { getRequestConfig } from "next-intl/server";
import { CATALOGS, type Messages } from "@/lib/i18n/catalogs";
import { DEFAULT_LOCALE } from "@/lib/i18n/locale";
import { currentInterface } from "./current-locale";

type Tree = { [key: string]: string | Tree };

/** `over` laid on `base`: a message missing from a translation shows the English one, never a key. */
function withFallback(base: Tree, over: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = base[key];
    merged[key] = typeof value === "object" && typeof under === "object" ? withFallback(under, value) : value;
  }
  return merged;
}

export default getRequestConfig(async () => {
  const { locale, timeZone } = await currentInterface();
  const messages =
    locale === DEFAULT_LOCALE
      ? CATALOGS.en
      : (withFallback(
          CATALOGS.en as unknown as Tree,
          CATALOGS[locale] as unknown as Tree,
        ) as unknown as Messages);
  return {
    locale,
    messages,
    // Dates rendered on the server use the learner's saved zone; a visitor's dates are drawn in
    // the browser on the reader's own clock (components/ui/local-time) or in UTC here.
    timeZone: timeZone ?? "UTC",
    onError(error) {
      // A missing Korean message falls back to English above; anything else is a bug worth a log line.
      console.error(`[i18n] ${error.code}: ${error.message}`);
    },
  };
});
