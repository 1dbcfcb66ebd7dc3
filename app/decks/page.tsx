import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateDeckForm } from "@/components/decks/create-deck-form";
import { DeckProgressLine } from "@/components/decks/deck-progress";
import { requirePageUser } from "@/lib/server/auth/session";
import { listDecks } from "@/lib/server/data/decks";
import { prisma } from "@/lib/server/db";
import "@/components/study/study.css";
import "@/components/quiz/quiz.css";
import "@/components/decks/decks.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("decks.list");
  return { title: t("title") };
}

export default async function DecksPage() {
  const user = await requirePageUser("/decks");
  const [decks, t] = await Promise.all([listDecks(prisma, user, new Date()), getTranslations("decks.list")]);
  return (
    <div className="deck-page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {decks.length === 0 ? <p>{t("empty")}</p> : null}
      <ul aria-label={t("title")} className="deck-list">
        {decks.map((deck) => (
          <li key={deck.id} className="card">
            <h2>
              <Link href={`/decks/${deck.id}`}>{deck.title}</Link>
            </h2>
            {deck.description ? <p className="deck-description">{deck.description}</p> : null}
            <DeckProgressLine progress={deck.progress} />
            {deck.progress.cards > 0 ? (
              <Link href={`/study?bank=${encodeURIComponent(deck.id)}`} className="button">
                {t("study", { title: deck.title })}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-deck">
        <h2 id="new-deck">{t("newDeck")}</h2>
        <CreateDeckForm />
      </section>
    </div>
  );
}
