import type { Locale } from "@/lib/i18n/locale";
import { SanitizedHtml } from "./html";

/** The English text of a translated question or card, rendered and sanitized on the server. */
export type OriginalText = {
  titleHtml?: string;
  /** The stem of a question, or the front of a card. */
  stemHtml?: string;
  /** The back of a flashcard or cloze card. */
  answerHtml?: string | null;
  options?: Array<{ key: string; html: string; rationaleHtml?: string | null }>;
  explanationHtml?: string;
  references?: string[];
};

/** The toggle's words, in the language of the text it sits under (the English is what it reveals). */
const LABELS: Record<Locale, string> = { en: "English original", ko: "영어 원문 보기" };

/**
 * "영어 원문 보기": the English original of a question or card shown in translation, revealed in
 * place under it, as the real exam allows. A `<details>`, so it opens with the keyboard and works
 * without JavaScript; the revealed text is marked `lang="en"` for screen readers and spell
 * checkers. Draws nothing when the text was not translated (`original` is null).
 *
 * @example <ShowOriginal original={item.original} lang={item.lang} />
 */
export function ShowOriginal({
  original,
  lang,
  label,
}: {
  original: OriginalText | null;
  /** The language the question is shown in, which picks the toggle's words. */
  lang: Locale;
  label?: string;
}) {
  if (!original) return null;
  const options = original.options ?? [];
  const references = original.references ?? [];
  return (
    <details className="show-original">
      <summary>{label ?? LABELS[lang]}</summary>
      <div lang="en" className="show-original__text">
        {original.titleHtml ? (
          <SanitizedHtml className="prose show-original__title" html={original.titleHtml} />
        ) : null}
        {original.stemHtml && original.stemHtml !== original.titleHtml ? (
          <SanitizedHtml className="prose" html={original.stemHtml} />
        ) : null}
        {original.answerHtml ? <SanitizedHtml className="prose" html={original.answerHtml} /> : null}
        {options.length > 0 ? (
          <ol className="show-original__options">
            {options.map((o) => (
              <li key={o.key}>
                <SanitizedHtml className="prose" html={o.html} />
                {o.rationaleHtml ? <SanitizedHtml className="prose muted" html={o.rationaleHtml} /> : null}
              </li>
            ))}
          </ol>
        ) : null}
        {original.explanationHtml ? (
          <SanitizedHtml className="prose" html={original.explanationHtml} />
        ) : null}
        {references.length > 0 ? (
          <ul className="show-original__references">
            {references.map((url) => (
              <li key={url}>
                <a href={url} rel="noreferrer">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}

/**
 * Only the part of an original a learner may read before answering: the title, the prompt and the
 * options' text, never the back of a card, a rationale or the explanation.
 */
export function beforeAnswer(original: OriginalText | null): OriginalText | null {
  if (!original) return null;
  return {
    titleHtml: original.titleHtml,
    stemHtml: original.stemHtml,
    options: original.options?.map(({ key, html }) => ({ key, html })),
  };
}
