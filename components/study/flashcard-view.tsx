"use client";

import { useTranslations } from "next-intl";
import { SanitizedHtml } from "@/components/ui/html";
import type { QueueItem } from "@/lib/study/views";

/** A flashcard or cloze card: the front, and the back once revealed. */
export function FlashcardView({ item, revealed }: { item: QueueItem; revealed: boolean }) {
  const t = useTranslations("study.card");
  return (
    <div className="flashcard">
      <SanitizedHtml className="prose flashcard__front" html={item.promptHtml} lang={item.lang} />
      {revealed ? (
        <section aria-label={t("answer")} className="flashcard__back">
          <SanitizedHtml className="prose" html={item.answerHtml ?? ""} lang={item.lang} />
        </section>
      ) : null}
    </div>
  );
}
