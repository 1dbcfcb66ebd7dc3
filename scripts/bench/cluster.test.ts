import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { haproxyConfig, isQuizLearner, verifySqlite } from "./cluster";

describe("isQuizLearner", () => {
  it("gives any first N learners their share of quiz learners, spread evenly", () => {
    for (const n of [5, 25, 100, 1600]) {
      const quiz = Array.from({ length: n }, (_, i) => isQuizLearner(i, 0.2)).filter(Boolean).length;
      expect(quiz).toBe(Math.floor(n * 0.2));
    }
    expect(isQuizLearner(0, 0)).toBe(false);
    expect(Array.from({ length: 10 }, (_, i) => isQuizLearner(i, 1)).every(Boolean)).toBe(true);
  });
});

describe("haproxyConfig", () => {
  it("listens on loopback only, retries idempotent writes elsewhere, and is valid for haproxy", () => {
    const config = haproxyConfig(18080, "/tmp/x.sock", [{ port: 3001 }, { port: 3002 }]);
    for (const line of config.split("\n").filter((l) => /^\s*(bind|server) /.test(l)))
      expect(line).toMatch(/ 127\.0\.0\.1:\d+/);
    expect(config).toContain("retry-on conn-failure empty-response response-timeout");
    expect(config).toContain("option redispatch 1");
    expect(config).toContain("http-check send meth GET uri /api/health");
    if (!fs.existsSync("/usr/sbin/haproxy")) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haproxy-check-"));
    try {
      fs.writeFileSync(path.join(dir, "h.cfg"), config);
      const check = spawnSync("/usr/sbin/haproxy", ["-c", "-f", path.join(dir, "h.cfg")], {
        encoding: "utf8",
      });
      expect(check.status, check.stderr + check.stdout).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("verifySqlite", () => {
  let dir = "";
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("finds acknowledged writes missing, duplicated gradings and older autosaves", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-"));
    const file = path.join(dir, "t.db");
    const db = new Database(file);
    db.exec(`CREATE TABLE "Review" (rowid INTEGER PRIMARY KEY, id TEXT, cardId TEXT, stateBefore TEXT);
      CREATE TABLE "AttemptAnswer" (attemptId TEXT, questionId TEXT, seq INTEGER, answer TEXT);
      INSERT INTO "Review" (id, cardId, stateBefore) VALUES ('r1', 'c1', 's0'), ('r2', 'c1', 's1'),
        ('r3', 'c2', 's0'), ('r3', 'c2', 's0'), ('r4', 'c3', 's0'), ('r5', 'c3', 's0');
      INSERT INTO "AttemptAnswer" VALUES ('a', 'q1', 3, '"x"'), ('a', 'q2', 1, '"y"');`);
    db.close();
    const save = (questionId: string, seq: number, answer: string) => ({
      attemptId: "a",
      questionId,
      seq,
      answer,
    });
    const clean = verifySqlite(file, ["r1", "r2"], ["r1"], [save("q1", 2, '"w"'), save("q1", 3, '"x"')]);
    expect(clean).toMatchObject({ missing: 0, duplicateRows: 0, autosavesMissing: 0, autosavesChecked: 1 });
    // r9 was acknowledged but never written; r3 has two rows; r4 and r5 move card c3 from one state twice;
    // q2's seq 2 was acknowledged but seq 1 is stored.
    const bad = verifySqlite(file, ["r1", "r9", "r3", "r4", "r5"], ["r3"], [save("q2", 2, '"z"')]);
    expect(bad.missing).toBe(2); // r9 absent, r3 not exactly once
    expect(bad.duplicateRows).toBe(1 + 1 + 1); // r3's second row, its twin transition, c3's twin
    expect(bad.autosavesMissing).toBe(1);
  });
});
