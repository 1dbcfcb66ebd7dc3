// `npm run release`: migrate the database DATABASE_URL names and load the banks from content/, then
// exit. Run it once per deploy before (re)starting the app processes; running it from several hosts
// at once is safe on PostgreSQL (an advisory lock makes them take turns). `npm start` runs it too.
import { databaseUrl } from "@/lib/server/database-url";
import { release } from "./lib/release";

async function main() {
  const started = Date.now();
  if (!(await release(databaseUrl()))) process.exit(1);
  console.log(`✔ Released in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

void main();
