import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Dependencies point down (docs/architecture.md, "Layers and the one-way rule"): nothing under lib/
// imports from components/ or app/. Wire types live in lib/<domain>/views.ts. Test files and the
// role matrix's rows (*.access.ts, which call the app's route handlers to prove who may) are exempt.

const IMPORT_UPWARD = /from\s+["'](@\/(components|app)\/|(\.\.\/)+(components|app)\/)/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|access)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The files under `root` that import from components/ or app/. */
function upwardImports(root: string): string[] {
  return sources(root).filter((file) => IMPORT_UPWARD.test(fs.readFileSync(file, "utf8")));
}

describe("lib/ imports nothing from components/ or app/", () => {
  it("holds for the code as it is", () => {
    expect(upwardImports(path.join(process.cwd(), "lib"))).toEqual([]);
  });

  it("finds a planted upward import", () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), "lib", ".import-direction-"));
    try {
      fs.writeFileSync(
        path.join(dir, "planted.ts"),
        'import type { RunnerView } from "@/components/quiz/types";\n',
      );
      expect(upwardImports(dir)).toEqual([path.join(dir, "planted.ts")]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
