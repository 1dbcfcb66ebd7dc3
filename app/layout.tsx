import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { FirstVisitTimeZone } from "@/components/account/first-visit-time-zone";
import { SiteHeader } from "@/components/ui/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Taskdeck", template: "%s · Taskdeck" },
  description:
    "Study for AWS certifications with spaced repetition, exam-style practice questions and an ECS simulator that shows why each answer is right.",
};

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
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <FirstVisitTimeZone />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Taskdeck — spaced repetition and simulations for cloud certifications. Facts are checked against
            the AWS documentation linked from every answer.
          </p>
        </footer>
      </body>
    </html>
  );
}
