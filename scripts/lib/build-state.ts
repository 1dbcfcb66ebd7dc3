import fs from "node:fs";
import path from "node:path";
import { newestMtime } from "./run";

/** What a production build depends on: a newer file here means `.next` is stale. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
  "public",
];

/** True when there is no production build or a source file is newer than it. */
export function isBuildStale(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return newestMtime(BUILD_INPUTS.map((input) => path.join(root, input))) > builtAt;
}
