import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import type { AccessRow } from "./types";

// Finds every door the matrix must cover, by reading the source rather than trusting a list:
// modules whose first statement is "use server" (each exported function is a server action) and
// app/**/route.ts files (each exported HTTP method is a route handler). Inline "use server"
// functions are reported too: the matrix cannot call them, so they are not allowed.

const SCANNED = ["app", "components", "lib"];
// Build output and generated code only: a source folder of any other name (lib/server/data
// included) is read, so a "use server" module cannot hide in it.
const SKIPPED = new Set(["node_modules", ".next", "generated", "test-results", "playwright-report"]);
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const SOURCE = /\.(ts|tsx|mts|js|jsx|mjs)$/;

/** Every source file under app/, components/ and lib/, relative to `root`, with / separators. */
export function listSourceFiles(root: string = process.cwd()): string[] {
  const files: string[] = [];
  const visit = (relative: string) => {
    const absolute = path.join(root, relative);
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (SOURCE.test(entry.name)) files.push(child);
    }
  };
  for (const folder of SCANNED) if (fs.existsSync(path.join(root, folder))) visit(folder);
  return files.sort();
}

function isUseServer(statement: ts.Statement | undefined): boolean {
  return (
    statement !== undefined &&
    ts.isExpressionStatement(statement) &&
    ts.isStringLiteral(statement.expression) &&
    statement.expression.text === "use server"
  );
}

function modifierKinds(node: ts.Node): ts.SyntaxKind[] {
  return ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []).map((modifier) => modifier.kind) : [];
}

function bindingNames(name: ts.BindingName, into: string[]): void {
  if (ts.isIdentifier(name)) into.push(name.text);
  else
    for (const element of name.elements)
      if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
}

/** Names a module exports (default included), from its syntax alone. */
export function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement)) names.push("default");
    else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) if (!element.isTypeOnly) names.push(element.name.text);
      } else names.push("*");
    } else if (modifierKinds(statement).includes(ts.SyntaxKind.ExportKeyword)) {
      if (modifierKinds(statement).includes(ts.SyntaxKind.DefaultKeyword)) names.push("default");
      else if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations)
          bindingNames(declaration.name, names);
      } else if (ts.isClassDeclaration(statement) && statement.name) names.push(statement.name.text);
    }
  }
  return names;
}

/** Lines of functions that declare "use server" in their own body (inline server actions). */
function inlineServerActions(source: ts.SourceFile): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    const body =
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
        ? node.body
        : undefined;
    if (body && ts.isBlock(body) && isUseServer(body.statements[0])) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

export type Door = { target: string; kind: "server action" | "route handler" };
export type Discovery = { doors: Door[]; inlineActions: string[] };

/** The server actions and route handlers in `files` (paths relative to `root`). */
export function discoverDoors(files: string[], root: string = process.cwd()): Discovery {
  const doors: Door[] = [];
  const inlineActions: string[] = [];
  for (const file of files) {
    if (/\.(test|spec|access)\.[mc]?[jt]sx?$/.test(file)) continue;
    const text = fs.readFileSync(path.join(root, file), "utf8");
    if (!text.includes("use server") && !/(^|\/)route\.[mc]?[jt]sx?$/.test(file)) continue;
    // Parsed by extension: as TSX, a .ts file's generic arrow (`<R>(x: R) => …`) reads as JSX and
    // the exports after it were missed.
    const kind = /\.[mc]?tsx$/.test(file)
      ? ts.ScriptKind.TSX
      : /\.[mc]?jsx?$/.test(file)
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    if (isUseServer(source.statements[0])) {
      for (const name of exportedNames(source))
        doors.push({ target: `${file}#${name}`, kind: "server action" });
    }
    for (const line of inlineServerActions(source)) inlineActions.push(`${file}:${line}`);
    if (file.startsWith("app/") && /(^|\/)route\.[mc]?[jt]sx?$/.test(file)) {
      for (const name of exportedNames(source)) {
        if (HTTP_METHODS.has(name)) doors.push({ target: `${file}#${name}`, kind: "route handler" });
      }
    }
  }
  return { doors, inlineActions };
}

/** Every `*.access.ts` file's `accessRows`, the matrix's registry. */
export async function loadAccessRows(
  root: string = process.cwd(),
): Promise<Array<AccessRow & { source: string }>> {
  const rows: Array<AccessRow & { source: string }> = [];
  for (const file of listSourceFiles(root).filter((name) => /\.access\.tsx?$/.test(name))) {
    const module = (await import(pathToFileURL(path.join(root, file)).href)) as { accessRows?: AccessRow[] };
    if (!Array.isArray(module.accessRows)) throw new Error(`${file} must export accessRows: AccessRow[]`);
    for (const row of module.accessRows) rows.push({ ...row, source: file });
  }
  return rows;
}
