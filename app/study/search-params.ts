import { z } from "zod";
import type { StudyFilter, StudyMode } from "@/lib/study/views";

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter(Boolean).slice(0, 50)))
  .pipe(z.array(z.string().max(100)));

const studySearchSchema = z.object({
  topic: list,
  tag: list,
  bank: list,
  mode: z.enum(["review", "cram", "missed"]).catch("review").default("review"),
});

/** The study page's URL (`?topic=iam&tag=fargate&mode=cram`), validated: unknown values are dropped. */
export function parseStudySearch(params: Record<string, string | string[] | undefined>): {
  filter: StudyFilter;
  mode: StudyMode;
} {
  const parsed = studySearchSchema.safeParse(params);
  if (!parsed.success) return { filter: { topics: [], tags: [], banks: [] }, mode: "review" };
  return {
    filter: { topics: parsed.data.topic, tags: parsed.data.tag, banks: parsed.data.bank },
    mode: parsed.data.mode,
  };
}
