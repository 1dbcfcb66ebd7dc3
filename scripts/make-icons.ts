/**
 * Writes Taskdeck's home-screen icons (public/icons/icon-192.png and icon-512.png, app/apple-icon.png) from the same
 * shapes as public/icons/icon.svg: a stack of two cards with a tick on the accent colour, drawn
 * full-bleed so a phone may crop it to a circle or a rounded square (the cards sit inside the
 * central 80% "safe zone" of a maskable icon). Pure Node (zlib): nothing is downloaded.
 * `npx tsx scripts/make-icons.ts` after changing the shapes; the PNGs are committed.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";

type Rgb = readonly [number, number, number];

const ACCENT: Rgb = [0x2f, 0x5b, 0xd3];
const SOFT: Rgb = [0x9d, 0xb7, 0xf5];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** The icon's shapes on a 100 × 100 canvas (icon.svg uses the same numbers). */
const BACK_CARD = { x: 20, y: 32, w: 48, h: 42, r: 8 };
const FRONT_CARD = { x: 32, y: 26, w: 48, h: 42, r: 8 };
const TICK = [
  [45, 47],
  [53, 55],
  [68, 40],
] as const;
const TICK_WIDTH = 7;

function insideRoundedRect(px: number, py: number, rect: typeof BACK_CARD): boolean {
  const cx = Math.max(rect.x + rect.r, Math.min(px, rect.x + rect.w - rect.r));
  const cy = Math.max(rect.y + rect.r, Math.min(py, rect.y + rect.h - rect.r));
  return (px - cx) ** 2 + (py - cy) ** 2 <= rect.r ** 2;
}

function distanceToSegment(px: number, py: number, a: readonly number[], b: readonly number[]): number {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function colourAt(px: number, py: number): Rgb {
  const onTick = TICK.slice(1).some(
    (point, i) => distanceToSegment(px, py, TICK[i] ?? point, point) <= TICK_WIDTH / 2,
  );
  if (insideRoundedRect(px, py, FRONT_CARD)) return onTick ? ACCENT : WHITE;
  if (insideRoundedRect(px, py, BACK_CARD)) return SOFT;
  return ACCENT;
}

/** RGB pixels of the icon at `size` × `size`, each pixel averaged over 4 × 4 samples. */
function render(size: number): Buffer {
  const rows = Buffer.alloc(size * (size * 3 + 1));
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 3 + 1);
    rows[row] = 0; // PNG filter type: none
    for (let x = 0; x < size; x += 1) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt(
            ((x + (sx + 0.5) / samples) / size) * 100,
            ((y + (sy + 0.5) / samples) / size) * 100,
          );
          for (let c = 0; c < 3; c += 1) sum[c] = (sum[c] ?? 0) + (colour[c] ?? 0);
        }
      }
      for (let c = 0; c < 3; c += 1) rows[row + 1 + x * 3 + c] = Math.round((sum[c] ?? 0) / samples ** 2);
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour PNG of the icon at `size` × `size`. */
export function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(render(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // The manifest's icons, and the 180 px one iPhones put on the home screen (app/apple-icon.png,
  // which Next links as apple-touch-icon).
  const files: Array<[string, number]> = [
    [path.join("public", "icons", "icon-192.png"), 192],
    [path.join("public", "icons", "icon-512.png"), 512],
    [path.join("app", "apple-icon.png"), 180],
  ];
  for (const [file, size] of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, iconPng(size));
    console.log(`wrote ${file}`);
  }
}
