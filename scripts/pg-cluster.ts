// A throwaway PostgreSQL cluster around one command, for CI and for trying Taskdeck on PostgreSQL:
//   tsx scripts/pg-cluster.ts run -- <command…>   start a cluster, run the command with DATABASE_URL
//                                                 set to a fresh database in it, stop the cluster,
//                                                 exit with the command's code
//   tsx scripts/pg-cluster.ts start               start one and keep it until Ctrl-C (prints the URL)
// The command also gets PG_ADMIN_URL (the maintenance database, to create more databases).
import { spawn } from "node:child_process";
import { postgresUnavailableReason, startPostgres } from "./lib/pg-cluster";

const USAGE = "Usage: tsx scripts/pg-cluster.ts run -- <command…>   |   tsx scripts/pg-cluster.ts start";

async function main() {
  const [mode, ...rest] = process.argv.slice(2);
  const command = rest[0] === "--" ? rest.slice(1) : rest;
  if ((mode !== "run" || command.length === 0) && mode !== "start") {
    console.error(USAGE);
    process.exit(2);
  }
  const unavailable = postgresUnavailableReason();
  if (unavailable) {
    console.error(`✖ ${unavailable}`);
    process.exit(1);
  }
  // Registered before the cluster's own exit handlers, so a TERM sent to us alone reaches the
  // command first (Ctrl-C reaches it through the terminal anyway).
  let child: ReturnType<typeof spawn> | null = null;
  process.on("SIGTERM", () => child?.kill("SIGTERM"));
  const started = Date.now();
  const cluster = await startPostgres();
  console.log(
    `▸ PostgreSQL cluster on port ${cluster.port} ready in ${Date.now() - started} ms: ${cluster.url}`,
  );
  if (mode === "start") {
    console.log(`  export DATABASE_URL=${cluster.url}`);
    console.log("  Ctrl-C stops it and deletes its data.");
    setInterval(() => {}, 1 << 30);
    return;
  }
  const [program, ...args] = command as [string, ...string[]];
  const spawned = spawn(program, args, {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: cluster.url, PG_ADMIN_URL: cluster.adminUrl },
  });
  child = spawned;
  const code = await new Promise<number>((resolve) => {
    spawned.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    spawned.on("error", (error) => {
      console.error(`✖ Could not run ${program}: ${error.message}`);
      resolve(127);
    });
  });
  await cluster.stop();
  console.log(`▸ PostgreSQL cluster stopped (command exited ${code})`);
  process.exit(code);
}

main().catch((error) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
