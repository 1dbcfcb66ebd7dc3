/** Small text helpers shared by the importers. */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** `<img src="x" alt="y">` → `![y](x)`. */
export function imgTagsToMarkdown(text: string): string {
  return text.replace(/<img\b([^>]*)>/gi, (_, attrs: string) => {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? "";
    const alt = /\balt\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? "";
    return src ? `![${alt}](${src})` : "";
  });
}

/**
 * Simple HTML (as Anki and Moodle store it) to Markdown: line breaks, bold, italics, code and
 * images kept; other tags removed; entities decoded.
 */
export function htmlToMarkdown(html: string): string {
  return decodeEntities(
    imgTagsToMarkdown(html)
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(?:p|div|li|h[1-6])>/gi, "\n")
      // Tags are swapped one by one, not as open…close pairs: pairing with (.*?) backtracks.
      .replace(/<\/?(?:b|strong)>/gi, "**")
      .replace(/<\/?(?:i|em)>/gi, "*")
      .replace(/<\/?code>/gi, "`")
      .replace(/<[^>]+>/g, ""),
  )
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Collapses runs of spaces outside `code` spans. */
export function collapseSpaces(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[ \t]{2,}/g, " ")))
    .join("")
    .trim();
}

/** Bare http(s) URLs in a text. */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>()[\]"']+[^\s<>()[\]"'.,;:!?]/g)].map((m) => m[0]);
}
