// `npm run bank -- <check|stale|reports|import|export> …`: the bank engine's command line, with compiler-style
// output (file:line:col, the line, a caret, the hint). Run `npm run bank -- --help` for usage.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  assetReferences,
  type CheckSummary,
  checkBanks,
  countByCode,
  exportAnki,
  exportMarkdown,
  type Finding,
  makeFinding,
  PRINTED_FINDINGS,
  parseBank,
  STALE_AFTER_DAYS,
  type StaleEntry,
  staleList,
  TRANSLATION_LANGUAGES,
  translationFileOf,
} from "../lib/bank";
import { bankToApkg } from "../lib/server/banks/anki-export";
import { type ConvertFormat, convertToBank, isAnkiPackage } from "../lib/server/banks/convert";
import { validateSimBlock as validateSim } from "../lib/sim";
import { listReports, openExistingDatabase, questionUsage, type ReportRow } from "./bank-db";

const USAGE = `Usage:
  npm run bank -- check [paths…] [--all] [--json]
                                                  check banks (default path: content); the first
                                                  ${PRINTED_FINDINGS} findings are printed (errors first), --all prints
                                                  every one, --json lists every one
  npm run bank -- stale [paths…] [--limit N] [--db <file:url> | --no-db] [--json]
                                                  what to re-check first: undated, oldest, most studied, most reported
  npm run bank -- reports [paths…] [--all] [--db <file:url>] [--json]
                                                  learners' open reports, by question and file:line
  npm run bank -- import <file> [--format auto|gfm|quizdown|obsidian|gift|anki|apkg] [--out <file>] [--all]
                                                  findings point at the converted file (--out) and
                                                  name the source line; images are copied beside it
  npm run bank -- export <bank.md> --format markdown|anki|apkg [--out <file>]`;

const IMPORT_FORMATS = ["auto", "gfm", "quizdown", "obsidian", "gift", "anki", "apkg"];
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);

type Args = { positional: string[]; flags: Map<string, string | true> };

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name = "", inline] = arg.slice(2).split(/=(.*)/s);
    if (name === "json" || name === "help" || name === "all" || name === "no-db") flags.set(name, true);
    else if (inline !== undefined) flags.set(name, inline);
    else flags.set(name, argv[++i] ?? "");
  }
  return { positional, flags };
}

/**
 * Every `*.md` (but README.md) under the given files and directories, in a stable order. A bank
 * named on its own brings its translations (`iam.md` → `iam.ko.md`), so they are checked with it.
 */
export function collectBanks(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) throw new Error(`No such file or directory: ${p}`);
    if (stat.isFile()) {
      out.push(p);
      if (!translationFileOf(p) && p.endsWith(".md")) {
        for (const language of TRANSLATION_LANGUAGES) {
          const translation = p.replace(/\.md$/, `.${language}.md`);
          if (fs.existsSync(translation) && !paths.includes(translation)) out.push(translation);
        }
      }
      return;
    }
    for (const entry of fs
      .readdirSync(p, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith(".md") && entry.name.toLowerCase() !== "readme.md")
        out.push(child);
    }
  };
  for (const p of paths) walk(p);
  return [...new Set(out)];
}

/** A progress bar on stderr, drawn only when stderr is a terminal. */
function progress(label: string): { update: (done: number, total: number) => void; end: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, end: () => {} };
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / Math.max(1, total)) * width);
      process.stderr.write(
        `\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}`,
      );
    },
    end() {
      process.stderr.write("\r\x1b[K");
    },
  };
}

/** `file:line:col: error: message [code]`, the offending line, a caret under the column, the hint. */
export function formatFinding(f: Finding, sourceLines?: string[]): string {
  const severity = f.severity === "error" ? paint("1;31", "error") : paint("1;33", "warning");
  const out = [`${paint("1", `${f.file}:${f.line}:${f.column}:`)} ${severity}: ${f.message} [${f.code}]`];
  const line = sourceLines?.[f.line - 1];
  if (line !== undefined) {
    const shown = line.length > 200 ? `${line.slice(0, 200)}…` : line;
    const caretAt = Math.min(f.column - 1, shown.length);
    out.push(`  ${shown}`, `  ${shown.slice(0, caretAt).replace(/[^\t]/g, " ")}${paint("1;32", "^")}`);
  }
  if (f.source)
    out.push(
      `  ${paint("36", "from:")} ${f.source.file}:${f.source.line} (the question's start in the source)`,
    );
  if (f.hint) out.push(`  ${paint("36", "hint:")} ${f.hint}`);
  return out.join("\n");
}

/**
 * Prints findings, errors first, at most PRINTED_FINDINGS unless `all`: the cap is on what is
 * printed only; every finding is checked, counted in the summary and listed by --json.
 */
export function printFindings(
  findings: Finding[],
  sourceOf: (file: string) => string[] | undefined,
  options: { all?: boolean; write?: (text: string) => void } = {},
): void {
  const write = options.write ?? ((text: string) => console.log(text));
  const ordered = [
    ...findings.filter((f) => f.severity === "error"),
    ...findings.filter((f) => f.severity !== "error"),
  ];
  const shown = options.all ? ordered : ordered.slice(0, PRINTED_FINDINGS);
  for (const f of shown) write(`${formatFinding(f, sourceOf(f.file))}\n`);
  const rest = ordered.length - shown.length;
  if (rest > 0)
    write(
      `… and ${rest.toLocaleString("en")} more ${rest === 1 ? "finding" : "findings"} not printed (counted below; --all prints them, --json lists them).\n`,
    );
}

/** "  589 × missing-rationale (warning)" per code, errors first, then the commonest. */
export function formatCounts(byCode: CheckSummary["byCode"]): string[] {
  return byCode.map((c) => `  ${c.count.toLocaleString("en")} × ${c.code} (${c.severity})`);
}

function linesOf(bytes: Uint8Array): string[] {
  return new TextDecoder()
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .split(/\r\n?|\n/);
}

function printSummary(summary: CheckSummary): void {
  const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
  console.log(
    `${plural(summary.banks, "bank")}, ${plural(summary.questions, "question")}, ${plural(summary.flashcards, "flashcard")}: ` +
      `${paint(summary.errors ? "1;31" : "32", plural(summary.errors, "error"))}, ${plural(summary.warnings, "warning")}`,
  );
  for (const line of formatCounts(summary.byCode)) console.log(line);
  for (const [topic, counts] of Object.entries(summary.byTopic).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `  ${topic}: ${plural(counts.questions, "question")}, ${plural(counts.flashcards, "flashcard")}`,
    );
  }
  const share = `${Math.round(summary.simulated.share * 100)}%`;
  console.log(
    `  with a sim scenario: ${summary.simulated.questions} of ${summary.questions} questions (${share})`,
  );
  const items = summary.questions + summary.flashcards;
  console.log(`  dated (verified:): ${summary.dated} of ${items} questions and flashcards`);
}

/** The banks under the given paths that load (a bank with errors is left out; `check` says why). */
function loadBanks(paths: string[]) {
  const files = collectBanks(paths.length > 0 ? paths : ["content"]);
  const inputs = files.map((file) => ({ file, text: new Uint8Array(fs.readFileSync(file)) }));
  const result = checkBanks(inputs, { validateSim });
  const failed = files.filter((f) => !result.banks.some((b) => b.file === f));
  for (const f of failed) console.error(`${f} has errors and is left out: run npm run bank -- check ${f}`);
  return result.banks;
}

function databaseFor(args: Args) {
  if (args.flags.has("no-db")) return { db: null, label: "none (--no-db): files only" };
  const url = args.flags.get("db");
  const db = openExistingDatabase(typeof url === "string" && url !== "" ? url : undefined);
  return {
    db,
    label: db
      ? String(url && url !== true ? url : (process.env.DATABASE_URL ?? "file:./data/taskdeck.db"))
      : "none found: files only",
  };
}

/** One line per entry: where, when verified, how used, id and title. */
export function formatStale(entries: StaleEntry[], withCounts: boolean): string[] {
  return entries.map((e) => {
    const when = e.verified ? `${e.verified} (${e.ageDays} days)` : "not dated";
    const counts = withCounts ? `  studied ${e.studied}  reported ${e.reported}` : "";
    const old = e.ageDays === null || e.ageDays > STALE_AFTER_DAYS ? paint("1;33", when) : when;
    return `${e.file}:${e.line}  ${old}${counts}  ${e.id}  ${e.title}`;
  });
}

async function staleCommand(args: Args): Promise<number> {
  const banks = loadBanks(args.positional);
  const { db, label } = databaseFor(args);
  let usage: Awaited<ReturnType<typeof questionUsage>> | undefined;
  let databaseLabel = label;
  try {
    usage = db ? await questionUsage(db) : undefined;
  } catch (error) {
    // A database file that was never migrated (no tables yet) has nothing to add: rank the files alone.
    if ((error as { code?: string }).code !== "P2021") throw error;
    databaseLabel = `${label} has no Taskdeck tables yet (run npm run release): files only`;
  } finally {
    await db?.$disconnect();
  }
  const entries = staleList(banks, new Date(), usage);
  const limitFlag = args.flags.get("limit");
  const limit = typeof limitFlag === "string" && /^\d+$/.test(limitFlag) ? Number(limitFlag) : 25;
  const shown = limit === 0 ? entries : entries.slice(0, limit);
  if (args.flags.has("json")) {
    console.log(JSON.stringify({ database: usage ? databaseLabel : null, entries: shown }, null, 2));
    return 0;
  }
  const undated = entries.filter((e) => e.verified === null).length;
  const old = entries.filter((e) => e.ageDays !== null && e.ageDays > STALE_AFTER_DAYS).length;
  console.log(
    `${entries.length} questions and flashcards: ${undated} not dated, ${old} verified more than ${STALE_AFTER_DAYS} days ago. Database: ${databaseLabel}.`,
  );
  console.log(
    `Re-check first (${shown.length === entries.length ? "all" : `the first ${shown.length}; --limit 0 for all`}):`,
  );
  for (const line of formatStale(shown, usage !== undefined)) console.log(`  ${line}`);
  return 0;
}

/** Reports grouped by question, each question with its file:line (or a note that it left the banks). */
export function formatReports(
  reports: ReportRow[],
  where: ReadonlyMap<string, { file: string; line: number; title: string }>,
): string[] {
  const byQuestion = new Map<string, ReportRow[]>();
  for (const r of reports) byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);
  const out: string[] = [];
  for (const [id, rows] of byQuestion) {
    const at = where.get(id);
    out.push(
      at
        ? `${at.file}:${at.line}  ${id}  ${at.title}  (${rows.length} report${rows.length === 1 ? "" : "s"})`
        : `(not in these banks)  ${id}  (${rows.length} report${rows.length === 1 ? "" : "s"})`,
    );
    for (const r of rows) {
      const state = r.resolvedAt ? ` [resolved ${r.resolvedAt.toISOString().slice(0, 10)}]` : "";
      out.push(
        `  #${r.id} ${r.createdAt.toISOString().slice(0, 10)} ${r.reason}${state}: ${r.message.replace(/\s+/g, " ").trim()}`,
      );
    }
  }
  return out;
}

async function reportsCommand(args: Args): Promise<number> {
  const banks = loadBanks(args.positional);
  const { db, label } = databaseFor(args);
  if (!db) {
    console.log(`No database (${label}): learners' reports live in the app's database; nothing to list.`);
    return 0;
  }
  let reports: ReportRow[];
  try {
    reports = await listReports(db, { all: args.flags.has("all") });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2021") throw error;
    console.log(`The database (${label}) has no Taskdeck tables yet (run npm run release): nothing to list.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
  const where = new Map(
    banks.flatMap((b) =>
      b.questions.map((q) => [q.id, { file: b.file, line: q.line, title: q.title }] as const),
    ),
  );
  if (args.flags.has("json")) {
    console.log(
      JSON.stringify(
        reports.map((r) => ({ ...r, at: where.get(r.questionId) ?? null })),
        null,
        2,
      ),
    );
    return 0;
  }
  const questions = new Set(reports.map((r) => r.questionId)).size;
  console.log(
    `${reports.length} ${args.flags.has("all") ? "" : "open "}report${reports.length === 1 ? "" : "s"} on ${questions} question${questions === 1 ? "" : "s"}. Database: ${label}.`,
  );
  for (const line of formatReports(reports, where)) console.log(line);
  return 0;
}

function check(args: Args): number {
  const files = collectBanks(args.positional.length > 0 ? args.positional : ["content"]);
  const inputs = files.map((file) => ({ file, text: new Uint8Array(fs.readFileSync(file)) }));
  const bar = progress("Checking");
  const result = checkBanks(inputs, { validateSim, onProgress: bar.update, now: new Date() });
  bar.end();
  if (args.flags.has("json")) {
    console.log(JSON.stringify({ summary: result.summary, findings: result.findings }, null, 2));
  } else {
    const sources = new Map(inputs.map((i) => [i.file, linesOf(i.text)]));
    printFindings(result.findings, (file) => sources.get(file), { all: args.flags.has("all") });
    printSummary(result.summary);
    const items = result.banks.flatMap((bank) => bank.questions);
    for (const language of TRANSLATION_LANGUAGES) {
      const translated = items.filter((q) => q.translations?.[language]).length;
      if (translated > 0)
        console.log(`  in ${language}: ${translated} of ${items.length} questions and flashcards`);
    }
  }
  return result.summary.errors > 0 ? 1 : 0;
}

function writeOut(out: string | true | undefined, text: string): void {
  if (typeof out === "string" && out !== "") {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, text);
  } else process.stdout.write(text);
}

/**
 * Carries the files a converted bank refers to (images, sounds) beside the converted file: each
 * one `fileOf` finds (beside the source, or inside an .apkg) is written to the same relative path
 * beside `outFile`; one that is missing, climbs out of the bank's folder, or cannot be written
 * (no --out) is a `missing-asset` warning at its line. Never drops one silently.
 */
export function carryAssets(
  markdown: string,
  fileOf: (relative: string) => Uint8Array | null,
  where: string,
  outFile: string | undefined,
  reportAs: string,
): { copied: string[]; findings: Finding[] } {
  const { files, unsafe } = assetReferences(markdown);
  const copied: string[] = [];
  const findings: Finding[] = [];
  const warn = (line: number, column: number, message: string, hint: string) =>
    findings.push(makeFinding(reportAs, "missing-asset", line, column, message, hint));
  for (const ref of unsafe)
    warn(
      ref.line,
      ref.column,
      `${ref.path} is outside the bank's folder: not carried`,
      "Put the file in the bank's folder (or below it) and refer to it by a relative path.",
    );
  const done = new Set<string>();
  for (const ref of files) {
    const bytes = fileOf(ref.path);
    if (!bytes) {
      warn(
        ref.line,
        ref.column,
        `${ref.path} is not in ${where}: learners will not see it`,
        "Put the file there and import again, or refer to it by an https:// URL.",
      );
      continue;
    }
    if (!outFile) {
      warn(
        ref.line,
        ref.column,
        `${ref.path} was not copied: the bank went to standard output`,
        "Give --out <file> and the file is copied beside it.",
      );
      continue;
    }
    if (done.has(ref.path)) continue;
    done.add(ref.path);
    const to = path.resolve(path.dirname(outFile), ref.path);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, bytes);
    copied.push(path.relative(process.cwd(), to));
  }
  return { copied, findings };
}

/** A file beside the source, by the relative path a bank uses; null when there is none. */
function besideSource(sourceFile: string) {
  return (relative: string): Uint8Array | null => {
    const full = path.resolve(path.dirname(sourceFile), relative);
    return fs.existsSync(full) && fs.statSync(full).isFile() ? new Uint8Array(fs.readFileSync(full)) : null;
  };
}

function importCommand(args: Args): number {
  const file = args.positional[0];
  const format = String(args.flags.get("format") ?? "auto");
  if (!file || !IMPORT_FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const outFlag = args.flags.get("out");
  const outFile = typeof outFlag === "string" && outFlag !== "" ? outFlag : undefined;
  const reportAs = outFile ?? "<stdout>";
  const bytes = new Uint8Array(fs.readFileSync(file));
  const input = { fileName: file, bytes, format: format as ConvertFormat };
  const isPackage = isAnkiPackage(input);
  const converted = convertToBank(input, { outFile: reportAs });
  if (!converted.ok) {
    const sourceLines = isPackage ? undefined : linesOf(bytes);
    for (const d of converted.dropped)
      console.error(`${file}:${d.line}: ${paint("1;33", "dropped")}: ${d.reason}`);
    printFindings(converted.findings, () => sourceLines, {
      all: args.flags.has("all"),
      write: (t) => console.error(t),
    });
    const errors = converted.findings.filter((f) => f.severity === "error").length;
    console.error(`${errors} ${errors === 1 ? "error" : "errors"}: nothing written.`);
    return 1;
  }
  writeOut(outFile, converted.markdown);
  const assets = carryAssets(
    converted.markdown,
    converted.mediaFile ?? besideSource(file),
    isPackage ? `the package ${file}` : `the folder of ${file}`,
    outFile,
    reportAs,
  );
  const findings = [...converted.findings, ...assets.findings].sort((a, b) => a.line - b.line);
  const lines = converted.markdown.split("\n");
  const count = converted.bank.questions.length;
  console.error(
    `Imported ${file} as ${converted.format}: ${count} questions and cards written to ${reportAs}.`,
  );
  for (const d of converted.dropped)
    console.error(`${file}${isPackage ? ", note" : ""}:${d.line}: ${paint("1;33", "dropped")}: ${d.reason}`);
  if (converted.anki) {
    const h = converted.anki.history;
    console.error(
      `Anki ${converted.anki.format}: ${converted.anki.notes} notes; ${converted.anki.written.flashcards} flashcards (${converted.anki.written.reversible} both ways), ${converted.anki.written.cloze} cloze.`,
    );
    console.error(
      h.reviews > 0
        ? `Review history: ${h.reviews} reviews of ${h.cards} cards (${h.first} to ${h.last}) are in the package; a bank is shared, so they are not written as anyone's history (each card keeps its Anki state as its srs: hint).`
        : "Review history: none in the package.",
    );
  }
  printFindings(findings, () => lines, { all: args.flags.has("all"), write: (t) => console.error(t) });
  if (assets.copied.length > 0)
    console.error(`Copied ${assets.copied.length} file(s) beside it: ${assets.copied.join(", ")}`);
  const counts = countByCode(findings);
  if (counts.length > 0) console.error(formatCounts(counts).join("\n"));
  console.error("No errors: the bank loads (warnings are advice).");
  return 0;
}

function exportCommand(args: Args): number {
  const file = args.positional[0];
  const format = args.flags.get("format");
  if (!file || (format !== "markdown" && format !== "anki" && format !== "apkg")) {
    console.error(USAGE);
    return 2;
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  const { bank, findings } = parseBank(bytes, { file, validateSim });
  if (!bank) {
    const source = linesOf(bytes);
    for (const f of findings) console.error(`${formatFinding(f, source)}\n`);
    console.error(`${file} has errors; nothing exported.`);
    return 1;
  }
  if (format === "apkg") {
    const out = args.flags.get("out");
    if (typeof out !== "string" || out === "") {
      console.error("An .apkg is a binary file: give --out <file.apkg>.");
      return 2;
    }
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, bankToApkg(bank));
    console.error(
      `Wrote ${out}: ${bank.questions.length} questions and cards as an Anki package (File → Import in Anki).`,
    );
    return 0;
  }
  writeOut(args.flags.get("out"), format === "anki" ? exportAnki(bank) : exportMarkdown(bank));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const args = parseArgs(rest);
  if (!command || command === "--help" || command === "-h" || args.flags.has("help")) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (command === "check") return check(args);
    if (command === "stale") return await staleCommand(args);
    if (command === "reports") return await reportsCommand(args);
    if (command === "import") return importCommand(args);
    if (command === "export") return exportCommand(args);
  } catch (e) {
    console.error(`bank ${command}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  console.error(`Unknown command "${command}".\n${USAGE}`);
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
