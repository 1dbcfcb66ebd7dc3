import type { Prisma } from "@/lib/generated/prisma/client";

// Who sees a bank. "public": shipped from content/ (bank sync owns it). An instructor's upload is
// "private" (their own quizzes only) or "published" (every instructor's quizzes and learners' study).
// A learner's own deck is "personal": its owner's study and deck pages only, never anyone else's
// list, quiz, exam, class insight or search (lib/server/data/decks.ts).

/** Visibilities everyone may study and every instructor may build quizzes from. */
export const OPEN_VISIBILITIES = ["public", "published"];

/** A learner's own deck. */
export const PERSONAL_VISIBILITY = "personal";

/** Banks anyone may see: shipped and published ones, never an instructor's private upload. */
export const openBank: Prisma.BankWhereInput = { visibility: { in: OPEN_VISIBILITIES } };

/** Questions of banks anyone may see (add `retiredAt: null` for live ones). */
export const inOpenBank: Prisma.QuestionWhereInput = { bank: openBank };

/** The personal decks of one learner. */
export const ownDeck = (userId: string): Prisma.BankWhereInput => ({
  visibility: PERSONAL_VISIBILITY,
  ownerId: userId,
});

/** Questions a learner may study: open banks' and their own decks'. */
export const inStudyableBank = (userId: string): Prisma.QuestionWhereInput => ({
  bank: { OR: [openBank, ownDeck(userId)] },
});
