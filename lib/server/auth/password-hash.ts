import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

// Passwords are hashed with scrypt at N=2^17, r=8, p=1 (SECURITY.md item 10, OWASP's figure) and
// stored as a PHC-style string that names its parameters, so a stored hash can be checked and
// a later change of parameters can still verify old hashes.

/** scrypt parameters as stored: `ln` is log2(N). */
export type ScryptParams = { ln: number; r: number; p: number };

export const SCRYPT_PARAMS: Readonly<ScryptParams> = { ln: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/** Bounds on stored parameters, so a corrupted row cannot make a verification run for minutes. */
const LIMITS = { ln: [14, 20], r: [1, 32], p: [1, 4] } as const;

/** The form passwords are hashed in: Unicode NFC, so "é" typed either way is the same password. */
export function normalizePassword(password: string): string {
  return password.normalize("NFC");
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below that for N=2^17.
  const maxmem = 128 * N * params.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(
      normalizePassword(password),
      salt,
      length,
      { N, r: params.r, p: params.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/**
 * Hashes a password for storage.
 * @example await hashPassword("correct horse battery staple") // "$scrypt$ln=17,r=8,p=1$…$…"
 */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** A stored hash taken apart, or null when it is not one of ours. */
export type ParsedHash = { params: ScryptParams; salt: Buffer; key: Buffer };

const HASH_PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** Reads the parameters, salt and key of a stored hash; null when malformed or out of bounds. */
export function parsePasswordHash(stored: string): ParsedHash | null {
  const match = HASH_PATTERN.exec(stored);
  if (!match) return null;
  const [, ln, r, p, salt, key] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  const within = (value: number, [low, high]: readonly [number, number]) => value >= low && value <= high;
  if (!within(params.ln, LIMITS.ln) || !within(params.r, LIMITS.r) || !within(params.p, LIMITS.p))
    return null;
  const saltBytes = Buffer.from(salt ?? "", "base64");
  const keyBytes = Buffer.from(key ?? "", "base64");
  if (saltBytes.length < 16 || keyBytes.length < 32) return null;
  return { params, salt: saltBytes, key: keyBytes };
}

/** True when `password` matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}
