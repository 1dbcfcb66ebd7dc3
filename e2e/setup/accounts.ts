import { createHash } from "node:crypto";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";

// The people of the end-to-end tests. The setup project signs each role in once and saves the
// browser state; a spec then runs as that role with `test.use({ storageState: STORAGE_STATE.learner })`.
// Tests that sign out, change passwords or delete accounts make their own with `newAccount()`
// instead, so they never end the shared sessions.

export type Role = "admin" | "instructor" | "learner";
export type Account = { name: string; email: string; password: string };

/** Saved signed-in browser states, one per role (e2e/.auth/ is git-ignored). */
export const STORAGE_STATE: Record<Role, string> = {
  admin: path.join(__dirname, "..", ".auth", "admin.json"),
  instructor: path.join(__dirname, "..", ".auth", "instructor.json"),
  learner: path.join(__dirname, "..", ".auth", "learner.json"),
};

/** The role accounts. The admin is the first account of the fresh e2e database. */
export const ROLE_ACCOUNTS: Record<Role, Account> = {
  admin: { name: "Ada Admin", email: "admin@e2e.taskdeck.test", password: "admin keeps the keys safe" },
  instructor: {
    name: "Ira Instructor",
    email: "instructor@e2e.taskdeck.test",
    password: "instructor grades fairly",
  },
  learner: { name: "Lee Learner", email: "learner@e2e.taskdeck.test", password: "learner studies every day" },
};

let counter = 0;

/** A fresh account no other test uses (not yet signed up). */
export function newAccount(label: string): Account {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return {
    name: `${label} ${unique}`,
    email: `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${unique}@e2e.taskdeck.test`,
    password: `${label} walks the long river ${unique}`,
  };
}

/** Signs up through the form; ends on Today (/), signed in. */
export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await submitSignUp(page);
  await expect(page).toHaveURL(/\/$/);
}

/**
 * The network a new account's browser comes from, as the app reads it behind a proxy
 * (X-Forwarded-For; create-auth.ts): an address in 10.0.0.0/8 fixed by the email. The suite's people
 * would otherwise all share 127.0.0.1, and the per-address sign-up limit (30, counted until a whole
 * minute passes with none: better-auth's window) made the 30th sign-up of a run wait a minute.
 */
export function networkOf(email: string): string {
  const [a = 0, b = 0, c = 0] = createHash("sha256").update(email).digest();
  return `10.${a}.${b}.${c}`;
}

/**
 * Presses "Sign up" on a filled form, from the network of the email typed in (`networkOf`): each
 * person of the suite signs up from their own, so the per-address limit holds none of them. A
 * refusal for that reason all the same (a spec filling its own form) waits out the window and
 * tries once more, as a person would.
 */
export async function submitSignUp(page: Page): Promise<void> {
  const limited = page.getByRole("status").filter({ hasText: /Too many sign-ups/ });
  const email = await page.getByLabel("Email", { exact: true }).inputValue();
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": networkOf(email) });
  await page.getByRole("button", { name: "Sign up" }).click();
  const outcome = await Promise.race([
    page.waitForURL((url) => url.pathname !== "/sign-up", { timeout: 15_000 }).then(() => "left" as const),
    limited.waitFor({ timeout: 15_000 }).then(() => "limited" as const),
  ]).catch(() => "unknown" as const);
  if (outcome !== "limited") return;
  test.info().setTimeout(test.info().timeout + 75_000);
  await page.waitForTimeout(61_000);
  await page.getByRole("button", { name: "Sign up" }).click();
}

/** Signs in through the form (optionally from a page that sent the visitor there). */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">, from = "/sign-in") {
  if (from) await page.goto(from);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The signed-in name in the page banner. */
export function bannerName(page: Page, name: string) {
  return page.getByRole("banner").getByRole("link", { name });
}
