import { describe, expect, it } from "vitest";
import { toPostgresSchema } from "./postgres-schema";

const source = `generator client {
  provider     = "prisma-client"
  output       = "../lib/generated/prisma"
  engineType   = "client"
}

datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

model Thing {
  id        String    @id
  due       DateTime
  doneAt    DateTime? // when it was done
  createdAt DateTime  @default(now())
  seenAt    DateTime? @db.Timestamp(6)
  note      String    @default("DateTime")
}
`;

describe("toPostgresSchema", () => {
  const result = toPostgresSchema(source);

  it("switches the provider and the client's output folder", () => {
    expect(result).toContain('provider = "postgresql"');
    expect(result).not.toContain('"sqlite"');
    expect(result).toContain('output       = "../../lib/generated/prisma-postgres"');
    expect(result).toMatch(/^\/\/ GENERATED from prisma\/schema\.prisma/);
  });

  it("gives every DateTime field a timestamptz column, keeping attributes and comments", () => {
    expect(result).toContain("  due       DateTime @db.Timestamptz(3)\n");
    expect(result).toContain("  doneAt    DateTime? @db.Timestamptz(3) // when it was done\n");
    expect(result).toContain("  createdAt DateTime @default(now()) @db.Timestamptz(3)\n");
    // An explicit native type is the author's choice; a string default naming the type is no field type.
    expect(result).toContain("  seenAt    DateTime? @db.Timestamp(6)\n");
    expect(result).toContain('  note      String    @default("DateTime")\n');
  });

  it("fails loudly when the lines it rewrites are not there", () => {
    expect(() => toPostgresSchema(source.replace('"sqlite"', '"mysql"'))).toThrow(/provider = "sqlite"/);
    expect(() => toPostgresSchema(source.replace("../lib/generated/prisma", "../gen"))).toThrow(/output/);
  });
});
