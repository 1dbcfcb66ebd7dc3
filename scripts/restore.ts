// `npm run restore -- <backup file>`: replaces the database with a backup. Stop the server first
// (every app process, on PostgreSQL). The backup is checked, and the current database is saved
// beside it before anything changes.
//   SQLite: a .db file from `npm run backup`, integrity-checked, renamed into place.
//   PostgreSQL: a pg_dump custom-format file, restored with pg_restore --clean --if-exists in one
//               transaction (an error leaves the database as it was).
import path from "node:path";
import { databasePath, databaseUrl, isPostgresUrl } from "@/lib/server/database-url";
import { backupFileName, restoreDatabase } from "@/lib/server/db/sqlite/backup";
import { pgBackupFileName, restorePostgres } from "./lib/pg-backup";
import { redactUrl } from "./lib/postgres-url";

async function main() {
  const source = process.argv[2];
  if (!source) {
    console.error("Usage: npm run restore -- <backup file>   (stop the server first)");
    process.exit(2);
  }
  const url = databaseUrl();
  const postgres = isPostgresUrl(url);
  const target = postgres ? redactUrl(url) : databasePath(url);
  const safetyCopy = postgres
    ? path.join("data", "backups", `before-restore-${pgBackupFileName(new Date())}`)
    : path.join(path.dirname(target), "backups", `before-restore-${backupFileName(new Date())}`);
  try {
    if (postgres) await restorePostgres(url, source, safetyCopy);
    else await restoreDatabase(source, target, safetyCopy);
    console.log(`✔ Restored ${target} from ${source}. The previous database is saved as ${safetyCopy}.`);
    console.log(
      postgres
        ? "  Run `npm run release` (it applies any newer migrations), then start the app processes again."
        : "  Start Taskdeck again with `npm start` (it applies any newer migrations).",
    );
  } catch (error) {
    console.error(
      `✖ Restore failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

void main();
