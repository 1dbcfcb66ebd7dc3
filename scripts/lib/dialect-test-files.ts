import fs from "node:fs";
import path from "node:path";

// Which data-layer test files `npm run test:pg` runs on PostgreSQL. A test reaches PostgreSQL only
// through lib/server/testing/test-database.ts, when it (or a helper it imports, such as the access
// matrix's world) calls one of the functions below; every other test file under lib/server (the
// SQLite-only ones in db/sqlite/, the password hash, origin checks…) does exactly what it did in
// `npm test`, so running it again on the PostgreSQL pass proves nothing more.

/** The functions that open a test database on the dialect the run asks for. */
const OPENS_BY_DIALECT =
  /\b(createTestDatabase|testDialects|createPostgresTestDatabase|testPostgresUrl)\s*\(/;
/** Where those functions are defined (defining them is not calling them). */
const DEFINITIONS = path.join("lib", "server", "testing", "test-database.ts");
const IMPORT = /(?:from\s+|import\s*\(\s*)["']((?:\.{1,2}\/|@\/)[^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The repository file an import names, relative to `root`; null for packages and missing files. */
function resolveImport(root: string, from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : path.resolve(root, path.dirname(from), specifier);
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(root, candidate);
  }
  return null;
}

/** Whether `file` or anything it imports inside the repository opens a test database by dialect. */
export function opensDatabaseByDialect(root: string, file: string): boolean {
  const seen = new Set<string>();
  const queue = [file];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next) || next.includes("generated")) continue;
    seen.add(next);
    const text = fs.readFileSync(path.join(root, next), "utf8");
    if (next !== DEFINITIONS && OPENS_BY_DIALECT.test(text)) return true;
    for (const match of text.matchAll(IMPORT)) {
      const target = match[1] ? resolveImport(root, next, match[1]) : null;
      if (target) queue.push(target);
    }
  }
  return false;
}

/** The test files under `folder` (relative to `root`), split by whether they open a database by dialect. */
export function dialectTestFiles(root: string, folder: string): { byDialect: string[]; same: string[] } {
  const files = fs
    .readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.test\.tsx?$/.test(name))
    .map((name) => path.join(folder, name))
    .sort();
  const byDialect = files.filter((file) => opensDatabaseByDialect(root, file));
  return { byDialect, same: files.filter((file) => !byDialect.includes(file)) };
}
