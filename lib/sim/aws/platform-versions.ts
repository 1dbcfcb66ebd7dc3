/**
 * Fargate platform versions that AWS retires on a published date, with the dates per partition.
 * From the retirement date no new task or service may use the version (existing tasks keep
 * running); on the stop date the remaining tasks are stopped.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html
 * (China regions: https://docs.amazonaws.cn/en_us/AmazonECS/latest/developerguide/platform-versions-retired.html)
 * Checked 2026-12-06. Versions 1.0.0–1.2.0 are not listed here: their dates were not re-checked.
 */
import type { OsFamily } from "../model";

export type PlatformRetirement = {
  version: string;
  os: OsFamily;
  /** No new tasks or services from this day (YYYY-MM-DD). */
  retired: string;
  /** Remaining tasks are stopped on this day. */
  stopped: string;
};

const RETIREMENTS: Record<"aws" | "aws-cn", PlatformRetirement[]> = {
  aws: [{ version: "1.3.0", os: "linux", retired: "2026-03-16", stopped: "2026-03-31" }],
  "aws-cn": [{ version: "1.3.0", os: "linux", retired: "2026-06-15", stopped: "2026-06-30" }],
};

/** The retirement of a platform version in a region, or null. Example: ("1.3.0", "linux", "cn-north-1") → June 2026. */
export function platformRetirement(version: string, os: OsFamily, region: string): PlatformRetirement | null {
  const partition = region.startsWith("cn-") ? "aws-cn" : "aws";
  return RETIREMENTS[partition].find((r) => r.version === version && r.os === os) ?? null;
}
