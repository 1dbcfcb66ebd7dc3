import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isBuildStale } from "./build-state";

// `npm start` and the e2e runner rebuild only when a source is newer than the build: a source they
// miss serves yesterday's code (an edit under lib/server/data/ once went unseen).

let root: string | undefined;
afterEach(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function tree(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-build-state-"));
  for (const file of [".next/BUILD_ID", ...files]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), "x");
  }
  return dir;
}

const touch = (file: string, secondsAfterBuild: number, dir: string) => {
  const built = fs.statSync(path.join(dir, ".next/BUILD_ID")).mtime.getTime();
  const at = new Date(built + secondsAfterBuild * 1000);
  fs.utimesSync(path.join(dir, file), at, at);
};

describe("isBuildStale", () => {
  it("sees an edit in a source folder named data", () => {
    root = tree(["lib/server/data/attempts.ts", "app/page.tsx"]);
    touch("lib/server/data/attempts.ts", -60, root);
    touch("app/page.tsx", -60, root);
    expect(isBuildStale(root)).toBe(false);
    touch("lib/server/data/attempts.ts", 60, root);
    expect(isBuildStale(root)).toBe(true);
  });

  it("ignores the generated Prisma clients, which every test run regenerates", () => {
    root = tree(["lib/generated/prisma/client.ts", "app/page.tsx"]);
    touch("app/page.tsx", -60, root);
    touch("lib/generated/prisma/client.ts", 60, root);
    expect(isBuildStale(root)).toBe(false);
  });
});
