"use client";

import { useState } from "react";
import type { RunnerItem } from "@/lib/quiz/views";
import { QuizQuestion } from "./quiz-question";

/** The instructor tries the questions as a learner sees them; nothing is saved. */
export function QuizPreview({ items }: { items: RunnerItem[] }) {
  const [state, setState] = useState(items);
  return (
    <section aria-label="Preview" className="quiz-runner">
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
