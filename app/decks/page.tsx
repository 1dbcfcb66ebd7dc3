import type { Metadata } from "next";
import Link from "next/link";
import { CreateDeckForm } from "@/components/decks/create-deck-form";
import { DeckProgressLine } from "@/components/decks/deck-progress";
import { requirePageUser } from "@/lib/server/auth/session";
import { listDecks } from "@/lib/server/data/decks";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/quiz/quiz.css";
import "@/components/decks/decks.css";

export const metadata: Metadata = { title: "My decks" };

export default async function DecksPage() {
  const user = await requirePageUser("/decks");
  const decks = await listDecks(prisma, user, new Date());
  return (
    <div className="deck-page">
      <h1>My decks</h1>
      <p className="lead">
        Cards and questions of your own, studied with the same schedule as the banks. A deck is yours alone:
        no other learner, instructor or admin can see it. Its cards join your daily reviews in Study, or study
        one deck at a time.
      </p>
      {decks.length === 0 ? <p>No decks yet: create one below.</p> : null}
      <ul aria-label="My decks" className="deck-list">
        {decks.map((deck) => (
          <li key={deck.id} className="card">
            <h2>
              <Link href={`/decks/${deck.id}`}>{deck.title}</Link>
            </h2>
            {deck.description ? <p className="deck-description">{deck.description}</p> : null}
            <DeckProgressLine progress={deck.progress} />
            {deck.progress.cards > 0 ? (
              <Link href={`/study?bank=${encodeURIComponent(deck.id)}`} className="button">
                Study “{deck.title}”
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-deck">
        <h2 id="new-deck">New deck</h2>
        <CreateDeckForm />
      </section>
    </div>
  );
}
