"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/server/auth/action-result";
import { currentActionContext } from "@/lib/server/auth/session";
import {
  createDeckCore,
  deleteCardCore,
  deleteDeckCore,
  type ImportDeckResult,
  importDeckCore,
  type SaveCardResult,
  saveCardCore,
} from "./deck-core";
import { boundedForm } from "./input-guard";

// The deck pages' actions (/decks, /decks/<id>): each resolves the session's learner, then runs its
// core (deck-core.ts). A deck is its owner's alone.

// Signed-in learners: a new deck of their own.
export async function createDeckAction(
  _previous: ActionResult<{ deckId: string }> | null,
  formData: FormData,
) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await createDeckCore(await currentActionContext(), formData);
    if (result.ok) redirect(`/decks/${result.deckId}`);
    return result;
  });
}

// Signed-in learners, for their own decks: add a card, or save an edit of one (its history is kept).
export async function saveCardAction(_previous: SaveCardResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await saveCardCore(await currentActionContext(), formData);
    const deckId = formData.get("deckId");
    if (result.ok && typeof deckId === "string") {
      revalidatePath(`/decks/${deckId}`);
      // An edit is done: back to the deck's list of cards.
      if (!result.created) redirect(`/decks/${deckId}#cards`);
    }
    return result;
  });
}

type DeleteCardResult = Awaited<ReturnType<typeof deleteCardCore>>;

// Signed-in learners, for their own decks: delete a card with its reviews.
export async function deleteCardAction(_previous: DeleteCardResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await deleteCardCore(await currentActionContext(), formData);
    const deckId = formData.get("deckId");
    if (result.ok && typeof deckId === "string") revalidatePath(`/decks/${deckId}`);
    return result;
  });
}

// Signed-in learners, for their own decks: paste or upload cards (nothing is saved on any error).
export async function importDeckAction(_previous: ImportDeckResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await importDeckCore(await currentActionContext(), formData);
    const deckId = formData.get("deckId");
    if (result.ok && typeof deckId === "string") revalidatePath(`/decks/${deckId}`);
    return result;
  });
}

type DeleteDeckResult = Awaited<ReturnType<typeof deleteDeckCore>>;

// Signed-in learners, for their own decks: delete it with its cards and their reviews (confirmed).
export async function deleteDeckAction(_previous: DeleteDeckResult | null, formData: FormData) {
  return boundedForm(_previous, formData, async (formData) => {
    const result = await deleteDeckCore(await currentActionContext(), formData);
    if (result.ok) redirect("/decks");
    return result;
  });
}
