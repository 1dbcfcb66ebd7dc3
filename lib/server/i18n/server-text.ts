import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { CATALOGS, type Messages } from "@/lib/i18n/catalogs";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";

// Words the server composes outside a page render (an action's refusal, a route's error body) in
// the language of the request that asked. Server actions run inside `runInLocale` (the input
// guard sets it from the request, lib/server/actions/input-guard.ts); action cores called directly
// (tests, the CLI) speak English. Pages use next-intl's getTranslations instead.

const requestLocale = new AsyncLocalStorage<Locale>();

/** Runs `work` with every serverText/serverLocale call inside it answering in `locale`. */
export function runInLocale<T>(locale: Locale, work: () => T): T {
  return requestLocale.run(locale, work);
}

/** The language of the request being served, English outside one. */
export function serverLocale(): Locale {
  return requestLocale.getStore() ?? DEFAULT_LOCALE;
}

/**
 * A translator for one namespace in the current request's language.
 * @example serverText("errors")("storageUnavailable")
 */
export function serverText<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(
  namespace: Namespace,
) {
  const locale = serverLocale();
  return createTranslator<Messages, Namespace>({ locale, messages: CATALOGS[locale], namespace });
}
