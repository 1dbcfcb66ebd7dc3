import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Dependencies point down (docs/architecture.md, "Layers and the one-way rule"). Four rules, each
// checked on the code as it is and on a planted file that breaks it:
// - nothing under lib/ imports from components/ or app/ (wire types live in lib/<domain>/views.ts);
// - data modules (lib/server/data) import nothing from lib/server/actions: actions call data, and
//   the zod schemas both need live beside their domain (lib/quiz/schemas.ts);
// - a client component ("use client") imports from lib/server only server actions (modules whose
//   first statement is "use server", which the browser reaches as references): never the data
//   layer, the database or the session code, which would be bundled for the browser or fail there;
// - the pure domains import no Node module (node:fs, node:crypto…), so the browser, the CLIs and
//   the server can all run them.
// Test files and the role matrix's rows (*.access.ts) are exempt from the lib/ rules.

const ROOT = process.cwd();
const LIB = path.join(ROOT, "lib");
/** The pure domains: folders and single files. */
const PURE = ["bank", "srs", "sim", "quiz", "study", "progress", "random", "errors.ts", "name-policy.ts"].map(
  (p) => path.join(LIB, p),
);

function sources(target: string, { includeTests = false } = {}): string[] {
  if (!fs.existsSync(target)) return [];
  if (fs.statSync(target).isFile()) return [target];
  return fs.readdirSync(target, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(target, entry.name);
    if (entry.isDirectory())
      return entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".next")
        ? []
        : sources(full, { includeTests });
    if (!/\.tsx?$/.test(entry.name)) return [];
    return includeTests || !/\.(test|access)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["']([^"']+)["']/g;

/** Every module a file imports (static, dynamic, side-effect and require), as written. */
function importsOf(file: string): string[] {
  return [...fs.readFileSync(file, "utf8").matchAll(SPECIFIER)].map((m) => m[1] as string);
}

/** The file an import resolves to inside the project, or null for a package. */
function resolved(from: string, specifier: string, root: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return base;
}

const firstStatementIs = (file: string, directive: string) =>
  new RegExp(`^(?:\\s|//[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)*["']${directive}["']`).test(
    fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "",
  );

const IMPORT_UPWARD = /^(@\/(components|app)\/|(\.\.\/)+(components|app)\/)/;

/** The files under `root` that import from components/ or app/. */
function upwardImports(root: string): string[] {
  return sources(root).filter((file) => importsOf(file).some((s) => IMPORT_UPWARD.test(s)));
}

/** The data modules under `root` that import a module of lib/server/actions. */
function dataImportingActions(root: string, project = ROOT): string[] {
  const actions = path.join(project, "lib", "server", "actions") + path.sep;
  return sources(root).filter((file) =>
    importsOf(file).some((s) => (resolved(file, s, project) ?? "").startsWith(actions)),
  );
}

/** "file → module" for each import of lib/server by a "use client" file under `root`, other than a server action. */
function clientImportsOfServer(root: string, project = ROOT): string[] {
  const server = path.join(project, "lib", "server") + path.sep;
  return sources(root, { includeTests: false })
    .filter((file) => firstStatementIs(file, "use client"))
    .flatMap((file) =>
      importsOf(file)
        .filter((s) => {
          const target = resolved(file, s, project);
          return target?.startsWith(server) && !firstStatementIs(target, "use server");
        })
        .map((s) => `${path.relative(project, file)} → ${s}`),
    );
}

const isNodeModule = (specifier: string) =>
  specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0] as string);

/** "file → module" for each Node module a file under `targets` imports. */
function nodeImports(targets: string[]): string[] {
  return targets.flatMap((target) =>
    sources(target).flatMap((file) =>
      importsOf(file)
        .filter(isNodeModule)
        .map((s) => `${path.relative(ROOT, file)} → ${s}`),
    ),
  );
}

/** Runs `check` on a temporary folder under `parent` holding `files`, then removes it. */
function planted<T>(parent: string, files: Record<string, string>, check: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(parent, ".import-direction-"));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return check(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("lib/ imports nothing from components/ or app/", () => {
  it("holds for the code as it is", () => {
    expect(upwardImports(LIB)).toEqual([]);
  });

  it("finds a planted upward import", () => {
    planted(LIB, { "planted.ts": 'import type { RunnerView } from "@/components/quiz/types";\n' }, (dir) =>
      expect(upwardImports(dir)).toEqual([path.join(dir, "planted.ts")]),
    );
  });
});

describe("data modules import nothing from lib/server/actions", () => {
  const data = path.join(LIB, "server", "data");

  it("holds for the code as it is", () => {
    expect(dataImportingActions(data)).toEqual([]);
  });

  it("finds a planted import of an action's module, by alias or relative path", () => {
    planted(
      data,
      {
        "by-alias.ts": 'import type { X } from "@/lib/server/actions/study-schemas";\n',
        "relative.ts": 'import { gradeCore } from "../../actions/study-core";\n',
        "fine.ts": 'import { readQuizFilters } from "../json-columns";\n',
      },
      (dir) =>
        expect(dataImportingActions(dir).sort()).toEqual([
          path.join(dir, "by-alias.ts"),
          path.join(dir, "relative.ts"),
        ]),
    );
  });
});

describe("client components import nothing from lib/server but server actions", () => {
  it("holds for the code as it is", () => {
    expect(
      [path.join(ROOT, "components"), path.join(ROOT, "app"), LIB].flatMap((root) =>
        clientImportsOfServer(root),
      ),
    ).toEqual([]);
  });

  it("finds a planted client component that imports the database or the session, and allows an action", () => {
    planted(
      path.join(ROOT, "components"),
      {
        "planted.tsx": [
          '"use client";',
          'import { prisma } from "@/lib/server/db";',
          'import type { ActingUser } from "../../lib/server/auth/acting-user";',
          'import { buryAction } from "@/lib/server/actions/study";',
          "",
        ].join("\n"),
        "server-leaf.tsx": 'import { prisma } from "@/lib/server/db";\n',
      },
      (dir) => {
        const rel = path.relative(ROOT, path.join(dir, "planted.tsx"));
        expect(clientImportsOfServer(dir)).toEqual([
          `${rel} → @/lib/server/db`,
          `${rel} → ../../lib/server/auth/acting-user`,
        ]);
      },
    );
  });
});

describe("the pure domains import no Node module", () => {
  it("holds for the code as it is", () => {
    expect(nodeImports(PURE)).toEqual([]);
  });

  it("finds a planted node: import, a bare built-in and a require", () => {
    planted(
      path.join(LIB, "quiz"),
      {
        "planted.ts": [
          'import { randomBytes } from "node:crypto";',
          'import fs from "fs";',
          'const path = require("path");',
          'import { z } from "zod";',
          "",
        ].join("\n"),
      },
      (dir) => {
        const rel = path.relative(ROOT, path.join(dir, "planted.ts"));
        expect(nodeImports([dir])).toEqual([`${rel} → node:crypto`, `${rel} → fs`, `${rel} → path`]);
      },
    );
  });
});
