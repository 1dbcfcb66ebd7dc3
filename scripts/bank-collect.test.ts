import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collectBanks } from "./bank";

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function folder(names: string[]): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-collect-"));
  for (const name of names) fs.writeFileSync(path.join(dir, name), "---\n---\n");
  return dir;
}

describe("npm run bank -- check <paths>", () => {
  it("checks a bank named on its own together with its Korean file", () => {
    const root = folder(["iam.md", "iam.ko.md", "storage.md"]);
    expect(collectBanks([path.join(root, "iam.md")]).map((f) => path.basename(f))).toEqual([
      "iam.md",
      "iam.ko.md",
    ]);
    expect(collectBanks([path.join(root, "storage.md")]).map((f) => path.basename(f))).toEqual([
      "storage.md",
    ]);
  });

  it("lists each file once when the bank, its translation and their folder are all named", () => {
    const root = folder(["iam.md", "iam.ko.md"]);
    const files = collectBanks([path.join(root, "iam.md"), path.join(root, "iam.ko.md"), root]);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(["iam.ko.md", "iam.md"]);
  });
});
