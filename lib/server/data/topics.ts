import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CATALOGS } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locale";
import { topicName } from "@/lib/i18n/topic-names";
import { inOpenBank, openBank } from "./bank-visibility";

/** A topic as the home page lists it. Flashcards (and cloze cards) are counted apart from questions. */
export type TopicSummary = {
  topic: string;
  label: string;
  questions: number;
  flashcards: number;
  banks: number;
};

const CARD_KINDS = ["flashcard", "cloze"];

/** A topic's name in `locale`: the `topics` catalog's for a shipped topic, else derived from its id. */
export function topicLabel(topic: string, locale: Locale): string {
  return topicName(topic, CATALOGS[locale].topics);
}

/**
 * Every topic with live (not retired) questions, with its counts, named and sorted in `locale`.
 * Public data: the shipped banks are readable by anyone, so this takes no acting user.
 */
export async function listTopics(db: PrismaClient, locale: Locale = "en"): Promise<TopicSummary[]> {
  const [byKind, banks] = await Promise.all([
    db.question.groupBy({
      by: ["topic", "kind"],
      where: { retiredAt: null, ...inOpenBank },
      _count: { _all: true },
    }),
    db.bank.groupBy({ by: ["topic"], where: openBank, _count: { _all: true } }),
  ]);
  const topics = new Map<string, TopicSummary>();
  const entry = (topic: string) => {
    let found = topics.get(topic);
    if (!found) {
      found = { topic, label: topicLabel(topic, locale), questions: 0, flashcards: 0, banks: 0 };
      topics.set(topic, found);
    }
    return found;
  };
  for (const row of byKind) {
    const summary = entry(row.topic);
    if (CARD_KINDS.includes(row.kind)) summary.flashcards += row._count._all;
    else summary.questions += row._count._all;
  }
  for (const row of banks) {
    if (topics.has(row.topic)) entry(row.topic).banks = row._count._all;
  }
  return [...topics.values()].sort((a, b) => a.label.localeCompare(b.label, locale));
}
