/**
 * Shows HTML that the server rendered from Markdown and sanitized (lib/bank's renderMarkdown, with
 * rehype-sanitize after the last transform). Never pass anything else here.
 *
 * `lang`: the language of this text when it may differ from the page's, e.g. an English question
 * (no translation yet) on a Korean page; screen readers switch pronunciation by it.
 */
export function SanitizedHtml({
  html,
  className,
  id,
  lang,
}: {
  html: string;
  className?: string;
  id?: string;
  lang?: string;
}) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML was sanitized on the server by renderMarkdown.
  return <div className={className} id={id} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
