import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { FirstVisitTimeZone } from "@/components/account/first-visit-time-zone";
import { SiteHeader } from "@/components/ui/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.meta");
  return { title: { default: "Taskdeck", template: "%s · Taskdeck" }, description: t("description") };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f8fa" },
    { media: "(prefers-color-scheme: dark)", color: "#12151c" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, which the CSP nonce requires;
  // Next then stamps the nonce from the request's CSP header onto its own scripts.
  await headers();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body>
        {/* Client components read their messages from here (the request's whole catalog). */}
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          <SiteHeader />
          <FirstVisitTimeZone />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>{t("brand.tagline")}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
