import type { Element, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { nestingDepth } from "./lines";

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PATH_ORIGIN = "http://taskdeck.invalid";
/** Above this, Markdown is shown as escaped text rather than parsed (stems are far smaller). */
const MAX_RENDER_CHARS = 50_000;
/** The Markdown parser is quadratic in nesting and in unclosed `[`s: past these, text is escaped. */
const MAX_DEPTH = 16;
const MAX_BRACKETS = 512;

function isPathological(text: string): boolean {
  if (text.length > MAX_RENDER_CHARS) return true;
  let brackets = 0;
  for (let i = text.indexOf("["); i >= 0; i = text.indexOf("[", i + 1)) {
    if (++brackets > MAX_BRACKETS) return true;
  }
  return text.split("\n").some((line) => nestingDepth(line) > MAX_DEPTH);
}

/** GitHub's sanitising schema, with links narrowed to http, https and mailto and images to http(s). */
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
};

/** Raw HTML is shown as the text the author typed, never passed through as HTML. */
function rawHtmlAsText() {
  return (tree: MdastRoot) => {
    visit(tree, "html", (node, index, parent) => {
      if (parent && index !== undefined) parent.children[index] = { type: "text", value: node.value };
    });
  };
}

/**
 * Resolves a bank-relative URL against the caller's base; null when it must not be used. A relative
 * URL may not climb out of the base (`../`), so a bank can only point at its own assets.
 */
function resolveAsset(url: string, base: string | undefined): string | null {
  if (SAFE_LINK.test(url)) return url;
  if (HAS_SCHEME.test(url) || url.startsWith("//") || url.startsWith("\\") || base === undefined) return null;
  try {
    const absoluteBase = HAS_SCHEME.test(base) ? new URL(base) : new URL(base, PATH_ORIGIN);
    const resolved = new URL(url, absoluteBase);
    const dir = absoluteBase.href.slice(0, absoluteBase.href.lastIndexOf("/") + 1);
    if (!resolved.href.startsWith(dir)) return null;
    if (HAS_SCHEME.test(base)) return resolved.href;
    return resolved.origin === PATH_ORIGIN ? resolved.pathname + resolved.search + resolved.hash : null;
  } catch {
    return null;
  }
}

/** Links keep only absolute http, https and mailto targets; images resolve relative to the bank. */
function constrainUrls() {
  return (tree: HastRoot, file: VFile) => {
    const base = typeof file.data.assetBase === "string" ? file.data.assetBase : undefined;
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a") {
        const href = String(node.properties.href ?? "");
        const resolved = href.startsWith("#") ? null : resolveAsset(href, base);
        if (resolved && SAFE_LINK.test(resolved)) node.properties.href = resolved;
        else delete node.properties.href;
      } else if (node.tagName === "code" && Array.isArray(node.properties.className)) {
        // A fence's info string becomes a class; keep only plain language names.
        const kept = node.properties.className.filter((c) => /^language-[\w+#.-]+$/.test(String(c)));
        if (kept.length > 0) node.properties.className = kept;
        else delete node.properties.className;
      } else if (node.tagName === "img") {
        const resolved = resolveAsset(String(node.properties.src ?? ""), base);
        if (resolved && !/^mailto:/i.test(resolved)) node.properties.src = resolved;
        else delete node.properties.src;
      }
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(rawHtmlAsText)
  .use(remarkRehype)
  .use(constrainUrls)
  // Sanitising is the last transform: nothing may touch the tree after it.
  .use(rehypeSanitize, schema)
  .use(rehypeStringify)
  .freeze();

declare module "vfile" {
  interface DataMap {
    assetBase: string;
  }
}

/**
 * Renders question Markdown to sanitized HTML (GFM: tables, task lists, code blocks with a
 * `language-*` class). Raw HTML shows as text; links keep only http(s)/mailto targets; images
 * relative to the bank resolve through `assetBase` (a URL or an absolute path) and are dropped
 * without one. Never throws: input it cannot render comes back as escaped text.
 *
 * @example
 * renderMarkdown("**awsvpc** ![d](img/eni.png)", { assetBase: "/banks/ecs/" })
 * // '<p><strong>awsvpc</strong> <img src="/banks/ecs/img/eni.png" alt="d"></p>'
 */
export function renderMarkdown(md: string, options: { assetBase?: string } = {}): string {
  const text = typeof md === "string" ? md : "";
  if (isPathological(text)) return escapedParagraph(text);
  try {
    const data = options.assetBase === undefined ? {} : { assetBase: options.assetBase };
    return String(processor.processSync({ value: text, data }));
  } catch {
    return escapedParagraph(text);
  }
}

function escapedParagraph(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
  return `<p>${escaped}</p>`;
}
