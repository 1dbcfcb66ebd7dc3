import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { inOpenBank, openBank } from "./bank-visibility";
import { readQuestionTags } from "./json-columns";

/** What a learner can filter study by: topics (ids; the page names them), banks and the most used tags. Public bank data. */
export async function studyCatalog(db: PrismaClient) {
  const [topics, banks, tagRows] = await Promise.all([
    db.question.groupBy({
      by: ["topic"],
      where: { retiredAt: null, ...inOpenBank },
      _count: { _all: true },
      orderBy: { topic: "asc" },
    }),
    db.bank.findMany({
      where: openBank,
      select: { id: true, title: true, topic: true },
      orderBy: { title: "asc" },
    }),
    db.question.findMany({ where: { retiredAt: null, ...inOpenBank }, select: { tags: true } }),
  ]);
  const tagCounts = new Map<string, number>();
  for (const row of tagRows) {
    for (const tag of readQuestionTags(row.tags)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }
  const tags = [...tagCounts.entries()]
    .filter(([tag]) => !/^[A-Z0-9]+-C\d\d$/.test(tag))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 40)
    .map(([tag, count]) => ({ tag, count }));
  return {
    topics: topics.map((t) => ({ topic: t.topic, count: t._count._all })),
    banks,
    tags,
  };
}
