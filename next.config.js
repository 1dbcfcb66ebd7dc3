// @ts-check
// next-intl reads each request's language, messages and time zone from lib/server/i18n/request.ts.
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Security headers (CSP with a per-request nonce) are set in proxy.ts.
  serverExternalPackages: ["better-sqlite3", "pg"],
  experimental: {
    serverActions: {
      // Above every limit the app checks itself (a 1 MB bank, the text fields' own maxima), so an
      // oversized form reaches the action and gets the app's own message with the limit, instead
      // of Next's 1 MB refusal, which the browser can only show as an error page. Bodies larger
      // than this are refused by proxy.ts with a plain message (lib/server/request-limits.ts).
      bodySizeLimit: "8mb",
    },
  },
  // Only `npm test`'s end-to-end build sets this (scripts/e2e.ts), when `next typegen` and
  // `tsc --noEmit` have just passed on these same sources: Next's own check would repeat them.
  // `npm run build` and `npm start` never set it, and check types as usual.
  typescript: { ignoreBuildErrors: process.env.TASKDECK_TYPES_CHECKED === "1" },
};

module.exports = withNextIntl(nextConfig);
