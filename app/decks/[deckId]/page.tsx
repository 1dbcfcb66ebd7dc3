import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardForm } from "@/components/decks/card-form";
import { DeckProgressLine } from "@/components/decks/deck-progress";
import { DeleteCardButton, DeleteDeckForm } from "@/components/decks/delete-forms";
import { ImportCardsForm } from "@/components/decks/import-cards-form";
import { formFromQuestion } from "@/lib/bank/deck-card";
import { requirePageUser } from "@/lib/server/auth/session";
import { getDeck, getDeckCard } from "@/lib/server/data/decks";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/quiz/quiz.css";
import "@/components/decks/decks.css";

export const metadata: Metadata = { title: "Deck" };

const KIND_LABELS: Record<string, string> = {
  flashcard: "Flashcard",
  cloze: "Cloze",
  single: "Single choice",
  multiple: "Multiple choice",
  "true-false": "True or false",
  typed: "Typed answer",
  ordering: "Ordering",
};

export default async function DeckPage({
  params,
  searchParams,
}: {
  params: Promise<{ deckId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { deckId } = await params;
  const user = await requirePageUser(`/decks/${encodeURIComponent(deckId)}`);
  // Anyone but the deck's owner gets the same "not found" as for a deck that does not exist.
  const deck = await getDeck(prisma, user, deckId, new Date());
  if (!deck) notFound();
  const { edit } = await searchParams;
  const editing = typeof edit === "string" ? await getDeckCard(prisma, user, deck.id, edit) : null;
  return (
    <div className="deck-page">
      <p>
        <Link href="/decks">← My decks</Link>
      </p>
      <h1>{deck.title}</h1>
      {deck.description ? <p className="deck-description">{deck.description}</p> : null}
      <DeckProgressLine progress={deck.progress} />
      <div className="deck-actions">
        {deck.cards.length > 0 ? (
          <>
            <Link href={`/study?bank=${encodeURIComponent(deck.id)}`} className="button button--primary">
              Study this deck
            </Link>
            <a
              href={`/decks/${encodeURIComponent(deck.id)}/export?format=markdown`}
              className="button"
              download
            >
              Download as Markdown
            </a>
            <a href={`/decks/${encodeURIComponent(deck.id)}/export?format=apkg`} className="button" download>
              Download for Anki (.apkg)
            </a>
          </>
        ) : null}
      </div>

      <section aria-labelledby="cards">
        <h2 id="cards">Cards</h2>
        {deck.cards.length === 0 ? <p>No cards yet: add one below, or paste a few.</p> : null}
        <ol aria-label="Cards" className="deck-cards">
          {deck.cards.map((card) => (
            <li key={card.localId}>
              <span className="badge">{KIND_LABELS[card.kind] ?? card.kind}</span>
              <span className="deck-cards__text">
                {card.label}
                {card.revision > 1 ? <span className="muted"> · revision {card.revision}</span> : null}
                {card.studied ? <span className="muted"> · studied</span> : null}
              </span>
              <Link
                href={`/decks/${encodeURIComponent(deck.id)}?edit=${encodeURIComponent(card.localId)}#card-form`}
                className="button button--quiet"
                aria-label={`Edit “${card.label}”`}
              >
                Edit
              </Link>
              <DeleteCardButton deckId={deck.id} cardId={card.localId} label={card.label} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="card-form">
        <h2 id="card-form">{editing ? "Edit card" : "Add a card"}</h2>
        {editing ? (
          <p className="muted">
            Your reviews of this card stay: a changed card becomes a new revision with the same schedule.
          </p>
        ) : null}
        <CardForm
          key={editing ? `edit-${editing.id}` : "add"}
          deckId={deck.id}
          card={
            editing
              ? {
                  id: editing.id,
                  label: deck.cards.find((c) => c.localId === editing.id)?.label ?? editing.id,
                  fields: formFromQuestion(editing),
                }
              : undefined
          }
        />
      </section>

      <section aria-labelledby="paste">
        <h2 id="paste">Add cards from text or a file</h2>
        <ImportCardsForm deckId={deck.id} />
      </section>

      <section aria-labelledby="delete-deck">
        <h2 id="delete-deck">Delete the deck</h2>
        <DeleteDeckForm deckId={deck.id} title={deck.title} cards={deck.cards.length} />
      </section>
    </div>
  );
}
