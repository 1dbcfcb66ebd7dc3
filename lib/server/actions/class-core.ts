import "server-only";
import { z } from "zod";
import { assertRole, assertSignedIn } from "@/lib/server/auth/acting-user";
import { formFields, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { nameSchema } from "@/lib/server/auth/name-policy";
import { createClass, joinClass, removeMember } from "@/lib/server/data/classes";
import { quizGuarded } from "./quiz-guard";

// The class actions' bodies: who is acting → zod → data. class.ts wraps them with the session.

const createSchema = z.object({ name: nameSchema("Class name", 120, "Name the class") });
const joinSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4,16}$/, "Enter the code your instructor gave you"),
});
const removeSchema = z.object({ classId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });

/** Instructors: a new class they own. */
export async function createClassCore(ctx: ActionContext, formData: FormData) {
  return quizGuarded<{ classId: string; joinCode: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = createSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const created = await createClass(ctx.db, me, parsed.data);
    return { ok: true, classId: created.id, joinCode: created.joinCode };
  });
}

/** Signed-in people: join a class by its code. */
export async function joinClassCore(ctx: ActionContext, formData: FormData) {
  return quizGuarded<{ classId: string; name: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = joinSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const joined = await joinClass(ctx.db, me, parsed.data.code);
    return { ok: true, classId: joined.id, name: joined.name };
  });
}

/** Instructors, for classes they own: take a learner off the roster. */
export async function removeMemberCore(ctx: ActionContext, formData: FormData) {
  return quizGuarded(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = removeSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await removeMember(ctx.db, me, parsed.data.classId, parsed.data.userId);
    return { ok: true };
  });
}
