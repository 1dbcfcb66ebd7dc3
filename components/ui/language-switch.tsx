import { getLocale, getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { setInterfaceLocaleAction } from "@/lib/server/actions/interface-locale";

/**
 * The language switch on every page: one button naming the other language in that language
 * ("한국어" on an English page, "English" on a Korean one). A plain form, so it works without
 * JavaScript; the choice is kept for this browser and, when signed in, with the learner's settings.
 */
export async function LanguageSwitch({ className }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common.language")]);
  const other = LOCALES.find((candidate) => candidate !== locale) ?? "en";
  const name = LOCALE_NAMES[other];
  return (
    <form action={setInterfaceLocaleAction} className={className ?? "language-switch"}>
      <input type="hidden" name="locale" value={other} />
      {/* The name says what the button does in the page's language and keeps the visible word,
          so a screen reader and voice control ("click English") both find it; only the visible
          word is in the other language. */}
      <button
        type="submit"
        className="button button--quiet"
        aria-label={t("switchTo", { other, language: name })}
      >
        <span lang={other}>{name}</span>
      </button>
    </form>
  );
}
