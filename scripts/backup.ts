// `npm run backup [-- --out <file>]`: an online backup of the live database (the server may keep
// running), integrity-checked. Default: data/backups/taskdeck-<time>.db
import path from "node:path";
import { databasePath, databaseUrl } from "@/lib/server/database-url";
import { backupDatabase, backupFileName } from "@/lib/server/db/sqlite/backup";

async function main() {
  const outFlag = process.argv.indexOf("--out");
  const source = databasePath(databaseUrl());
  const destination =
    outFlag > 0 && process.argv[outFlag + 1]
      ? (process.argv[outFlag + 1] as string)
      : path.join(path.dirname(source), "backups", backupFileName(new Date()));
  try {
    const { pages } = await backupDatabase(source, destination);
    console.log(`✔ Backed up ${source} to ${destination} (${pages} pages, integrity check ok)`);
  } catch (error) {
    console.error(`✖ Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

void main();
