"use client";

import { SanitizedHtml } from "@/components/ui/html";
import type { QueueItem } from "@/lib/study/views";

/** A flashcard or cloze card: the front, and the back once revealed. */
export function FlashcardView({ item, revealed }: { item: QueueItem; revealed: boolean }) {
  return (
    <div className="flashcard">
      <SanitizedHtml className="prose flashcard__front" html={item.promptHtml} />
      {revealed ? (
        <section aria-label="Answer" className="flashcard__back">
          <SanitizedHtml className="prose" html={item.answerHtml ?? ""} />
        </section>
      ) : null}
    </div>
  );
}
