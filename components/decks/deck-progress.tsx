import { useTranslations } from "next-intl";
import type { DeckProgress } from "@/lib/server/data/decks";

/** A deck's progress in words: cards, studied, due now, mature (21 days or more ahead). */
export function DeckProgressLine({ progress }: { progress: DeckProgress }) {
  const { cards, studied, dueNow, mature } = progress;
  const t = useTranslations("decks.progress");
  return (
    <ul className="deck-progress muted" aria-label={t("label")}>
      <li>{t("cards", { count: cards })}</li>
      <li>{t("studied", { count: studied })}</li>
      <li>{t("dueNow", { count: dueNow })}</li>
      <li>{t("mature", { count: mature })}</li>
    </ul>
  );
}
