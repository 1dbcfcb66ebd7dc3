import "server-only";
import { createTranslator } from "use-intl/core";
import { flatten } from "@/lib/i18n/catalog-tools";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { messageMatcher } from "@/lib/i18n/message-match";
import { serverLocale } from "@/lib/server/i18n/server-text";

// Refusals composed in English by code that knows no language (zod schemas in pure lib code, the
// name and password policies, the input guard's limits) are shown in the language of the request:
// every action failure passes through here (action-result.ts `failure`), and an English message
// that is in the `errors.refusals` or `validation` catalog is replaced by its translation. An
// argument that is itself a known label ("Your name") is translated too. English requests, and
// text no catalog knows, pass through unchanged.
// i18n-keys: errors.refusals.*
// i18n-keys: validation.*

type Tree = { [key: string]: string | Tree };

const english = [
  ...flatten(CATALOGS.en.errors.refusals as unknown as Tree, "errors.refusals"),
  ...flatten(CATALOGS.en.validation as unknown as Tree, "validation"),
];
const known = messageMatcher(english.filter(([key]) => !key.startsWith("validation.labels.")));
const labelKeys = new Map(
  english.filter(([key]) => key.startsWith("validation.labels.")).map(([key, text]) => [text, key]),
);

/** `message` in the request's language when a catalog knows it, else as it is. */
export function inRequestLanguage(message: string): string {
  const locale = serverLocale();
  if (locale === "en") return message;
  const found = known(message);
  if (!found) return message;
  const t = createTranslator({ locale, messages: CATALOGS[locale] });
  // The keys come from the catalog itself, so a loose call is safe here.
  const translate = t as unknown as (key: string, values?: Record<string, string>) => string;
  const values = Object.fromEntries(
    Object.entries(found.values).map(([name, value]) => {
      const label = labelKeys.get(value);
      return [name, label ? translate(label) : value];
    }),
  );
  return translate(found.key, values);
}
