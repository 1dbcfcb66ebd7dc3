import "server-only";
import { assertSignedIn } from "@/lib/server/auth/acting-user";
import {
  type ActionResult,
  guarded,
  invalidInput,
  type StorageFailure,
  storageUnavailable,
} from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import {
  buryUntilTomorrow,
  recordGrade,
  reportQuestion,
  setSuspended,
  undoGrade,
} from "@/lib/server/data/study-grading";
import { loadStudyQueue } from "@/lib/server/data/study-queue";
import {
  getStudyPreferences,
  saveStudyPreferences,
  studyPreferencesSchema,
} from "@/lib/server/data/study-settings";
import { isStorageUnavailable } from "@/lib/server/db";
import { serverLocale } from "@/lib/server/i18n/server-text";
import type { GradeResponse, QueueView } from "@/lib/study/views";
import { cardActionSchema, gradeSchema, loadMoreSchema, reportSchema, undoSchema } from "./study-schemas";

// The study actions' bodies: who is acting → zod → domain/data. study.ts wraps them with the
// session's acting user; the role matrix calls them with its own.

// A read-only or full disk is an answer too: a typed failure saying nothing was saved.
async function studying<T extends object>(
  run: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T> | StorageFailure> {
  try {
    return await guarded(run);
  } catch (error) {
    if (isStorageUnavailable(error)) {
      console.error("Storage unavailable: a study write was refused", error);
      return storageUnavailable();
    }
    throw error;
  }
}

/** Signed-in learners, for their own cards only. */
export async function gradeCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return studying<{ result: GradeResponse }>(async () => {
    const actor = assertSignedIn(ctx.actor);
    const parsed = gradeSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return { ok: true, result: await recordGrade(ctx.db, actor, parsed.data, now) };
  });
}

/** Signed-in learners, for their own grades only. */
export async function undoCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return studying<{ questionId: string; side: string }>(async () => {
    const actor = assertSignedIn(ctx.actor);
    const parsed = undoSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    const { ref } = await undoGrade(ctx.db, actor, parsed.data, now);
    return { ok: true, ...ref };
  });
}

/** Signed-in learners, for their own cards only. */
export async function suspendCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return studying(async () => {
    const actor = assertSignedIn(ctx.actor);
    const parsed = cardActionSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    await setSuspended(ctx.db, actor, parsed.data.ref, true, now);
    return { ok: true };
  });
}

/** Signed-in learners, for their own cards only. */
export async function buryCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return studying<{ until: string }>(async () => {
    const actor = assertSignedIn(ctx.actor);
    const parsed = cardActionSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    return { ok: true, until: (await buryUntilTomorrow(ctx.db, actor, parsed.data.ref, now)).toISOString() };
  });
}

/** Signed-in learners, for their own queue only. */
export async function loadMoreCore(ctx: ActionContext, input: unknown, now = new Date()) {
  return studying<{ view: QueueView }>(async () => {
    const actor = assertSignedIn(ctx.actor);
    const parsed = loadMoreSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    const { filter, mode, exclude } = parsed.data;
    return {
      ok: true,
      view: await loadStudyQueue(ctx.db, actor, filter, now, {
        mode,
        exclude,
        limit: 10,
        locale: serverLocale(),
      }),
    };
  });
}

/** Signed-in learners: a report about a question, stored under their name. */
export async function reportCore(ctx: ActionContext, input: unknown) {
  return studying<{ message: string }>(async () => {
    const actor = assertSignedIn(ctx.actor);
    const parsed = reportSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error);
    await reportQuestion(ctx.db, actor, parsed.data);
    return { ok: true, message: "Thank you: the bank's authors will see your report." };
  });
}

/** Signed-in learners, for their own preferences. */
export async function savePreferencesCore(ctx: ActionContext, formData: FormData) {
  return studying<{ message: string }>(async () => {
    const actor = assertSignedIn(ctx.actor);
    const fields = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
    const parsed = studyPreferencesSchema.safeParse({
      ...fields,
      enableFuzz: formData.get("enableFuzz") === "on",
    });
    if (!parsed.success) return invalidInput(parsed.error);
    await saveStudyPreferences(ctx.db, actor, parsed.data);
    return { ok: true, message: "Saved. Your next cards follow these settings." };
  });
}

export { getStudyPreferences };
