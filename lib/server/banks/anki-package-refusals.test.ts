import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseBank } from "@/lib/bank";
import { bankToApkg } from "./anki-export";
import { AnkiPackageError, MAX_UNPACKED_BYTES, readAnkiPackage } from "./anki-package";
import { checkUpload } from "./check-upload";
import { checkDeckUpload } from "./deck-upload";

// A package Taskdeck cannot read is refused with what is wrong and where, whether it is read by the
// upload worker or inline: checkUpload and checkDeckUpload (what the worker runs) throw
// AnkiPackageError, whose message the form shows ("Nothing was saved: …"). Every package here is
// broken on purpose; the bombs are a few kilobytes that claim or unpack to more than the limit.

const upload = (bytes: Uint8Array) => ({ bytes, fileName: "broken.apkg", format: "apkg" as const });

/** The message checking `bytes` as an upload is refused with (it must be refused). */
function refusal(bytes: Uint8Array): string {
  try {
    checkUpload(upload(bytes));
  } catch (error) {
    expect(error).toBeInstanceOf(AnkiPackageError);
    return (error as Error).message;
  }
  throw new Error("the package was accepted");
}

/** A zstd frame without a declared size, of RLE blocks of 128 KB each: `blocks` × 128 KB unpacked. */
function zstdRleBomb(blocks: number): Uint8Array {
  // Magic, frame flags (no size, no checksum), window descriptor 2^(10+7) = 128 KB.
  const out = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38];
  const size = 128 * 1024;
  for (let i = 0; i < blocks; i++) {
    const header = (i === blocks - 1 ? 1 : 0) | (1 << 1) | (size << 3);
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0x41);
  }
  return new Uint8Array(out);
}

/** A zstd frame that declares an 8-byte content size of `size` and holds almost nothing. */
function zstdClaiming(size: number): Uint8Array {
  const declared = Array.from({ length: 8 }, (_, i) => Math.floor(size / 2 ** (8 * i)) % 256);
  // Single segment with an 8-byte size (flags 0xe0), then one empty raw last block.
  return new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xe0, ...declared, 0x01, 0x00, 0x00]);
}

describe("an Anki package that cannot be read", () => {
  it("is refused when it is not a zip, or a zip cut short", () => {
    expect(refusal(new TextEncoder().encode("not a zip"))).toMatch(/^The file is not an Anki package/);
    const { bank } = parseBank(
      "---\nid: cut\ntitle: Cut\ntopic: cut\n---\n\n## Port {#port}\n\nkind: flashcard\n\n2049\n",
      { file: "cut.md" },
    );
    if (!bank) throw new Error("the test bank does not parse");
    const whole = bankToApkg(bank);
    expect(checkUpload(upload(whole)).ok).toBe(true);
    expect(refusal(whole.subarray(0, whole.length - 30))).toMatch(/^The file is not an Anki package/);
  });

  it("is refused when it holds no collection, or a collection that is not SQLite", () => {
    const media = new TextEncoder().encode("{}");
    expect(refusal(zipSync({ media }))).toBe(
      "The package holds no Anki collection (collection.anki2, .anki21 or .anki21b).",
    );
    const notSqlite = zipSync({ "collection.anki2": new TextEncoder().encode("x".repeat(4096)), media });
    expect(refusal(notSqlite)).toMatch(/^collection\.anki2 is not (an SQLite database|an Anki collection)/);
    const empty = new Database(":memory:");
    const noTables = zipSync({ "collection.anki2": new Uint8Array(empty.serialize()), media });
    empty.close();
    expect(refusal(noTables)).toMatch(/^collection\.anki2 is not an Anki collection \(no such table/);
  });

  it("is refused when a newer Anki wrote it", () => {
    const meta = new Uint8Array([0x08, 0x04]); // protobuf field 1 = 4
    expect(refusal(zipSync({ meta, "collection.anki21b": new Uint8Array([0]) }))).toBe(
      "The package was written by a newer Anki than Taskdeck knows (package version 4).",
    );
  });

  it("is refused, with the limit, when its collection would unpack past it (a zip or zstd bomb)", () => {
    const limit = `${MAX_UNPACKED_BYTES / 1024 / 1024} MB`;
    // A zip entry whose stated size is past the limit: refused before it is inflated.
    const zip = zipSync({ "collection.anki2": new Uint8Array(16) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at < zip.length - 4; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50) view.setUint32(at + 22, MAX_UNPACKED_BYTES + 1, true);
      if (signature === 0x02014b50) view.setUint32(at + 24, MAX_UNPACKED_BYTES + 1, true);
    }
    expect(refusal(zip)).toBe(`collection.anki2 would unpack to more than ${limit}.`);
    // A zstd frame that says it is 1 GB: refused before anything is allocated for it.
    const claiming = zipSync({ "collection.anki21b": zstdClaiming(1024 ** 3) });
    expect(refusal(claiming)).toBe(`collection.anki21b would unpack to more than ${limit}.`);
    // One that says nothing of its size and unpacks to 257 MB from 8 KB: stopped at the limit.
    const blocks = MAX_UNPACKED_BYTES / (128 * 1024) + 8;
    const bomb = zipSync({ "collection.anki21b": zstdRleBomb(blocks) });
    expect(refusal(bomb)).toBe(`collection.anki21b would unpack to more than ${limit}.`);
    // The same frame within the limit is read as zstd (and refused only as no SQLite).
    expect(readAnkiPackage.bind(null, zipSync({ "collection.anki21b": zstdRleBomb(2) }))).toThrow(
      /^collection\.anki21b is not/,
    );
  });

  it("is refused by a deck import as by an upload, history asked for or not", () => {
    const history = {
      deckId: "d1",
      settings: { desiredRetention: 0.9, maximumIntervalDays: 36500, enableFuzz: false },
    };
    for (const request of [history, null])
      expect(() => checkDeckUpload(upload(new TextEncoder().encode("PK not a zip")), request)).toThrow(
        AnkiPackageError,
      );
  });
});
