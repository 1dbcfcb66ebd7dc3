import "server-only";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { serverText } from "@/lib/server/i18n/server-text";
import type { ActingUser } from "../auth/acting-user";
import { storeOf } from "../db";

// An attempt at a class quiz belongs to the class: a learner taken off the roster may no longer
// open, autosave, check or submit it. Removal also ends their open attempts (classes.ts); this
// check is what every attempt action asks first, so nothing slips through in between.

/**
 * Throws unless the actor may still work on this attempt of theirs: always for their own practice
 * exam, and for a class quiz only while they are on the class's roster. An attempt that is not the
 * actor's passes here and is refused by the caller as missing.
 */
export async function assertStillOnRoster(db: PrismaClient, actor: ActingUser, attemptId: string) {
  // On every autosave: one prepared statement (lib/server/db), not a Prisma query.
  if (await storeOf(db).isOffRoster(attemptId, actor.id))
    throw new AppError("not-found", serverText("quiz.refusal")("offRoster"));
}
