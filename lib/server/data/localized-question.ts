import "server-only";
import { type Localized, localizeQuestion, type Question } from "@/lib/bank";
import type { Locale } from "@/lib/i18n/locale";
import { readQuestionTranslations } from "./json-columns";

/**
 * A stored question as a reader of `locale` sees it, the way study and attempts show it: its
 * checked translation (the `translations` column) when it has one that fits, else the English
 * question with `lang: "en"` so the page marks the text English. English readers skip the column.
 *
 * @example
 * const { question, lang } = localizeStored(question, row.translations, "ko");
 * <span lang={lang}>{question.title}</span>
 */
export function localizeStored<Q extends Question>(
  question: Q,
  translationsJson: string | null | undefined,
  locale: Locale,
): Localized<Q> {
  const translations =
    locale === "en" || !translationsJson ? undefined : readQuestionTranslations(translationsJson);
  return localizeQuestion(question, translations, locale);
}
