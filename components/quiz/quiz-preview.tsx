"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { RunnerItem } from "@/lib/quiz/views";
import { QuizQuestion } from "./quiz-question";

/** The instructor tries the questions as a learner sees them; nothing is saved. */
export function QuizPreview({ items }: { items: RunnerItem[] }) {
  const t = useTranslations("quiz.preview");
  const [state, setState] = useState(items);
  return (
    <section aria-label={t("label")} className="quiz-runner">
      {state.map((item, index) => (
        <QuizQuestion
          key={item.questionId}
          item={item}
          index={index}
          onAnswer={(answer) =>
            setState((all) => all.map((it) => (it.questionId === item.questionId ? { ...it, answer } : it)))
          }
        />
      ))}
    </section>
  );
}
