import { getTranslations } from "next-intl/server";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locale";
import { setInterfaceLocaleAction } from "@/lib/server/actions/interface-locale";

/**
 * The account page's language setting: English, 한국어, or the browser's language (the saved
 * choice is cleared and Accept-Language decides). A plain form posting to the header switch's
 * action, so it works without JavaScript; the page then renders again in the chosen language.
 * Each language is named in itself, marked with its `lang`, as the header switch does.
 */
export async function LanguageSettingForm({ saved }: { saved: Locale | null }) {
  const t = await getTranslations("account.language");
  const choices: Array<{ value: Locale | "browser"; label: string; lang?: Locale }> = [
    ...LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale], lang: locale })),
    { value: "browser", label: t("browser") },
  ];
  return (
    <form action={setInterfaceLocaleAction} className="language-setting">
      <fieldset>
        <legend>{t("legend")}</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="language-setting__choice">
            <input
              type="radio"
              name="locale"
              value={choice.value}
              defaultChecked={(saved ?? "browser") === choice.value}
            />{" "}
            <span lang={choice.lang}>{choice.label}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button">
        {t("save")}
      </button>
    </form>
  );
}
