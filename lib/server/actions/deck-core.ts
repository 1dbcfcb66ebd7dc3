import "server-only";
import { z } from "zod";
import { MAX_FIELD_LENGTH } from "@/lib/bank/deck-card";
import { nameSchema } from "@/lib/name-policy";
import { assertSignedIn } from "@/lib/server/auth/acting-user";
import {
  type ActionFailure,
  type ActionResult,
  failure,
  formFields,
  guarded,
  invalidInput,
} from "@/lib/server/auth/action-result";
import type { ActionContext } from "@/lib/server/auth/auth-call";
import { AnkiPackageError } from "@/lib/server/banks/anki-package";
import type { UploadFinding, UploadInput } from "@/lib/server/banks/check-upload";
import { isAnkiPackage } from "@/lib/server/banks/convert";
import { createDeck, deleteDeck, deleteDeckCard, saveDeckCard } from "@/lib/server/data/decks";
import { importIntoDeck } from "@/lib/server/data/decks-import";
import { serverText } from "@/lib/server/i18n/server-text";
import { giveWay } from "../give-way";
import { decodeUtf8 } from "./instructor-bank-core";

// The deck actions' bodies: who is acting → zod → data. Every one is for the signed-in learner's own
// decks: a deck of anyone else's is answered exactly like one that does not exist.

// Refusals in the language of the request (serverText is English outside one).
const refusal = () => serverText("decks.refusal");
const noDeck = () => failure(refusal()("noDeck"));
const noCard = () => failure(refusal()("noCard"));
const MAX_BYTES = 1024 * 1024;
const formatSchema = z.enum(["gfm", "auto", "quizdown", "obsidian", "gift", "anki", "apkg"]).catch("gfm");
const idSchema = z.string().min(1).max(200);
/** The new-deck form's schema, its messages in the language of the request. */
function createSchema() {
  const t = serverText("decks.create");
  return z.object({
    title: nameSchema(t("titleName"), 120, t("titleMissing")),
    description: z.string().trim().max(1000, t("descriptionTooLong")).default(""),
  });
}
const deckIdSchema = z.object({ deckId: idSchema });
const cardIdSchema = deckIdSchema.extend({ cardId: z.string().regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/) });
const deleteDeckSchema = deckIdSchema.extend({
  confirm: z.literal("yes", { message: "Tick the box to confirm the deletion" }),
});

/** The fields of a card form sent back on a refusal, so nothing the learner typed is lost. */
function cardValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(formFields(formData)))
    if (key !== "deckId") values[key] = value.slice(0, MAX_FIELD_LENGTH);
  return values;
}

/** Signed-in learners: a new, empty deck of their own. */
export async function createDeckCore(
  ctx: ActionContext,
  formData: FormData,
  now = new Date(),
): Promise<ActionResult<{ deckId: string }>> {
  return guarded<{ deckId: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const fields = formFields(formData);
    const parsed = createSchema().safeParse(fields);
    if (!parsed.success)
      return {
        ...invalidInput(parsed.error),
        values: {
          title: (fields.title ?? "").slice(0, 200),
          description: (fields.description ?? "").slice(0, 1000),
        },
      };
    const { deckId } = await createDeck(ctx.db, me, parsed.data, now);
    return { ok: true, deckId };
  });
}

export type SaveCardResult = ActionResult<{ localId: string; created: boolean; revision: number }>;

/** Signed-in learners, for their own decks: add a card, or save an edit of one (history kept). */
export async function saveCardCore(ctx: ActionContext, formData: FormData): Promise<SaveCardResult> {
  return guarded(async () => {
    const me = assertSignedIn(ctx.actor);
    const fields = formFields(formData);
    const deck = deckIdSchema.safeParse(fields);
    if (!deck.success) return noDeck();
    const cardId = fields.cardId ? cardIdSchema.safeParse(fields) : null;
    if (cardId && !cardId.success) return noCard();
    const { deckId: _deck, cardId: _card, ...card } = fields;
    const outcome = await saveDeckCard(ctx.db, me, deck.data.deckId, cardId?.data.cardId ?? null, card);
    if (!outcome) return cardId ? noCard() : noDeck();
    if (!outcome.ok)
      return { ...failure(outcome.formError, outcome.fieldErrors), values: cardValues(formData) };
    return outcome;
  });
}

/** Signed-in learners, for their own decks: delete one card with its reviews. */
export async function deleteCardCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ label: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = cardIdSchema.safeParse(formFields(formData));
    if (!parsed.success) return noCard();
    const deleted = await deleteDeckCard(ctx.db, me, parsed.data.deckId, parsed.data.cardId);
    return deleted ? { ok: true, ...deleted } : noCard();
  });
}

/** Signed-in learners, for their own decks: delete it, with its cards and their reviews (confirmed). */
export async function deleteDeckCore(ctx: ActionContext, formData: FormData) {
  return guarded<{ title: string }>(async () => {
    const me = assertSignedIn(ctx.actor);
    const parsed = deleteDeckSchema.safeParse(formFields(formData));
    if (!parsed.success)
      return parsed.error.issues.some((i) => i.path[0] === "confirm")
        ? failure(refusal()("confirm"))
        : noDeck();
    const deleted = await deleteDeck(ctx.db, me, parsed.data.deckId);
    return deleted ? { ok: true, ...deleted } : noDeck();
  });
}

/** A package the upload checker could not read (its reason says what and where); anything else rethrown. */
function refusedPackage(error: unknown): { refused: ActionFailure } {
  if (error instanceof AnkiPackageError)
    return { refused: failure(refusal()("ankiUnreadable", { reason: error.message })) };
  throw error;
}

/** The cards' text of an import form (pasted or a file of at most 1 MB), or why there is none. */
async function readImport(formData: FormData): Promise<UploadInput | ActionFailure> {
  const file = formData.get("file");
  const pasted = formData.get("markdown");
  let text = typeof pasted === "string" ? pasted : "";
  let fileName = "pasted.md";
  const format = formatSchema.parse(formData.get("format") ?? "gfm");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BYTES) return failure(refusal()("fileTooLarge"));
    fileName = file.name.replace(/[^\w.-]+/g, "_").slice(0, 100) || "upload.md";
    const bytes = new Uint8Array(await file.arrayBuffer());
    // An Anki package (a zip holding the collection): the same reader as instructors' uploads.
    if (isAnkiPackage({ fileName, bytes, format })) {
      return { bytes, fileName, format: "apkg" };
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) return failure(decoded.message);
    text = decoded.text;
  }
  if (text.trim() === "") return failure(refusal()("nothing"));
  if (new TextEncoder().encode(text).length > MAX_BYTES) return failure(refusal()("textTooLarge"));
  if (format === "apkg") return failure(refusal()("chooseApkg"));
  return { text, fileName, format };
}

export type ImportDeckResult =
  | {
      ok: true;
      added: number;
      updated: number;
      unchanged: number;
      warnings: UploadFinding[];
      notes: string[];
      history: { cards: number; reviews: number } | null;
    }
  | (ActionFailure & { findings?: UploadFinding[] });

/** Signed-in learners, for their own decks: paste or upload cards (nothing is saved on any error). */
export async function importDeckCore(ctx: ActionContext, formData: FormData): Promise<ImportDeckResult> {
  return guarded(async () => {
    const me = assertSignedIn(ctx.actor);
    const deck = deckIdSchema.safeParse(formFields(formData));
    if (!deck.success) return noDeck();
    const input = await readImport(formData);
    if ("ok" in input) return input;
    // A checkbox sends "on" when ticked and nothing otherwise (the form ticks it by default).
    const keepHistory = formData.get("keepHistory") === "on";
    const outcome = await importIntoDeck(ctx.db, me, deck.data.deckId, input, { keepHistory }).catch(
      refusedPackage,
    );
    if (!outcome) return noDeck();
    if ("refused" in outcome) return outcome.refused;
    // The import's last statements have just run, and the deck page is drawn again for the answer
    // right after: requests that arrived meanwhile are read first (give-way.ts) instead of waiting
    // for both (a health check waited ~180 ms there for a 5,000-card package).
    await giveWay();
    if (outcome.ok) return { ...outcome, warnings: outcome.warnings.slice(0, 50) };
    return {
      ...failure(refusal()("errors", { count: outcome.findings.length })),
      findings: outcome.findings.slice(0, 200),
    };
  });
}
