// next-intl's types for Taskdeck: `t("…")` keys and `useLocale()` are checked by tsc against the
// English catalog and our locales.
import type { Messages } from "./catalogs";
import type { Locale } from "./locale";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
