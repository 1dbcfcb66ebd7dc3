import type { MetadataRoute } from "next";
import { createTranslator } from "use-intl/core";
import { CATALOGS } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locale";

// The manifest's content, apart from the request (app/manifest.ts picks the language).

/** The manifest in one language. */
export function manifestFor(locale: Locale): MetadataRoute.Manifest {
  const t = createTranslator({ locale, messages: CATALOGS[locale], namespace: "common.meta" });
  return {
    id: "/",
    name: "Taskdeck",
    short_name: "Taskdeck",
    description: t("appDescription"),
    lang: locale,
    start_url: "/study",
    scope: "/",
    display: "standalone",
    background_color: "#f7f8fa",
    theme_color: "#f7f8fa",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
