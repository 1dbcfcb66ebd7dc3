// `npm run backup [-- --out <file>]`: an online backup of the live database (the server may keep
// running), checked before it is trusted.
//   SQLite: the online backup API, integrity-checked. Default: data/backups/taskdeck-<time>.db
//   PostgreSQL: pg_dump --format=custom, read back with pg_restore --list.
//               Default: data/backups/taskdeck-<time>.dump (in the folder npm run backup runs in)
import os from "node:os";
import path from "node:path";
import { databasePath, databaseUrl, isPostgresUrl } from "@/lib/server/database-url";
import { backupDatabase, backupFileName } from "@/lib/server/db/sqlite/backup";
import { backupPostgres, pgBackupFileName } from "./lib/pg-backup";
import { redactUrl } from "./lib/postgres-url";

function outFlag(): string | undefined {
  const at = process.argv.indexOf("--out");
  return at > 0 ? process.argv[at + 1] : undefined;
}

/**
 * A backup is background work that usually runs beside the serving app on the same machine: it
 * takes the lowest CPU priority (pg_dump inherits it), so that learners' requests are served
 * first and the copy and its integrity check take whatever the server leaves. Lowering one's own
 * priority needs no privilege; where the system refuses anyway, the backup runs as before.
 */
function yieldToTheServer() {
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not allowed here (a restricted container): the backup is still correct, only less polite.
  }
}

async function main() {
  yieldToTheServer();
  const url = databaseUrl();
  try {
    if (isPostgresUrl(url)) {
      const destination = outFlag() ?? path.join("data", "backups", pgBackupFileName(new Date()));
      const { entries, bytes } = await backupPostgres(url, destination);
      console.log(
        `✔ Backed up ${redactUrl(url)} to ${destination} with pg_dump (${entries} entries, ${bytes} bytes, readable)`,
      );
      return;
    }
    const source = databasePath(url);
    const destination = outFlag() ?? path.join(path.dirname(source), "backups", backupFileName(new Date()));
    const { pages } = await backupDatabase(source, destination);
    console.log(`✔ Backed up ${source} to ${destination} (${pages} pages, integrity check ok)`);
  } catch (error) {
    console.error(`✖ Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
