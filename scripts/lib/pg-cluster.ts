// Throwaway PostgreSQL clusters for tests, checks and CI: Debian's binaries, a temporary data
// folder, trust authentication on 127.0.0.1 only, fsync off. Every cluster started here is stopped
// and deleted by stop(), and on process exit or SIGINT/SIGTERM/SIGHUP if stop() was never reached.
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { isPostgresUrl } from "@/lib/server/database-url";
import { quoteIdentifier, withDatabaseName } from "./postgres-url";
import { freePort } from "./run";

export type PgCluster = {
  /** A database made for the caller (`options.database`, default "taskdeck"). */
  url: string;
  /** The `postgres` maintenance database, for creating and dropping others. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop: () => Promise<void>;
};

export type StartOptions = { database?: string; bindir?: string };

const SUPERUSER = "postgres";

/**
 * The folder holding initdb and pg_ctl: POSTGRES_BINDIR, else the newest /usr/lib/postgresql/<major>/bin
 * (Debian keeps them off PATH), else the folder of `pg_ctl` on PATH. Null when PostgreSQL is not installed.
 */
export function findPostgresBin(env: Record<string, string | undefined> = process.env): string | null {
  const has = (dir: string) =>
    fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"));
  if (env.POSTGRES_BINDIR) return has(env.POSTGRES_BINDIR) ? env.POSTGRES_BINDIR : null;
  const root = "/usr/lib/postgresql";
  const majors = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const major of majors) {
    const dir = path.join(root, major, "bin");
    if (has(dir)) return dir;
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter)) if (dir && has(dir)) return dir;
  return null;
}

/** Why no cluster can be started here, or null when one can. */
export function postgresUnavailableReason(): string | null {
  return findPostgresBin()
    ? null
    : "PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on PATH; " +
        "`apt-get install -y postgresql`, or set POSTGRES_BINDIR)";
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (initdb and postgres refuse root). */
function runPg(bindir: string, tool: string, args: string[]): SpawnSyncReturns<string> {
  const binary = path.join(bindir, tool);
  const [command, commandArgs] = isRoot()
    ? ["runuser", ["-u", SUPERUSER, "--", binary, ...args]]
    : [binary, args];
  return spawnSync(command, commandArgs, { encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });
}

function fail(step: string, result: SpawnSyncReturns<string>, log?: string): never {
  const logText = log && fs.existsSync(log) ? `\n${fs.readFileSync(log, "utf8").slice(-2000)}` : "";
  throw new Error(
    `${step} failed (exit ${result.status}): ${result.error?.message ?? ""}${result.stderr}${result.stdout}${logText}`,
  );
}

// Clusters still running in this process, stopped synchronously when the process goes away.
const running = new Map<string, () => void>();
let handlersInstalled = false;

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const stopAll = () => {
    for (const stop of [...running.values()]) stop();
  };
  process.once("exit", stopAll);
  for (const [signal, number] of [
    ["SIGINT", 2],
    ["SIGTERM", 15],
    ["SIGHUP", 1],
  ] as const) {
    process.once(signal, () => {
      stopAll();
      process.exit(128 + number);
    });
  }
}

/**
 * Starts a fresh cluster on a free loopback port and creates one database in it.
 * @example const pgc = await startPostgres(); try { … pgc.url … } finally { await pgc.stop(); }
 */
export async function startPostgres(options: StartOptions = {}): Promise<PgCluster> {
  const bindir = options.bindir ?? findPostgresBin();
  if (!bindir) throw new Error(postgresUnavailableReason() ?? "PostgreSQL is not installed");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-pg-"));
  const dataDir = path.join(root, "data");
  const socketDir = path.join(root, "socket");
  const log = path.join(root, "server.log");
  fs.mkdirSync(socketDir);
  if (isRoot()) {
    const uid = Number(spawnSync("id", ["-u", SUPERUSER], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
      fs.rmSync(root, { recursive: true, force: true });
      throw new Error(
        `Running as root needs the "${SUPERUSER}" system user (Debian's postgresql package makes it)`,
      );
    }
    for (const target of [root, socketDir]) fs.chownSync(target, uid, gid);
  }
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    running.delete(root);
    if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
      runPg(bindir, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  running.set(root, stopSync);
  installExitHandlers();
  try {
    const init = runPg(bindir, "initdb", [
      "-D",
      dataDir,
      "-U",
      SUPERUSER,
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    if (init.status !== 0) fail("initdb", init);
    let port = 0;
    // A port found free can be taken before the server binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOptions = [
        `-p ${port}`,
        `-k ${socketDir}`,
        "-c listen_addresses=127.0.0.1",
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
      ].join(" ");
      const start = runPg(bindir, "pg_ctl", [
        "-D",
        dataDir,
        "-l",
        log,
        "-w",
        "-t",
        "60",
        "-o",
        serverOptions,
        "start",
      ]);
      if (start.status === 0) break;
      if (attempt === 3) fail("pg_ctl start", start, log);
    }
    const adminUrl = `postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    const url = await createDatabase(adminUrl, options.database ?? "taskdeck");
    return {
      url,
      adminUrl,
      port,
      dataDir,
      stop: async () => stopSync(),
    };
  } catch (error) {
    stopSync();
    throw error;
  }
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server `url` points at; resolves to the new database's URL. */
export async function createDatabase(url: string, name: string): Promise<string> {
  await withClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  return withDatabaseName(url, name);
}

/** Drops database `name` on the server `url` points at, ending its sessions first. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

/**
 * A PostgreSQL server to run schema-engine commands against: the server of a PostgreSQL
 * DATABASE_URL when one is given (only its connection is used; the schema engine works in a shadow
 * database it creates and drops), else a throwaway cluster when PostgreSQL is installed here.
 * Null, with the reason, when neither.
 */
export async function scratchPostgres(
  env: Record<string, string | undefined> = process.env,
): Promise<{ url: string; stop: () => Promise<void>; origin: string } | { url: null; reason: string }> {
  const given = env.DATABASE_URL?.trim();
  if (given && isPostgresUrl(given)) {
    return { url: given, stop: async () => {}, origin: "the server DATABASE_URL names" };
  }
  const unavailable = postgresUnavailableReason();
  if (unavailable) return { url: null, reason: unavailable };
  const cluster = await startPostgres();
  return { url: cluster.url, stop: cluster.stop, origin: `a throwaway cluster on port ${cluster.port}` };
}
