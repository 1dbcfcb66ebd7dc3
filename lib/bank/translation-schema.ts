import { z } from "zod";
import { ID_PATTERN, KEBAB_CASE, QUESTION_KINDS, type QuestionKind } from "./schema";

/**
 * The languages a bank may be translated into, beside its English original. A translation of
 * `content/ecs/iam.md` into Korean is the file `content/ecs/iam.ko.md`.
 */
export const TRANSLATION_LANGUAGES = ["ko"] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

const TRANSLATION_FILE = /^(.*)\.([a-z]{2})\.md$/i;

/**
 * Whether a file is a translation (`<bank>.<language>.md` for a language in TRANSLATION_LANGUAGES)
 * and, if so, its language and the English bank it translates.
 *
 * @example
 * translationFileOf("content/ecs/iam.ko.md") // { language: "ko", original: "content/ecs/iam.md" }
 * translationFileOf("content/ecs/iam.md") // null
 */
export function translationFileOf(file: string): { language: TranslationLanguage; original: string } | null {
  const m = TRANSLATION_FILE.exec(file);
  const language = m?.[2]?.toLowerCase();
  if (!m || !(TRANSLATION_LANGUAGES as readonly string[]).includes(language ?? "")) return null;
  return { language: language as TranslationLanguage, original: `${m[1]}.md` };
}

const decoder = new TextDecoder();

/**
 * Whether an input is a translation: named `<bank>.<language>.md` and starting with front matter
 * that says `translates:`. A Korean-language bank of its own (`id`, `title`, `topic`) named
 * `notes.ko.md` stays an ordinary bank.
 *
 * @example
 * isTranslationInput({ file: "iam.ko.md", text: "---\ntranslates: ecs-iam\n…" }) // true
 */
export function isTranslationInput(input: { file: string; text: string | Uint8Array }): boolean {
  if (!translationFileOf(input.file)) return false;
  const head =
    typeof input.text === "string" ? input.text.slice(0, 4096) : decoder.decode(input.text.slice(0, 4096));
  const lines = head.replace(/^\uFEFF/, "").split(/\r?\n/);
  if ((lines[0] ?? "").trimEnd() !== "---") return false;
  for (const line of lines.slice(1)) {
    if (line.trimEnd() === "---" || line.trimEnd() === "...") return false;
    if (/^translates[ \t]*:/.test(line)) return true;
  }
  return false;
}

/**
 * One question or card in another language. Only text lives here: the id, kind, right answers,
 * order, difficulty, tags, exams and simulator scenarios are the English question's.
 */
export type ItemTranslation = {
  id: string;
  kind: QuestionKind;
  title: string;
  /** Markdown; the title when the question has no separate body. */
  stem: string;
  /** The same options, in the same order and with the same keys as the English question. */
  options: Array<{ key: string; text: string; rationale?: string }>;
  /** typed: every English accepted answer plus the accepted answers in this language. */
  accepted?: string[];
  /** flashcard: front and back. */
  front?: string;
  back?: string;
  /** cloze: the text with the same `{{cN::…}}` numbers as the English card. */
  cloze?: string;
  explanation: string;
  /** The documentation pages in this language (for AWS, the `/ko_kr/` pages). */
  references: string[];
  /** 1-based line of the item in the translation file. */
  line: number;
};

/** The translations a question carries, by language. */
export type QuestionTranslations = Partial<Record<TranslationLanguage, ItemTranslation>>;

/** A translation file read on its own, before it is compared with its English bank. */
export type BankTranslation = {
  file: string;
  language: TranslationLanguage;
  /** The id of the English bank it translates (front matter `translates:`). */
  translates: string;
  title: string;
  items: ItemTranslation[];
};

export const translationMetaSchema = z
  .object({
    translates: z.string().regex(KEBAB_CASE, "must be the id of the English bank, such as ecs-iam"),
    language: z.enum(TRANSLATION_LANGUAGES, {
      message: `must be one of: ${TRANSLATION_LANGUAGES.join(", ")}`,
    }),
    title: z.string().trim().min(1, "must not be empty"),
  })
  .strict();
export type TranslationMeta = z.infer<typeof translationMetaSchema>;

/** The shape of an item translation, for data read back from storage. */
export const itemTranslationSchema: z.ZodType<ItemTranslation> = z.object({
  id: z.string().regex(ID_PATTERN),
  kind: z.enum(QUESTION_KINDS),
  title: z.string().min(1),
  stem: z.string().min(1),
  options: z.array(
    z.object({
      key: z.string().regex(/^[A-Z]$/),
      text: z.string().min(1),
      rationale: z.string().min(1).optional(),
    }),
  ),
  accepted: z.array(z.string().min(1)).optional(),
  front: z.string().min(1).optional(),
  back: z.string().min(1).optional(),
  cloze: z.string().min(1).optional(),
  explanation: z.string(),
  references: z.array(z.string().regex(/^https?:\/\/\S+$/)),
  line: z.number().int().positive(),
});

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/;

/** Whether a text has any Hangul in it. */
export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

/**
 * Whether an English text is prose a reader would expect translated: at least three words, two of
 * them lowercase, once code, links, cloze answers and URLs are set aside. `awsvpc`,
 * `` `ecs-tasks.amazonaws.com` `` and "Network Load Balancer" (a name AWS's Korean pages keep in
 * English) are not; "The task execution role" is.
 */
export function isProse(text: string): boolean {
  const words =
    text
      .replace(/```[\s\S]*?```/g, " ")
      .replace(/`[^`]*`/g, " ")
      .replace(/\{\{c\d+::[^}]*\}\}/g, " ")
      .replace(/https?:\/\/\S+/g, " ")
      .match(/[A-Za-z]{2,}/g) ?? [];
  return words.length >= 3 && words.filter((w) => /^[a-z]/.test(w)).length >= 2;
}

/** The Korean page of an AWS documentation URL, or null when the URL is not one. */
export function koreanDocsUrl(url: string): string | null {
  const m = /^https:\/\/docs\.aws\.amazon\.com\/(?!ko_kr\/)(.+)$/.exec(url);
  return m ? `https://docs.aws.amazon.com/ko_kr/${m[1]}` : null;
}
