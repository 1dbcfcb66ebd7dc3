import fs from "node:fs";
import net from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, postgresUnavailableReason, startPostgres } from "./pg-cluster";

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`PostgreSQL cluster tests skipped: ${unavailable}`);

async function scalar(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0]?.value;
  } finally {
    await client.end();
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe.skipIf(unavailable)("startPostgres", () => {
  it("serves a fresh UTF-8 database on loopback, makes and drops others, and leaves nothing behind", async () => {
    const cluster = await startPostgres({ database: "first" });
    try {
      expect(cluster.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/first$/);
      expect(await scalar(cluster.url, "SELECT current_database() AS value")).toBe("first");
      expect(
        await scalar(
          cluster.url,
          "SELECT pg_encoding_to_char(encoding) AS value FROM pg_database WHERE datname = 'first'",
        ),
      ).toBe("UTF8");
      expect(await scalar(cluster.url, "SELECT current_setting('listen_addresses') AS value")).toBe(
        "127.0.0.1",
      );

      const second = await createDatabase(cluster.adminUrl, "second db");
      expect(await scalar(second, "SELECT current_database() AS value")).toBe("second db");
      await dropDatabase(cluster.adminUrl, "second db");
      expect(
        await scalar(
          cluster.adminUrl,
          "SELECT count(*)::int AS value FROM pg_database WHERE datname = 'second db'",
        ),
      ).toBe(0);
    } finally {
      await cluster.stop();
    }
    expect(fs.existsSync(cluster.dataDir)).toBe(false);
    expect(await isListening(cluster.port)).toBe(false);
    await cluster.stop(); // a second stop is harmless
  });
});
