"use client";

import { useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { deleteCardAction, deleteDeckAction } from "@/lib/server/actions/deck";

/** Deletes one card after a confirmation; the learner's reviews of it go with it. */
export function DeleteCardButton({
  deckId,
  cardId,
  label,
}: {
  deckId: string;
  cardId: string;
  label: string;
}) {
  const [state, formAction, isPending] = useActionState(deleteCardAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--quiet"
        aria-label={`Delete “${label}”…`}
        onClick={() => setConfirming(true)}
      >
        Delete…
      </button>
    );
  return (
    <form action={formAction} className="inline-form" aria-label={`Delete “${label}”?`}>
      <input type="hidden" name="deckId" value={deckId} />
      <input type="hidden" name="cardId" value={cardId} />
      <span>Delete this card and your reviews of it?</span>
      <button type="submit" className="button button--danger" disabled={isPending}>
        Delete card
      </button>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        Keep it
      </button>
      <FormStatus id={`delete-card-${cardId}`} error={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

/** Deletes the deck after a confirmation: its cards, and every review of them, go with it. */
export function DeleteDeckForm({ deckId, title, cards }: { deckId: string; title: string; cards: number }) {
  const [state, formAction, isPending] = useActionState(deleteDeckAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Delete deck…
      </button>
    );
  return (
    <form action={formAction} className="deck-form card" aria-label={`Delete “${title}”?`}>
      <p>
        Delete “{title}”, its {cards} {cards === 1 ? "card" : "cards"} and your reviews of them? This cannot
        be undone: download it as Markdown first to keep a copy.
      </p>
      <input type="hidden" name="deckId" value={deckId} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required /> Yes, delete this deck
      </label>
      <FormStatus id="delete-deck-status" error={state && !state.ok ? state.formError : undefined} />
      <div className="inline-form">
        <button type="submit" className="button button--danger" disabled={isPending}>
          Delete deck
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}
