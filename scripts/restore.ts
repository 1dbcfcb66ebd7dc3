// `npm run restore -- <backup file>`: replaces the database with a backup. Stop the server first.
// The backup is integrity-checked, and the current database is saved beside it before anything changes.
import path from "node:path";
import { databasePath, databaseUrl } from "@/lib/server/database-url";
import { backupFileName, restoreDatabase } from "@/lib/server/db/sqlite/backup";

async function main() {
  const source = process.argv[2];
  if (!source) {
    console.error("Usage: npm run restore -- <backup file>   (stop the server first)");
    process.exit(2);
  }
  const target = databasePath(databaseUrl());
  const safetyCopy = path.join(
    path.dirname(target),
    "backups",
    `before-restore-${backupFileName(new Date())}`,
  );
  try {
    await restoreDatabase(source, target, safetyCopy);
    console.log(`✔ Restored ${target} from ${source}. The previous database is saved as ${safetyCopy}.`);
    console.log("  Start Taskdeck again with `npm start` (it applies any newer migrations).");
  } catch (error) {
    console.error(
      `✖ Restore failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

void main();
