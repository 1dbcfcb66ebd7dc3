/**
 * Shows HTML that the server rendered from Markdown and sanitized (lib/bank's renderMarkdown, with
 * rehype-sanitize after the last transform). Never pass anything else here.
 */
export function SanitizedHtml({ html, className, id }: { html: string; className?: string; id?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML was sanitized on the server by renderMarkdown.
  return <div className={className} id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}
