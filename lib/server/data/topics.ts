import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
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

/** Words that AWS writes in capitals: a topic id "iam" reads "IAM", "efs-volumes" "EFS volumes". */
const ACRONYMS = new Set([
  "iam",
  "ecs",
  "ec2",
  "ecr",
  "efs",
  "ebs",
  "fsx",
  "alb",
  "nlb",
  "clb",
  "elb",
  "vpc",
  "eni",
  "aws",
]);

/** "launch-types" → "Launch types", "iam" → "IAM": topics are kebab-case ids in bank front matter. */
export function topicLabel(topic: string): string {
  const words = topic
    .split("-")
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word));
  const text = words.join(" ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : topic;
}

/**
 * Every topic with live (not retired) questions, with its counts. Public data: the shipped banks
 * are readable by anyone, so this takes no acting user.
 */
export async function listTopics(db: PrismaClient): Promise<TopicSummary[]> {
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
      found = { topic, label: topicLabel(topic), questions: 0, flashcards: 0, banks: 0 };
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
  return [...topics.values()].sort((a, b) => a.label.localeCompare(b.label));
}
