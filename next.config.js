// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Security headers (CSP with a per-request nonce) are set in proxy.ts.
  serverExternalPackages: ["better-sqlite3", "pg"],
};

module.exports = nextConfig;
