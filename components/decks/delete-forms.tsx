"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("decks.delete");
  const [state, formAction, isPending] = useActionState(deleteCardAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button
        type="button"
        className="button button--quiet"
        aria-label={t("card", { label })}
        onClick={() => setConfirming(true)}
      >
        {t("cardButton")}
      </button>
    );
  return (
    <form action={formAction} className="inline-form" aria-label={t("cardForm", { label })}>
      <input type="hidden" name="deckId" value={deckId} />
      <input type="hidden" name="cardId" value={cardId} />
      <span>{t("cardQuestion")}</span>
      <button type="submit" className="button button--danger" disabled={isPending}>
        {t("cardSubmit")}
      </button>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        {t("keep")}
      </button>
      <FormStatus id={`delete-card-${cardId}`} error={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

/** Deletes the deck after a confirmation: its cards, and every review of them, go with it. */
export function DeleteDeckForm({ deckId, title, cards }: { deckId: string; title: string; cards: number }) {
  const t = useTranslations("decks.delete");
  const [state, formAction, isPending] = useActionState(deleteDeckAction, null);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t("deckButton")}
      </button>
    );
  return (
    <form action={formAction} className="deck-form card" aria-label={t("deckForm", { title })}>
      <p>{t("deckQuestion", { title, cards })}</p>
      <input type="hidden" name="deckId" value={deckId} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required /> {t("confirm")}
      </label>
      <FormStatus id="delete-deck-status" error={state && !state.ok ? state.formError : undefined} />
      <div className="inline-form">
        <button type="submit" className="button button--danger" disabled={isPending}>
          {t("deckSubmit")}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
          {t("keep")}
        </button>
      </div>
    </form>
  );
}
