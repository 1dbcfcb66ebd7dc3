const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** One entity as its character; an unknown or out-of-range one stays as written. */
function decodeEntity(entity: string, body: string): string {
  if (body[0] !== "#") return NAMED[body.toLowerCase()] ?? entity;
  const code =
    body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
}

/**
 * The text of HTML that Taskdeck rendered itself (lib/bank's renderMarkdown): tags dropped,
 * entities decoded in one pass (the renderer writes "<" as "&#x3C;", and an author's literal
 * "&lt;" as "&#x26;lt;", which must stay "&lt;"), runs of white space made one space. For
 * accessible names, table cells and CSV; never for HTML from elsewhere.
 * @example textOfHtml("<p>Use <code>awsvpc</code> &#x26; ENIs</p>") // "Use awsvpc & ENIs"
 */
export function textOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity)
    .replace(/\s+/g, " ")
    .trim();
}
