import type { DeckProgress } from "@/lib/server/data/decks";

/** A deck's progress in words: cards, studied, due now, mature (21 days or more ahead). */
export function DeckProgressLine({ progress }: { progress: DeckProgress }) {
  const { cards, studied, dueNow, mature } = progress;
  return (
    <ul className="deck-progress muted" aria-label="Progress">
      <li>
        {cards} {cards === 1 ? "card" : "cards"}
      </li>
      <li>{studied} studied</li>
      <li>{dueNow} due now</li>
      <li>{mature} mature</li>
    </ul>
  );
}
