import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseBank } from "@/lib/bank";
import { bankToApkg } from "./anki-export";
import { readAnkiPackage } from "./anki-package";
import { convertToBank } from "./convert";

// Issue 17 item 3: Anki packages in and out. Each package here is built from scratch by the test,
// in the older layout (collection.anki2: schema 11, note types as JSON) and in the current one
// (collection.anki21b: zstd-compressed schema 18, note types in tables with protobuf settings,
// a protobuf media list), following the schema in Anki's source (rslib/src/storage).

// ---- protobuf and zstd, written by hand (the test must not trust the code it checks) ----

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}
const pbVarint = (field: number, value: number) => [...varint(field * 8), ...varint(value)];
function pbBytes(field: number, value: Uint8Array | string): number[] {
  const bytes = typeof value === "string" ? new TextEncoder().encode(value) : value;
  return [...varint(field * 8 + 2), ...varint(bytes.length), ...bytes];
}

/** A zstd frame of raw (stored) blocks: valid zstd that any decoder reads. */
function zstdRaw(data: Uint8Array): Uint8Array {
  const out: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0xe0];
  for (let i = 0; i < 8; i++) out.push(i < 4 ? (data.length >>> (8 * i)) & 0xff : 0);
  const size = 128 * 1024;
  for (let at = 0; at === 0 || at < data.length; at += size) {
    const block = data.subarray(at, at + size);
    const last = at + size >= data.length ? 1 : 0;
    const header = last | (block.length << 3);
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, ...block);
  }
  return new Uint8Array(out);
}

// ---- the collection both layouts share: a Basic, a reversed, a Cloze note and one other ----

const NOTES = [
  { id: 1, mid: 100, flds: ["Fargate network mode", "<b>awsvpc</b>"], tags: " ecs fargate " },
  {
    id: 2,
    mid: 200,
    flds: ["Task role", "The role <i>your code</i> uses<script>alert(1)</script>"],
    tags: "",
  },
  { id: 3, mid: 300, flds: ["EFS needs port {{c1::2049}}", "NFS"], tags: "storage" },
  { id: 4, mid: 400, flds: ["occluded.png", "", ""], tags: "" },
  { id: 5, mid: 100, flds: ['Diagram <img src="eni.png">', "one ENI per task"], tags: "" },
];
const CARDS = [
  { id: 11, nid: 1, ord: 0, reps: 3, ivl: 12, factor: 2500 },
  { id: 21, nid: 2, ord: 0, reps: 0, ivl: 0, factor: 0 },
  { id: 22, nid: 2, ord: 1, reps: 0, ivl: 0, factor: 0 },
  { id: 31, nid: 3, ord: 0, reps: 0, ivl: 0, factor: 0 },
  { id: 41, nid: 4, ord: 0, reps: 0, ivl: 0, factor: 0 },
  { id: 51, nid: 5, ord: 0, reps: 0, ivl: 0, factor: 0 },
];
const REVIEWS = [
  { id: Date.UTC(2026, 0, 5), cid: 11, ease: 3 },
  { id: Date.UTC(2026, 0, 9), cid: 11, ease: 3 },
  { id: Date.UTC(2026, 1, 1), cid: 41, ease: 1 },
];
const TYPES = [
  {
    id: 100,
    name: "Basic",
    kind: 0,
    flds: ["Front", "Back"],
    tmpls: [["{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"]],
  },
  {
    id: 200,
    name: "Basic (and reversed card)",
    kind: 0,
    flds: ["Front", "Back"],
    tmpls: [
      ["{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}"],
      ["{{Back}}", "{{FrontSide}}<hr id=answer>{{Front}}"],
    ],
  },
  {
    id: 300,
    name: "Cloze",
    kind: 1,
    flds: ["Text", "Back Extra"],
    tmpls: [["{{cloze:Text}}", "{{cloze:Text}}<br>{{Back Extra}}"]],
  },
  {
    id: 400,
    name: "Image Occlusion",
    kind: 1,
    flds: ["Occlusion", "Image", "Header"],
    tmpls: [["{{#Image}}x{{/Image}}", "y"]],
  },
];
const DECK_ID = 1700000000000;

function fillCommonTables(db: Database.Database) {
  db.exec(`
    CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
      usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
      flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
      mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL,
      ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
      odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
      ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);`);
  for (const n of NOTES)
    db.prepare("INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, '')").run(
      n.id,
      `g${n.id}`,
      n.mid,
      n.tags,
      n.flds.join("\x1f"),
      n.flds[0],
    );
  for (const c of CARDS)
    db.prepare("INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, 0, 0, ?, ?, ?, 0, 0, 0, 0, 0, '')").run(
      c.id,
      c.nid,
      DECK_ID,
      c.ord,
      c.reps > 0 ? 2 : 0,
      c.ivl,
      c.factor,
      c.reps,
    );
  for (const r of REVIEWS)
    db.prepare("INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 4000, 1)").run(r.id, r.cid, r.ease);
}

/** The database bytes with every "COLLATE NOCASE " of its schema made "COLLATE unicase". */
function withUnicase(bytes: Uint8Array): Uint8Array {
  const from = Buffer.from("COLLATE NOCASE ");
  const to = Buffer.from("COLLATE unicase");
  const out = Buffer.from(bytes);
  let replaced = 0;
  for (let at = out.indexOf(from); at >= 0; at = out.indexOf(from, at + 1)) {
    to.copy(out, at);
    replaced++;
  }
  expect(replaced).toBe(4);
  return new Uint8Array(out);
}

/** An older package: collection.anki2 (schema 11) and a JSON media map. */
function legacyPackage(): Uint8Array {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
    ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
    models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);`);
  const models = Object.fromEntries(
    TYPES.map((t) => [
      String(t.id),
      {
        id: t.id,
        name: t.name,
        type: t.kind,
        flds: t.flds.map((name, ord) => ({ name, ord })),
        tmpls: t.tmpls.map(([qfmt, afmt], ord) => ({ name: `Card ${ord + 1}`, ord, qfmt, afmt })),
      },
    ]),
  );
  const decks = { [DECK_ID]: { id: DECK_ID, name: "AWS::ECS" } };
  db.prepare("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')").run(
    JSON.stringify(models),
    JSON.stringify(decks),
  );
  fillCommonTables(db);
  const collection = new Uint8Array(db.serialize());
  db.close();
  return zipSync({
    "collection.anki2": collection,
    media: new TextEncoder().encode(JSON.stringify({ "0": "eni.png" })),
    "0": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
}

/** A current package: collection.anki21b (zstd, schema 18), meta, a protobuf media list, zstd media. */
function latestPackage(): Uint8Array {
  const db = new Database(":memory:");
  // Anki declares its names COLLATE unicase, a collation only Anki has (SQLite here refuses to
  // create it): the tables are made with "COLLATE NOCASE " and those bytes of the schema text
  // rewritten to "COLLATE unicase" (the same length), so the reader meets what a real file holds.
  db.exec(`
    CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
      ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
      models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
    CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE NOCASE ,
      mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
    CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE NOCASE ,
      config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
    CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE NOCASE ,
      mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
    CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE NOCASE ,
      mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
    CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
    CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
    CREATE UNIQUE INDEX idx_decks_name ON decks (name);
    INSERT INTO col VALUES (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');`);
  for (const t of TYPES) {
    const config = new Uint8Array([...pbVarint(1, t.kind), ...pbBytes(3, ".card {}")]);
    db.prepare("INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)").run(t.id, t.name, config);
    t.flds.forEach((name, ord) => {
      db.prepare("INSERT INTO fields VALUES (?, ?, ?, ?)").run(t.id, ord, name, new Uint8Array());
    });
    t.tmpls.forEach(([qfmt = "", afmt = ""], ord) => {
      db.prepare("INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)").run(
        t.id,
        ord,
        `Card ${ord + 1}`,
        new Uint8Array([...pbBytes(1, qfmt), ...pbBytes(2, afmt)]),
      );
    });
  }
  db.prepare("INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)").run(
    DECK_ID,
    "AWS\x1fECS",
    new Uint8Array(),
    new Uint8Array(),
  );
  fillCommonTables(db);
  const collection = withUnicase(new Uint8Array(db.serialize()));
  db.close();
  const mediaList = new Uint8Array(pbBytes(1, new Uint8Array([...pbBytes(1, "eni.png"), ...pbVarint(2, 4)])));
  return zipSync({
    // The stub an old Anki would read: one note asking to update, never what Taskdeck reads.
    "collection.anki2": new Uint8Array([0]),
    "collection.anki21b": zstdRaw(collection),
    meta: new Uint8Array(pbVarint(1, 3)),
    media: zstdRaw(mediaList),
    "0": zstdRaw(new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
  });
}

describe.each([
  ["collection.anki2 (older)", legacyPackage, "collection.anki2"],
  ["collection.anki21b (current, zstd)", latestPackage, "collection.anki21b"],
])("an Anki package in the %s layout", (_name, build, format) => {
  const converted = convertToBank({ fileName: "ecs.apkg", bytes: build() });

  it("turns Basic, reversed and Cloze notes into cards and reports the other note type with a count", () => {
    if (!converted.ok) throw new Error(JSON.stringify(converted.findings));
    const questions = converted.bank.questions;
    expect(questions.map((q) => [q.kind, q.front ?? q.cloze, q.back ?? null, q.reversible ?? null])).toEqual([
      ["flashcard", "Fargate network mode", "**awsvpc**", false],
      ["flashcard", "Task role", "The role *your code* uses", true],
      ["cloze", "EFS needs port {{c1::2049}}", null, null],
      ["flashcard", "Diagram ![](eni.png)", "one ENI per task", false],
    ]);
    expect(questions[0]?.tags).toEqual(["ecs", "fargate"]);
    expect(questions[2]?.explanation).toBe("NFS");
    expect(converted.bank.meta.title).toBe("AWS › ECS");
    expect(converted.anki?.format).toBe(format);
    expect(converted.anki?.skipped).toEqual([{ noteType: "Image Occlusion", notes: 1 }]);
    expect(converted.dropped.map((d) => d.reason)).toEqual([
      "1 note of the note type “Image Occlusion” skipped: only Basic, Basic (and reversed card) and Cloze notes are imported",
    ]);
  });

  it("sanitizes HTML: a script in a field is gone, text and emphasis stay", () => {
    if (!converted.ok) throw new Error("not converted");
    expect(converted.markdown).not.toMatch(/script|alert/);
  });

  it("carries the media and reports the review history it would keep", () => {
    if (!converted.ok) throw new Error("not converted");
    expect(converted.anki?.media).toEqual(["eni.png"]);
    expect(converted.mediaFile?.("eni.png")).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(converted.mediaFile?.("missing.png")).toBeNull();
    // Reviews of imported notes only (card 41 is the skipped note's).
    expect(converted.anki?.history).toEqual({
      reviews: 2,
      cards: 1,
      first: "2026-01-05",
      last: "2026-01-09",
    });
    expect(converted.bank.questions[0]?.srsHint).toBe("anki interval 12d, ease 250%, 3 reps, 0 lapses");
  });
});

describe("exporting a bank as .apkg", () => {
  const BANK = `---
id: export-me
title: Export me
topic: amazon-ecs
---

## Fargate network mode {#fc-mode}

kind: flashcard

**awsvpc**

## Task role {#fc-role}

kind: flashcard · reversible: yes

The role \`your code\` uses

## EFS port {#cz-efs}

kind: cloze

EFS needs port {{c1::2049}} and version {{c2::1.4.0}}
`;
  const bank = parseBank(BANK, { file: "export-me.md" }).bank;
  if (!bank) throw new Error("the test bank does not parse");
  const apkg = bankToApkg(bank, { now: new Date("2026-12-06T12:00:00Z") });

  it("writes the older collection.anki2 layout Anki imports, one card per template and cloze number", () => {
    const { collection } = readAnkiPackage(apkg);
    expect(collection.format).toBe("collection.anki2");
    expect(collection.notes.map((n) => n.guid)).toEqual(["fc-mode", "fc-role", "cz-efs"]);
    expect(
      collection.cards.map((c) => [c.noteId === collection.notes[2]?.id ? "cloze" : "card", c.ord]),
    ).toEqual([
      ["card", 0],
      ["card", 0],
      ["card", 1],
      ["cloze", 0],
      ["cloze", 1],
    ]);
    expect(collection.decks.map((d) => d.name)).toContain("Export me");
  });

  it("round trip: export, import, the same cards", () => {
    const back = convertToBank({ fileName: "export-me.apkg", bytes: apkg });
    if (!back.ok) throw new Error(JSON.stringify(back.findings));
    const cards = (b: typeof bank) =>
      b.questions.map((q) => ({
        kind: q.kind,
        front: q.front,
        back: q.back,
        reversible: q.reversible,
        cloze: q.cloze,
      }));
    expect(cards(back.bank)).toEqual(cards(bank));
  });

  it("refuses a file that is not a package with a message, never a throw", () => {
    const broken = convertToBank({ fileName: "broken.apkg", bytes: new TextEncoder().encode("not a zip") });
    expect(broken.ok).toBe(false);
    expect(broken.findings[0]).toMatchObject({ code: "bad-package", severity: "error" });
  });
});
