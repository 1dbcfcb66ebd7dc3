import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CardForm } from "@/components/decks/card-form";
import { DeckProgressLine } from "@/components/decks/deck-progress";
import { DeleteCardButton, DeleteDeckForm } from "@/components/decks/delete-forms";
import { ImportCardsForm } from "@/components/decks/import-cards-form";
import { cardLabel, formFromQuestion } from "@/lib/bank/deck-card";
import { requirePageUser } from "@/lib/server/auth/session";
import { DECK_PAGE_SIZE, getDeck, getDeckCard } from "@/lib/server/data/decks";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/quiz/quiz.css";
import "@/components/decks/decks.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("decks.deck");
  return { title: t("metaTitle") };
}

// i18n-keys: decks.kind.*
const KINDS = new Set(["flashcard", "cloze", "single", "multiple", "true-false", "typed", "ordering"]);

export default async function DeckPage({
  params,
  searchParams,
}: {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { deckId } = await params;
  const user = await requirePageUser(`/decks/${encodeURIComponent(deckId)}`);
  const { edit, page } = await searchParams;
  // Anyone but the deck's owner gets the same "not found" as for a deck that does not exist.
  const deck = await getDeck(prisma, user, deckId, new Date(), Number(typeof page === "string" ? page : 1));
  if (!deck) notFound();
  const deckHref = `/decks/${encodeURIComponent(deck.id)}`;
  const pageQuery = deck.page > 1 ? `page=${deck.page}&` : "";
  const [t, tKind] = await Promise.all([getTranslations("decks.deck"), getTranslations("decks.kind")]);
  const editing = typeof edit === "string" ? await getDeckCard(prisma, user, deck.id, edit) : null;
  return (
    <div className="deck-page">
      <p>
        <Link href="/decks">{t("back")}</Link>
      </p>
      <h1>{deck.title}</h1>
      {deck.description ? <p className="deck-description">{deck.description}</p> : null}
      <DeckProgressLine progress={deck.progress} />
      <div className="deck-actions">
        {deck.cardCount > 0 ? (
          <>
            <Link href={`/study?bank=${encodeURIComponent(deck.id)}`} className="button button--primary">
              {t("study")}
            </Link>
            <a
              href={`/decks/${encodeURIComponent(deck.id)}/export?format=markdown`}
              className="button"
              download
            >
              {t("downloadMarkdown")}
            </a>
            <a href={`/decks/${encodeURIComponent(deck.id)}/export?format=apkg`} className="button" download>
              {t("downloadAnki")}
            </a>
          </>
        ) : null}
      </div>

      <section aria-labelledby="cards">
        <h2 id="cards">{t("cards")}</h2>
        {deck.cardCount === 0 ? <p>{t("noCards")}</p> : null}
        {deck.pages > 1 ? (
          <p className="muted" aria-live="polite">
            {t("pageStatus", {
              from: (deck.page - 1) * DECK_PAGE_SIZE + 1,
              to: (deck.page - 1) * DECK_PAGE_SIZE + deck.cards.length,
              total: deck.cardCount,
            })}
          </p>
        ) : null}
        <ol aria-label={t("cards")} className="deck-cards" start={(deck.page - 1) * DECK_PAGE_SIZE + 1}>
          {deck.cards.map((card) => (
            <li key={card.localId}>
              <span className="badge">
                {KINDS.has(card.kind) ? tKind(card.kind as "flashcard") : card.kind}
              </span>
              <span className="deck-cards__text">
                {card.label}
                {card.revision > 1 ? (
                  <span className="muted">{t("revision", { revision: card.revision })}</span>
                ) : null}
                {card.studied ? <span className="muted">{t("studied")}</span> : null}
              </span>
              <Link
                href={`${deckHref}?${pageQuery}edit=${encodeURIComponent(card.localId)}#card-form`}
                className="button button--quiet"
                aria-label={t("editLabel", { label: card.label })}
              >
                {t("edit")}
              </Link>
              <DeleteCardButton deckId={deck.id} cardId={card.localId} label={card.label} />
            </li>
          ))}
        </ol>
        {deck.pages > 1 ? (
          <nav aria-label={t("pageNav")} className="deck-pages">
            {deck.page > 1 ? (
              <Link href={`${deckHref}?page=${deck.page - 1}#cards`} rel="prev" className="button">
                {t("previousPage")}
              </Link>
            ) : null}
            <span>{t("pageOf", { page: deck.page, pages: deck.pages })}</span>
            {deck.page < deck.pages ? (
              <Link href={`${deckHref}?page=${deck.page + 1}#cards`} rel="next" className="button">
                {t("nextPage")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="card-form">
        <h2 id="card-form">{editing ? t("editCard") : t("addCard")}</h2>
        {editing ? <p className="muted">{t("editNote")}</p> : null}
        <CardForm
          key={editing ? `edit-${editing.id}` : "add"}
          deckId={deck.id}
          card={
            editing
              ? {
                  id: editing.id,
                  label: cardLabel(editing),
                  fields: formFromQuestion(editing),
                }
              : undefined
          }
        />
      </section>

      <section aria-labelledby="paste">
        <h2 id="paste">{t("paste")}</h2>
        <ImportCardsForm deckId={deck.id} />
      </section>

      <section aria-labelledby="delete-deck">
        <h2 id="delete-deck">{t("deleteDeck")}</h2>
        <DeleteDeckForm deckId={deck.id} title={deck.title} cards={deck.cardCount} />
      </section>
    </div>
  );
}
