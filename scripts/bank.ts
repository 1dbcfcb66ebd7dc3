// `npm run bank -- <check|stale|reports|import|export> …`: the bank engine's command line, with compiler-style
// output (file:line:col, the line, a caret, the hint). Run `npm run bank -- --help` for usage.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  type CheckSummary,
  checkBanks,
  exportAnki,
  exportMarkdown,
  type Finding,
  type ImportFormat,
  importBank,
  parseBank,
  STALE_AFTER_DAYS,
  type StaleEntry,
  staleList,
  TRANSLATION_LANGUAGES,
  translationFileOf,
} from "../lib/bank";
import { validateSimBlock as validateSim } from "../lib/sim";
import { listReports, openExistingDatabase, questionUsage, type ReportRow } from "./bank-db";

const USAGE = `Usage:
  npm run bank -- check [paths…] [--json]        check banks (default path: content)
  npm run bank -- stale [paths…] [--limit N] [--db <file:url> | --no-db] [--json]
                                                  what to re-check first: undated, oldest, most studied, most reported
  npm run bank -- reports [paths…] [--all] [--db <file:url>] [--json]
                                                  learners' open reports, by question and file:line
  npm run bank -- import <file> [--format auto|gfm|quizdown|obsidian|gift|anki] [--out <file>]
  npm run bank -- export <bank.md> --format markdown|anki [--out <file>]`;

const IMPORT_FORMATS = ["auto", "gfm", "quizdown", "obsidian", "gift", "anki"];
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
  if (f.hint) out.push(`  ${paint("36", "hint:")} ${f.hint}`);
  return out.join("\n");
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
    for (const f of result.findings) console.log(`${formatFinding(f, sources.get(f.file))}\n`);
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

function importCommand(args: Args): number {
  const file = args.positional[0];
  const format = String(args.flags.get("format") ?? "auto");
  if (!file || !IMPORT_FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  const result = importBank(new TextDecoder().decode(bytes), { file, format: format as ImportFormat });
  if (result.markdown === "") {
    for (const f of result.findings) console.error(formatFinding(f));
    return 1;
  }
  writeOut(args.flags.get("out"), result.markdown);
  const source = linesOf(bytes);
  const count = (result.markdown.match(/^## |^- .*\{#[^}]*\}/gm) ?? []).length;
  console.error(`Imported ${file} as ${result.format}: ${count} questions and cards written.`);
  for (const d of result.dropped)
    console.error(`${file}:${d.line}: ${paint("1;33", "dropped")}: ${d.reason}`);
  for (const f of result.findings) console.error(`${formatFinding(f, source)}\n`);
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

function exportCommand(args: Args): number {
  const file = args.positional[0];
  const format = args.flags.get("format");
  if (!file || (format !== "markdown" && format !== "anki")) {
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
