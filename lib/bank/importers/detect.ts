import { trailingId } from "../lines";

export type DetectedFormat = "taskdeck" | "gfm" | "quizdown" | "obsidian" | "gift" | "anki";

const ANKI_HEADER = /^#(?:separator|html|tags|deck|notetype|columns|guid|[a-z ]+ column):/im;

/**
 * Guesses a file's format from its name and content, most specific signal first: Anki headers,
 * GIFT answer blocks, Taskdeck front matter with `{#id}` headings, quizdown settings or `1. [x]`,
 * Obsidian cards (`::`, a lone `?`, `#flashcards`, `<!--SR:`), and GitHub task lists otherwise.
 *
 * @example
 * detectFormat("::Q1:: Fargate supports EFS. {TRUE}") // "gift"
 */
export function detectFormat(text: string, file = ""): DetectedFormat {
  const head = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .slice(0, 20_000);
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? "";
  if (ext === "gift") return "gift";
  if (ANKI_HEADER.test(head.split("\n").slice(0, 10).join("\n"))) return "anki";
  if ((ext === "txt" || ext === "tsv" || ext === "csv") && tabbed(head)) return "anki";
  const front = frontMatter(head);
  if (/^(?:id|topic):/m.test(front) && head.split("\n").some((l) => l.startsWith("## ") && trailingId(l)))
    return "taskdeck";
  if (
    /^(?:shuffleQuestions|shuffleAnswers|nQuestions|locale|primaryColor):/m.test(front) ||
    /^\s{0,3}\d+[.)]\s+\[[ xX]\]/m.test(head)
  )
    return "quizdown";
  const withoutCode = head.replace(/```[\s\S]*?```/g, "");
  if (!/^\s{0,3}[-*+]\s*\[[ xX]\]/m.test(withoutCode) && looksLikeGift(withoutCode)) return "gift";
  if (
    /(?:^|\s)#flashcards\b/.test(withoutCode) ||
    /<!--SR:/.test(withoutCode) ||
    /^\?\??$/m.test(withoutCode) ||
    /^[^-*#>\s|][^\n]*?[^:\s]:{2,3}[^:\s]/m.test(withoutCode) ||
    /==[^=\n]+==/.test(withoutCode)
  ) {
    return "obsidian";
  }
  if (ext === "txt" && tabbed(head)) return "anki";
  return "gfm";
}

/** The text of a leading `---` front matter block, or "". */
function frontMatter(text: string): string {
  if (!text.startsWith("---\n")) return "";
  const end = text.indexOf("\n---", 3);
  return end < 0 ? "" : text.slice(4, end);
}

/** A `::name::` line, or a `{…}` block holding GIFT answers (`=`, `~`, `#n`, TRUE/FALSE). */
function looksLikeGift(text: string): boolean {
  if (/^\s*::[^:\n]+::/m.test(text)) return true;
  let open = text.indexOf("{");
  for (let seen = 0; open >= 0 && seen < 200; seen++) {
    const close = text.indexOf("}", open);
    if (close < 0) return false;
    const body = text.slice(open + 1, close);
    if (!body.includes("{") && /^\s*(?:(?:TRUE|FALSE|T|F)\s*(?:#|$)|#)|(?:^|\s)[=~]/.test(body)) return true;
    open = text.indexOf("{", open + 1);
  }
  return false;
}

function tabbed(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  return lines.length > 0 && lines.filter((l) => l.includes("\t")).length >= lines.length / 2;
}
