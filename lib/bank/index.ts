/**
 * The bank engine: Taskdeck Markdown → typed, validated questions (pure: no React, Next, Prisma or fs).
 *
 * @example
 * import { parseBank, renderMarkdown } from "@/lib/bank";
 * const { bank, findings } = parseBank(text, { file: "content/ecs/networking.md" });
 */

export { type AssetReference, assetReferences } from "./assets";
export { checkBanks, countByCode, summarize } from "./check";
export { type AnswerKey, checkAnswer, chosenMisconceptions, type GivenAnswer } from "./check-answer";
export { checkTranslations } from "./check-translations";
export { type ClozeCard, type ClozeDeletion, clozeCards, parseCloze } from "./cloze";
export { FINDING_CODES, type FindingCode, makeFinding } from "./codes";
export { canonicalJson, fnv1a64, questionContentHash } from "./content-hash";
export { exportAnki } from "./export/anki";
export { exportMarkdown } from "./export/markdown";
export {
  convertedName,
  type Dropped,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  importBank,
} from "./importers";
export { detectFormat } from "./importers/detect";
export { DEFAULT_LIMITS, type Limits, PRINTED_FINDINGS } from "./limits";
export { dayNumber, lintBanks, STALE_AFTER_DAYS } from "./lint";
export {
  answerKeyWithTranslations,
  type LocalizableQuestion,
  type Localized,
  localizeQuestion,
} from "./localize";
export { type ParseOptions, parseBank, parseBankPartial } from "./parse-bank";
export { type ParsedTranslation, parseTranslation } from "./parse-translation";
export { renderMarkdown } from "./render-markdown";
export * from "./schema";
export { slugify } from "./slug";
export { type QuestionUsage, type StaleEntry, staleList } from "./stale";
export { TRANSLATION_CODES, type TranslationCode } from "./translation-codes";
export * from "./translation-schema";
export { isTypedAnswerCorrect, normalizeTypedAnswer } from "./typed-answer";
