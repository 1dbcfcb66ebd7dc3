import fs from "node:fs";

/**
 * Finds the Chromium the end-to-end tests drive, without ever downloading one:
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE, then Debian's /usr/bin/chromium, then a Chromium that
 * Playwright installed earlier. Returns null when there is none.
 */
export async function findChromium(env = process.env): Promise<string | null> {
  const fromEnv = env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : null;
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright's own browser is optional.
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE = [
  "✖ No Chromium found for the end-to-end tests. Either:",
  "  • install Debian's Chromium:  sudo apt-get update && sudo apt-get install -y chromium",
  "  • or point Taskdeck at one:   PLAYWRIGHT_CHROMIUM_EXECUTABLE=/path/to/chromium npm test",
].join("\n");

/** Flags for headless Chromium on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
