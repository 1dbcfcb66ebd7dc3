import { Decompress } from "fzstd";

// The byte formats inside an Anki package that are not SQLite: protobuf (a current package's meta,
// media list and note type settings) and zstd (its collection and media), each read with the
// bounds a package from a stranger needs. Split from anki-package.ts, which reads the package.

/** The most a collection or a media file may inflate to (a zip or zstd bomb is refused). */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Why a package cannot be read, said to the person who gave it. */
export class AnkiPackageError extends Error {}

/** Reads protobuf fields (varint and length-delimited ones; others skipped) from a buffer. */
export function protobufFields(bytes: Uint8Array): Array<{ field: number; value: number | Uint8Array }> {
  const out: Array<{ field: number; value: number | Uint8Array }> = [];
  let i = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++];
      if (b === undefined) throw new AnkiPackageError("A protobuf value is cut short.");
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  while (i < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) out.push({ field, value: varint() });
    else if (wire === 2) {
      const length = varint();
      out.push({ field, value: bytes.subarray(i, i + length) });
      i += length;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new AnkiPackageError(`Unknown protobuf wire type ${wire}.`);
  }
  return out;
}

/**
 * The size a zstd frame says it needs before any of it is decompressed: its content size when the
 * header gives it, else its window (fzstd allocates either up front). Null when it is no frame.
 */
function zstdFrameSize(bytes: Uint8Array): number | null {
  if (bytes.length < 6 || bytes[0] !== 0x28 || bytes[1] !== 0xb5 || bytes[2] !== 0x2f || bytes[3] !== 0xfd)
    return null;
  const flags = bytes[4] as number;
  const singleSegment = (flags >> 5) & 1;
  const sizeFlag = flags >> 6;
  const dictionaryBytes = [0, 1, 2, 4][flags & 3] as number;
  const sizeBytes = sizeFlag ? 1 << sizeFlag : singleSegment;
  let at = 6 - singleSegment + dictionaryBytes;
  let declared = 0;
  for (let i = 0; i < sizeBytes; i++) declared += (bytes[at++] ?? 0) * 2 ** (8 * i);
  if (sizeFlag === 1) declared += 256;
  if (singleSegment) return declared;
  const descriptor = bytes[5] as number;
  const window = 2 ** (10 + (descriptor >> 3));
  return Math.max(declared, window + (window / 8) * (descriptor & 7));
}

/** The refusal of a file that would unpack past MAX_UNPACKED_BYTES. */
export const tooLarge = (what: string) =>
  new AnkiPackageError(`${what} would unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB.`);

/** Decompresses zstd data, refused as soon as it would pass MAX_UNPACKED_BYTES (a zstd bomb). */
export function unzstd(bytes: Uint8Array, what: string): Uint8Array {
  if ((zstdFrameSize(bytes) ?? 0) > MAX_UNPACKED_BYTES) throw tooLarge(what);
  const parts: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((part) => {
    total += part.length;
    if (total > MAX_UNPACKED_BYTES) throw tooLarge(what);
    parts.push(part);
  });
  try {
    stream.push(bytes, true);
  } catch (error) {
    if (error instanceof AnkiPackageError) throw error;
    throw new AnkiPackageError(`${what} is not valid zstd data (${(error as Error).message}).`);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
