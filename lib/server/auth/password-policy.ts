import { COMMON_PASSWORDS } from "./common-passwords";
import { normalizePassword } from "./password-hash";

// What a new password must be (SECURITY.md item 10, after NIST SP 800-63B): long enough, not one
// of the commonest, not blank, not the account's own name or email. No composition rules: length
// beats symbols.

/** Characters (Unicode code points, after NFC) a password must have at least. */
export const PASSWORD_MIN_LENGTH = 8;
/** Characters a password may have at most; long passphrases are welcome. */
export const PASSWORD_MAX_LENGTH = 128;

/** True when the password, compared case-insensitively, is on the common-passwords list. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(normalizePassword(password).toLowerCase());
}

/** Length in characters as a person counts them (code points), after NFC normalization. */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/**
 * Why a new password is refused, in words for the person choosing it, or null when it is fine.
 * Compared case-insensitively (after NFC and trimming): the account's name, its email and the
 * email's part before the @.
 * @example newPasswordProblem("correct horse battery staple") // null
 * @example newPasswordProblem("password1") // "This password is one of the most common…"
 * @example newPasswordProblem("Ada Lovelace", { name: "ada lovelace" }) // "Do not use your name…"
 */
export function newPasswordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = normalizePassword(password).trim().toLowerCase();
  if (lowered === "") return "Use some characters other than spaces.";
  if (isCommonPassword(password) || isCommonPassword(lowered)) {
    return "This password is one of the most common and is easy to guess. Choose another (a few unrelated words work well).";
  }
  const email = context.email?.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0])) {
    return "Do not use your email address as your password.";
  }
  const name = context.name ? normalizePassword(context.name).trim().toLowerCase() : "";
  if (name && lowered === name) return "Do not use your name as your password.";
  return null;
}
