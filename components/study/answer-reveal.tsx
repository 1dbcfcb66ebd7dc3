"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { LazyAnswerSimulation } from "@/components/sim/lazy-answer-simulation";
import { SanitizedHtml } from "@/components/ui/html";
import { textOfHtml } from "@/lib/bank/html-text";
import type { QueueItem } from "@/lib/study/views";

const AWS_DOCS = /^https:\/\/docs\.aws\.amazon\.com\//;

/** What a learner sees after answering: the explanation, why the other options are wrong, the sources, and the simulation. */
export function AnswerReveal({ item, chosenKeys }: { item: QueueItem; chosenKeys: string[] }) {
  const t = useTranslations("study.reveal");
  const simQuestion = useMemo(
    () => ({
      sim: item.simYaml ? { yaml: item.simYaml } : undefined,
      options: item.options.map((o) => ({
        key: o.key,
        text: textOfHtml(o.html),
        correct: o.correct,
        sim: o.simYaml ? { yaml: o.simYaml } : undefined,
      })),
    }),
    [item],
  );
  const others = item.options.filter((o) => !o.correct && o.rationaleHtml && !chosenKeys.includes(o.key));
  return (
    <div className="reveal">
      {item.explanationHtml ? (
        <section aria-label={t("explanation")} className="reveal__section">
          <h3>{t("why")}</h3>
          <SanitizedHtml className="prose" html={item.explanationHtml} lang={item.lang} />
        </section>
      ) : null}
      {others.length > 0 ? (
        <details className="reveal__section">
          <summary>{t("others")}</summary>
          <ul className="reveal__rationales">
            {others.map((o) => (
              <li key={o.key}>
                <SanitizedHtml className="reveal__option" html={o.html} lang={item.lang} />
                <SanitizedHtml className="prose" html={o.rationaleHtml ?? ""} lang={item.lang} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {item.references.length > 0 ? (
        <section aria-label={t("references")} className="reveal__section">
          <h3>{t("readMore")}</h3>
          <ul className="reveal__refs">
            {item.references.map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {AWS_DOCS.test(url) ? t("awsDocs", { path: url.replace(AWS_DOCS, "") }) : url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <LazyAnswerSimulation question={simQuestion} chosenKeys={chosenKeys} />
    </div>
  );
}
