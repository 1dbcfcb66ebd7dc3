import { AppError } from "@/lib/errors";

// Who is acting, as every action, route handler and data function receives it: a plain object,
// never a database row (no password hash, no session token can leak through it to a page).

/** Every account is a learner; instructor and admin are granted. */
export const ROLES = ["learner", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** Roles stored in UserRole rows (learner is implied by having an account). */
export const GRANTABLE_ROLES = ["instructor", "admin"] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/** The signed-in person. */
export type ActingUser = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  /**
   * The interface language the learner saved, as the session lookup read it in the same statement
   * (null: none saved; absent: not read, e.g. an actor a test or script made), so a route's
   * refusals speak it without a second query on every grading and autosave.
   */
  savedLocale?: string | null;
};

/** True when `user` holds `role`. */
export function hasRole(user: Pick<ActingUser, "roles">, role: Role): boolean {
  return user.roles.includes(role);
}

/** Sorted, de-duplicated roles with learner always present. */
export function rolesFrom(granted: Iterable<string>): Role[] {
  const set = new Set<Role>(["learner"]);
  for (const role of granted)
    if ((GRANTABLE_ROLES as readonly string[]).includes(role)) set.add(role as Role);
  return ROLES.filter((role) => set.has(role));
}

/** Nobody is signed in (or the session ended): an AppError with code "not-signed-in", 401. */
export class NotSignedInError extends AppError {
  constructor() {
    super("not-signed-in", "Sign in to continue.", { internal: "No signed-in user" });
  }
}

/**
 * Signed in, but without the role or ownership the operation needs: an AppError with code
 * "forbidden", 403. `message` is for logs; the user is told only that they have no access.
 */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("forbidden", "You do not have access to that.", { internal: message });
  }
}

/** The acting user, or a NotSignedInError. */
export function assertSignedIn(actor: ActingUser | null | undefined): ActingUser {
  if (!actor) throw new NotSignedInError();
  return actor;
}

/** The acting user when they hold `role`; NotSignedInError or ForbiddenError otherwise. */
export function assertRole(actor: ActingUser | null | undefined, role: Role): ActingUser {
  const user = assertSignedIn(actor);
  if (!hasRole(user, role)) throw new ForbiddenError(`User ${user.id} lacks the ${role} role`);
  return user;
}
