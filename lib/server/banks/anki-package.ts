import Database from "better-sqlite3";
import { unzipSync } from "fflate";
import type {
  AnkiCard,
  AnkiCollection,
  AnkiNote,
  AnkiNoteType,
  AnkiReview,
} from "@/lib/bank/importers/anki-package";
import { AnkiPackageError, MAX_UNPACKED_BYTES, protobufFields, tooLarge, unzstd } from "./anki-package-bytes";

// Reading an Anki package (.apkg): a zip holding the collection as SQLite, plus media. Packages
// from current Anki hold `collection.anki21b` (zstd-compressed, schema 18: note types in their
// own tables, their settings as protobuf), a `meta` file naming that version, a zstd-compressed
// protobuf media list and zstd-compressed media; older ones hold `collection.anki2` (or
// `.anki21`: schema 11, note types as JSON in `col.models`) and a JSON media map. The newest
// collection the package has is read (a current package also keeps a stub `collection.anki2`
// that only tells old versions to update). The mapping to Taskdeck cards is pure and lives in
// lib/bank/importers/anki-package.ts. No "server-only" here: the CLI uses it too.

export {
  AnkiPackageError,
  MAX_UNPACKED_BYTES,
  protobufFields,
} from "./anki-package-bytes";

/** A package read into memory: its collection and a way to get each media file's bytes by name. */
export type AnkiPackage = { collection: AnkiCollection; mediaFile: (name: string) => Uint8Array | null };

const utf8 = (value: number | Uint8Array | undefined) =>
  value instanceof Uint8Array ? new TextDecoder().decode(value) : "";

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value ?? 0);

/** Note types, from `col.models` (schema 11) or the notetypes, fields and templates tables (15+). */
function noteTypesOf(db: Database.Database): AnkiNoteType[] {
  const hasTables = db
    .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'")
    .get() as { n: number };
  if (hasTables.n === 0) {
    const col = db.prepare("SELECT models FROM col LIMIT 1").get() as { models?: string } | undefined;
    const models = JSON.parse(col?.models || "{}") as Record<string, Row>;
    return Object.values(models).map((m) => ({
      id: num(m.id),
      name: String(m.name ?? ""),
      kind: num(m.type) === 1 ? "cloze" : "standard",
      fields: ((m.flds as Row[] | undefined) ?? [])
        .slice()
        .sort((a, b) => num(a.ord) - num(b.ord))
        .map((f) => String(f.name ?? "")),
      templates: ((m.tmpls as Row[] | undefined) ?? [])
        .slice()
        .sort((a, b) => num(a.ord) - num(b.ord))
        .map((t) => ({ name: String(t.name ?? ""), qfmt: String(t.qfmt ?? ""), afmt: String(t.afmt ?? "") })),
    }));
  }
  // Columns only, no comparisons on the names: they use Anki's own `unicase` collation.
  const types = db.prepare("SELECT id, name, config FROM notetypes").all() as Row[];
  const fields = db.prepare("SELECT ntid, ord, name FROM fields").all() as Row[];
  const templates = db.prepare("SELECT ntid, ord, name, config FROM templates").all() as Row[];
  return types.map((t) => {
    const config = protobufFields(t.config as Uint8Array);
    const kind = config.find((f) => f.field === 1)?.value;
    return {
      id: num(t.id),
      name: String(t.name ?? ""),
      kind: kind === 1 ? "cloze" : "standard",
      fields: fields
        .filter((f) => num(f.ntid) === num(t.id))
        .sort((a, b) => num(a.ord) - num(b.ord))
        .map((f) => String(f.name ?? "")),
      templates: templates
        .filter((f) => num(f.ntid) === num(t.id))
        .sort((a, b) => num(a.ord) - num(b.ord))
        .map((f) => {
          const c = protobufFields(f.config as Uint8Array);
          return {
            name: String(f.name ?? ""),
            qfmt: utf8(c.find((x) => x.field === 1)?.value),
            afmt: utf8(c.find((x) => x.field === 2)?.value),
          };
        }),
    };
  });
}

function decksOf(db: Database.Database): Array<{ id: number; name: string }> {
  const hasTable = db
    .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'decks'")
    .get() as { n: number };
  if (hasTable.n > 0)
    return (db.prepare("SELECT id, name FROM decks").all() as Row[]).map((d) => ({
      id: num(d.id),
      name: String(d.name ?? ""),
    }));
  const col = db.prepare("SELECT decks FROM col LIMIT 1").get() as { decks?: string } | undefined;
  return Object.values(JSON.parse(col?.decks || "{}") as Record<string, Row>).map((d) => ({
    id: num(d.id),
    // Schema 11 separates deck levels with "::"; schema 18 with U+001F.
    name: String(d.name ?? "").replace(/::/g, "\x1f"),
  }));
}

const UNICASE = Buffer.from("name text NOT NULL COLLATE unicase");
const NOCASE = Buffer.from("name text NOT NULL COLLATE NOCASE ");

/**
 * The collection's bytes with Anki's `COLLATE unicase` (a collation only Anki defines, which
 * SQLite here cannot; queries on those tables fail with "no query solution") read as SQLite's
 * NOCASE. The schema text is rewritten in place at the same length, so the file stays valid; only
 * Anki's own column declaration is matched, never text inside notes. Taskdeck only reads.
 */
function withKnownCollations(bytes: Uint8Array): Buffer {
  const out = Buffer.from(bytes);
  for (let at = out.indexOf(UNICASE); at >= 0; at = out.indexOf(UNICASE, at + 1)) NOCASE.copy(out, at);
  return out;
}

/** Reads the collection SQLite (bytes of the file) into plain objects. */
export function readCollection(
  bytes: Uint8Array,
  format: AnkiCollection["format"],
  media: string[],
): AnkiCollection {
  let db: Database.Database;
  try {
    db = new Database(withKnownCollations(bytes));
  } catch (error) {
    throw new AnkiPackageError(`${format} is not an SQLite database (${(error as Error).message}).`);
  }
  try {
    const notes: AnkiNote[] = (
      db.prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id").all() as Row[]
    ).map((n) => ({
      id: num(n.id),
      guid: String(n.guid ?? ""),
      noteTypeId: num(n.mid),
      fields: String(n.flds ?? "").split("\x1f"),
      tags: String(n.tags ?? "")
        .trim()
        .split(/\s+/)
        .filter(Boolean),
    }));
    const cards: AnkiCard[] = (
      db.prepare("SELECT id, nid, did, ord, type, ivl, factor, reps, lapses FROM cards").all() as Row[]
    ).map((c) => ({
      id: num(c.id),
      noteId: num(c.nid),
      deckId: num(c.did),
      ord: num(c.ord),
      type: num(c.type),
      interval: num(c.ivl),
      factor: num(c.factor),
      reps: num(c.reps),
      lapses: num(c.lapses),
    }));
    const reviews: AnkiReview[] = (
      db.prepare("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog").all() as Row[]
    ).map((r) => ({
      id: num(r.id),
      cardId: num(r.cid),
      ease: num(r.ease),
      interval: num(r.ivl),
      lastInterval: num(r.lastIvl),
      factor: num(r.factor),
      timeMs: num(r.time),
      type: num(r.type),
    }));
    return { format, noteTypes: noteTypesOf(db), notes, cards, reviews, decks: decksOf(db), media };
  } catch (error) {
    if (error instanceof AnkiPackageError) throw error;
    throw new AnkiPackageError(`${format} is not an Anki collection (${(error as Error).message}).`);
  } finally {
    db.close();
  }
}

/**
 * Reads an .apkg: the newest collection it holds and its media map. Throws AnkiPackageError with
 * a message for the person who gave it when the file is not a package Taskdeck can read.
 *
 * @example
 * const { collection, mediaFile } = readAnkiPackage(new Uint8Array(fs.readFileSync("ecs.apkg")));
 */
export function readAnkiPackage(bytes: Uint8Array): AnkiPackage {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > MAX_UNPACKED_BYTES) throw tooLarge(file.name);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AnkiPackageError) throw error;
    throw new AnkiPackageError(
      `The file is not an Anki package (.apkg is a zip): ${(error as Error).message}.`,
    );
  }
  const meta = files.meta ? protobufFields(files.meta).find((f) => f.field === 1)?.value : undefined;
  const latest = files["collection.anki21b"];
  if (typeof meta === "number" && meta > 3)
    throw new AnkiPackageError(
      `The package was written by a newer Anki than Taskdeck knows (package version ${meta}).`,
    );
  if (latest) {
    const entries = files.media ? protobufFields(unzstd(files.media, "The media list")) : [];
    const names = entries
      .filter((e) => e.field === 1 && e.value instanceof Uint8Array)
      .map((e) => utf8(protobufFields(e.value as Uint8Array).find((f) => f.field === 1)?.value));
    const index = new Map(names.map((name, i) => [name, String(i)]));
    return {
      collection: readCollection(unzstd(latest, "collection.anki21b"), "collection.anki21b", names),
      mediaFile: (name) => {
        const stored = files[index.get(name) ?? "\u0000"];
        return stored ? unzstd(stored, name) : null;
      },
    };
  }
  const format = files["collection.anki21"] ? "collection.anki21" : "collection.anki2";
  const collection = files[format];
  if (!collection)
    throw new AnkiPackageError(
      "The package holds no Anki collection (collection.anki2, .anki21 or .anki21b).",
    );
  let map: Record<string, string> = {};
  try {
    map = files.media ? (JSON.parse(new TextDecoder().decode(files.media)) as Record<string, string>) : {};
  } catch {
    throw new AnkiPackageError("The package's media map is not valid JSON.");
  }
  const byName = new Map(Object.entries(map).map(([key, name]) => [String(name), key]));
  return {
    collection: readCollection(collection, format, [...byName.keys()]),
    mediaFile: (name) => files[byName.get(name) ?? "\u0000"] ?? null,
  };
}
