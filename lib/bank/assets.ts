import { fenceOpening } from "./lines";

/** A file a bank refers to by a relative path: an image, or an Anki sound. */
export type AssetReference = {
  /** The path as written, relative to the bank file (`images/awsvpc.png`). */
  path: string;
  /** 1-based line and column of the reference in the bank's text. */
  line: number;
  column: number;
};

const MARKDOWN_IMAGE = /!\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"'\n]*["'])?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']([^"'\n]+)["']/gi;
const ANKI_SOUND = /\[sound:([^\]\n]+)\]/g;
/** A URL with a scheme (`https:`, `data:`), protocol-relative (`//host`), or an in-page anchor. */
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * The files a bank refers to by a relative path (Markdown and HTML images, Anki `[sound:…]`),
 * outside code blocks, each once per place it is written. URLs with a scheme (`https:`, `data:`)
 * and absolute paths are not files of the bank and are left out; so are paths that climb out of
 * the bank's folder (`../`), which `unsafe` lists instead, so a caller can report them.
 *
 * @example
 * assetReferences("## Q {#q}\n\n![Diagram](images/eni.png)\n").files
 * // [{ path: "images/eni.png", line: 3, column: 1 }]
 */
export function assetReferences(markdown: string): { files: AssetReference[]; unsafe: AssetReference[] } {
  const files: AssetReference[] = [];
  const unsafe: AssetReference[] = [];
  let fence: string | null = null;
  const lines = markdown.split("\n");
  lines.forEach((text, i) => {
    if (fence) {
      const trimmed = text.trim();
      if (trimmed.startsWith(fence) && trimmed.replace(/[`~]/g, "") === "") fence = null;
      return;
    }
    const open = fenceOpening(text);
    if (open) {
      fence = open.marker;
      return;
    }
    for (const pattern of [MARKDOWN_IMAGE, HTML_IMAGE, ANKI_SOUND]) {
      for (const match of text.matchAll(pattern)) {
        const raw = (match[1] ?? "").trim();
        if (raw === "" || NOT_A_FILE.test(raw)) continue;
        const path = safeDecode(raw.split(/[?#]/)[0] ?? raw);
        const at = { path, line: i + 1, column: (match.index ?? 0) + 1 };
        if (path.startsWith("/") || path.split(/[\\/]/).includes("..")) unsafe.push(at);
        else files.push(at);
      }
    }
  });
  return { files, unsafe };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
