import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { discoverDoors, listSourceFiles, loadAccessRows } from "./auth/access-matrix/discover";
import { judge, othersData, readOutcome } from "./auth/access-matrix/judge";
import type { AccessAttempt, AccessRow } from "./auth/access-matrix/types";
import { createMatrixWorld, type DisposableWorld } from "./auth/access-matrix/world";
import { applyMigrations } from "./testing/test-database";

// The role matrix (SECURITY.md item 8): every server action and route handler in the repo,
// tried by two learners, two instructors, an admin and a signed-out visitor against each other's
// accounts. Refusals must be refusals and no answer may carry anyone else's data. Rows come from
// the `*.access.ts` files; a door without a row fails the coverage test below.

// Modules that use the app's own Prisma client (the health check) get a scratch database
// instead of the project's data/ folder.
const scratch = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "taskdeck-matrix-"));
  return { dir, file: join(dir, "app.db") };
});
vi.mock("@/lib/server/db", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/db")>();
  return { ...real, prisma: real.createPrismaClient(`file:${scratch.file}`) };
});

const rows = await loadAccessRows();

beforeAll(() => {
  applyMigrations(scratch.file);
  // Record them as `prisma migrate deploy` would, so the health check sees an up-to-date database.
  const db = new Database(scratch.file);
  try {
    db.exec(
      `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
       "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
       "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
    );
    const folders = fs.readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true });
    const insert = db.prepare(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name") VALUES (?, '', current_timestamp, ?)`,
    );
    for (const folder of folders.filter((entry) => entry.isDirectory())) insert.run(folder.name, folder.name);
  } finally {
    db.close();
  }
});

afterAll(() => {
  fs.rmSync(scratch.dir, { recursive: true, force: true });
});

describe("coverage", () => {
  it("has a row for every server action and route handler, and none for doors that do not exist", () => {
    const { doors, inlineActions } = discoverDoors(listSourceFiles());
    const registered = rows.map((row) => row.target);
    const missing = doors.map((door) => door.target).filter((target) => !registered.includes(target));
    const stale = registered.filter((target) => !doors.some((door) => door.target === target));
    expect(missing, "add these to a *.access.ts file (see docs/architecture.md)").toEqual([]);
    expect(stale, "these rows name no exported action or route handler").toEqual([]);
    expect(inlineActions, 'move inline "use server" functions into lib/server/actions').toEqual([]);
    expect(new Set(registered).size, "each door has exactly one row").toBe(registered.length);
    expect(doors.length).toBeGreaterThanOrEqual(11);
  });

  it("finds doors the way Next does: use-server modules, their exports, and route methods", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-discover-"));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      };
      write(
        "lib/server/actions/x.ts",
        // A generic arrow before the exports: read as TSX it would hide them.
        `"use server";\nconst g = <R>(f: () => R) => f();\nexport async function a() {}\nexport const b = async () => {};\nexport { c as d };\nasync function c() {}\n`,
      );
      write("lib/server/data/y.ts", `export async function notAnAction() {}\n`);
      write(
        "app/things/route.ts",
        `export const { GET, POST } = handlers;\nexport const dynamic = "force-dynamic";\n`,
      );
      write(
        "app/page.tsx",
        `export default function P() { async function act() { "use server"; } return null; }\n`,
      );
      const found = discoverDoors(listSourceFiles(root), root);
      expect(found.doors.map((door) => door.target).sort()).toEqual([
        "app/things/route.ts#GET",
        "app/things/route.ts#POST",
        "lib/server/actions/x.ts#a",
        "lib/server/actions/x.ts#b",
        "lib/server/actions/x.ts#d",
      ]);
      expect(found.inlineActions).toEqual(["app/page.tsx:1"]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("finds a use-server module planted under lib/server/data (no folder name hides a door)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-discover-"));
    try {
      fs.mkdirSync(path.join(root, "lib", "server", "data"), { recursive: true });
      fs.writeFileSync(
        path.join(root, "lib", "server", "data", "planted.ts"),
        `"use server";\nexport async function exportEveryone() {}\n`,
      );
      fs.writeFileSync(
        path.join(root, "lib", "server", "data", "plain.ts"),
        "export async function read() {}\n",
      );
      expect(listSourceFiles(root)).toContain("lib/server/data/planted.ts");
      expect(discoverDoors(listSourceFiles(root), root).doors).toEqual([
        { target: "lib/server/data/planted.ts#exportEveryone", kind: "server action" },
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("every row tries its door at least once, and every guarded door is refused at least once", () => {
    for (const row of rows) {
      expect(row.attempts.length, row.target).toBeGreaterThan(0);
      const isPublic = row.who.startsWith("Anyone may call");
      if (!isPublic)
        expect(
          row.attempts.some((attempt) => attempt.expect === "refused"),
          row.target,
        ).toBe(true);
    }
  });
});

describe("the judge", () => {
  const attempt = (expectation: AccessAttempt["expect"]): AccessAttempt => ({
    label: "probe",
    actor: "learner1",
    expect: expectation,
    run: async () => null,
  });

  it("fails an answer that leaks another user's data or is not refused", async () => {
    const leak = await readOutcome({
      ok: false,
      formError: "no",
      values: { email: "learner2@matrix.example" },
    });
    expect(judge(attempt("refused"), leak, ["learner2@matrix.example"])).toEqual([
      'revealed "learner2@matrix.example"',
    ]);
    const open = await readOutcome(new Response("{}", { status: 200 }));
    expect(judge(attempt("refused"), open, [])).toEqual(["was not refused"]);
    const shut = await readOutcome(Response.json({ code: "NOT_SIGNED_IN" }, { status: 401 }));
    expect(judge(attempt("refused"), shut, ["learner2@matrix.example"])).toEqual([]);
    expect(judge(attempt("allowed"), shut, [])).toEqual(["was refused"]);
  });
});

describe.each(rows.map((row): [string, AccessRow] => [row.target, row]))("%s", (_target, row) => {
  let world: DisposableWorld;

  beforeAll(async () => {
    world = await createMatrixWorld();
  }, 60_000);

  afterAll(async () => {
    await world.cleanup();
  });

  it.each(row.attempts.map((attempt): [string, AccessAttempt] => [attempt.label, attempt]))(
    `%s (${row.who.split(":")[0]})`,
    async (_label, attempt) => {
      const outcome = await readOutcome(await attempt.run(world));
      const forbidden = [...othersData(world, attempt.actor), ...(attempt.mustNotReveal?.(world) ?? [])];
      expect(judge(attempt, outcome, forbidden), outcome.answer).toEqual([]);
      await attempt.verify?.(world);
    },
    30_000,
  );
});
