// Loads every bank in content/ into the database (run by `npm start`, `npm run dev` and the e2e
// server; `npm run sync` by hand). A bank with errors is reported and skipped; the others load.
// Exit code 1 only when the database itself cannot be written.
import { translationFileOf } from "@/lib/bank";
import { readContent } from "@/lib/server/banks/read-content";
import { syncBanks } from "@/lib/server/banks/sync-banks";
import { prisma } from "@/lib/server/db";

async function main() {
  const started = Date.now();
  const { input, findings } = readContent();
  for (const skipped of input.skipped) {
    const translation = translationFileOf(skipped.file);
    console.warn(
      `⚠ Skipped ${skipped.file}: it has errors (run \`npm run bank -- check ${translation?.original ?? skipped.file}\`)` +
        `${translation ? `; ${translation.original} loads in English` : ""}:`,
    );
    for (const f of skipped.findings.slice(0, 5))
      console.warn(`    ${skipped.file}:${f.line}:${f.column} ${f.message}`);
    if (skipped.findings.length > 5) console.warn(`    … and ${skipped.findings.length - 5} more`);
  }
  const warnings = findings.filter((f) => f.severity === "warning").length;
  try {
    const report = await syncBanks(prisma, input, new Date());
    for (const c of report.conflicts) console.warn(`⚠ ${c.file}:${c.line}:${c.column} ${c.message}`);
    console.log(
      `✔ Banks: ${report.banksSynced} loaded, ${report.banksUnchanged} unchanged, ${report.banksSkipped} skipped · ` +
        `questions: +${report.questionsAdded} new, ${report.questionsUpdated} edited, ${report.questionsRetired} retired` +
        `${report.translationsUpdated ? `, ${report.translationsUpdated} translation(s) updated` : ""}` +
        `${warnings ? ` · ${warnings} warning(s)` : ""} (${Date.now() - started} ms)`,
    );
  } catch (error) {
    console.error(
      `✖ Could not write the banks to the database: ${error instanceof Error ? error.message : error}`,
    );
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}

void main();
