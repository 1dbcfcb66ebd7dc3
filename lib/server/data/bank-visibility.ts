import type { Prisma } from "@/lib/generated/prisma/client";

// Who sees a bank. "public": shipped from content/ (bank sync owns it). An instructor's upload is
// "private" (their own quizzes only) or "published" (every instructor's quizzes and learners' study).

/** Visibilities everyone may study and every instructor may build quizzes from. */
export const OPEN_VISIBILITIES = ["public", "published"];

/** Banks anyone may see: shipped and published ones, never an instructor's private upload. */
export const openBank: Prisma.BankWhereInput = { visibility: { in: OPEN_VISIBILITIES } };

/** Questions of banks anyone may see (add `retiredAt: null` for live ones). */
export const inOpenBank: Prisma.QuestionWhereInput = { bank: openBank };
