import "server-only";
import { z } from "zod";
import { nameSchema } from "@/lib/name-policy";
import { assertRole, assertSignedIn } from "@/lib/server/auth/acting-user";
import { formFields, guarded, invalidInput } from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import {
  blockMember,
  createClass,
  joinClass,
  removeMember,
  rotateJoinCode,
  unblockMember,
} from "@/lib/server/data/classes";
import { serverText } from "@/lib/server/i18n/server-text";

// The class actions' bodies: who is acting → zod → data. class.ts wraps them with the session.

// The schemas whose messages a person reads are built per call, in the language of the request.
const createSchema = () => {
  const t = serverText("classes.refusal");
  return z.object({ name: nameSchema(t("className"), 120, t("nameTheClass")) });
};
const joinSchema = () =>
  z.object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{4,16}$/, serverText("classes.refusal")("joinCode")),
  });
const memberSchema = z.object({ classId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });
// Removing or blocking ends the learner's open attempts: the form asks first.
const confirmedMemberSchema = () =>
  memberSchema.extend({
    confirm: z.literal("yes", { message: serverText("classes.refusal")("confirm") }),
  });
const classIdSchema = z.object({ classId: z.string().min(1).max(100) });

/** Instructors: a new class they own. */
export async function createClassCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ classId: string; joinCode: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = createSchema().safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const created = await createClass(ctx.db, me, parsed.data);
    return { ok: true, classId: created.id, joinCode: created.joinCode };
  });
}

/** Signed-in people: join a class by its code. */
export async function joinClassCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ classId: string; name: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = joinSchema().safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const joined = await joinClass(ctx.db, me, parsed.data.code);
    return { ok: true, classId: joined.id, name: joined.name };
  });
}

/** Instructors, for classes they own: take a learner off the roster (confirmed); their open attempts end. */
export async function removeMemberCore(ctx: ActionContext, formData: FormData, now = new Date()) {
  return guarded(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = confirmedMemberSchema().safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await removeMember(ctx.db, me, parsed.data.classId, parsed.data.userId, now);
    return { ok: true };
  });
}

/** Instructors, for classes they own: remove a learner and keep them from joining again (confirmed). */
export async function blockMemberCore(ctx: ActionContext, formData: FormData, now = new Date()) {
  return guarded(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = confirmedMemberSchema().safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await blockMember(ctx.db, me, parsed.data.classId, parsed.data.userId, now);
    return { ok: true };
  });
}

/** Instructors, for classes they own: let a blocked person join again. */
export async function unblockMemberCore(ctx: ActionContext, formData: FormData) {
  return guarded(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = memberSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    await unblockMember(ctx.db, me, parsed.data.classId, parsed.data.userId);
    return { ok: true };
  });
}

/** Instructors, for classes they own: a new join code; the old code and link stop working. */
export async function rotateJoinCodeCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ joinCode: string }>(async () => {
    const me = assertRole(ctx.actor, "instructor");
    const parsed = classIdSchema.safeParse(formFields(formData));
    if (!parsed.success) return invalidInput(parsed.error);
    const { joinCode } = await rotateJoinCode(ctx.db, me, parsed.data.classId);
    return { ok: true, joinCode };
  });
}
