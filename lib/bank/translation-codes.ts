import type { Finding } from "./schema";

type CodeInfo = { severity: Finding["severity"]; meaning: string; fix: string };

/**
 * What the checker reports when it compares a translation (`<bank>.ko.md`) with its English bank.
 * These need both files, so they are reported by checkBanks and never by parseBank alone.
 * docs/authoring.md lists the same codes; a test keeps the two in step.
 */
export const TRANSLATION_CODES = {
  "translation-no-original": {
    severity: "error",
    meaning: "A translation file has no English bank beside it, or its `translates:` names another bank.",
    fix: "Name the file after its English bank (iam.md → iam.ko.md) and set translates: to that bank's id.",
  },
  "translation-unknown-id": {
    severity: "error",
    meaning: "A translated question or card has no `{#id}`, or an id the English bank does not have.",
    fix: "Copy the {#id} of the English question exactly; ids are never translated.",
  },
  "translation-structure": {
    severity: "error",
    meaning:
      "A translation changes the structure: a different kind, number of options or deck form, or its own metadata, misconception or sim block.",
    fix: "Keep the English kind and options in the same order; metadata, misconceptions and sim blocks come from the English file only.",
  },
  "translation-answer": {
    severity: "error",
    meaning:
      "A translation marks other options right, drops an English typed answer, or numbers its cloze blanks differently.",
    fix: "Mark the same options [x], list every English typed answer too, and keep the same {{cN::…}} numbers.",
  },
  "translation-blank": {
    severity: "error",
    meaning:
      "A part the English question has (stem, why, explanation, back, references) is missing in the translation.",
    fix: "Translate that part too; a learner switching language must not lose any of it.",
  },
  "incomplete-translation": {
    severity: "error",
    meaning: "A translation file leaves out questions or cards of its English bank.",
    fix: "Translate every question and card; a translation is loaded whole or not at all.",
  },
  "missing-translation": {
    severity: "warning",
    meaning: "Other banks checked with this one are translated into a language this bank is not.",
    fix: "Write the translation file beside the bank (iam.md → iam.ko.md).",
  },
  "untranslated-text": {
    severity: "warning",
    meaning:
      "A translated stem, option, why, explanation or card side has no Hangul: it looks left in English.",
    fix: "Translate the text; keep AWS names in English inside the Korean sentence.",
  },
  "translation-reference": {
    severity: "warning",
    meaning:
      "An English AWS documentation reference has no Korean (`/ko_kr/`) page in the translation's references.",
    fix: "Add the same page under https://docs.aws.amazon.com/ko_kr/… to the translation's ### References.",
  },
} as const satisfies Record<string, CodeInfo>;

export type TranslationCode = keyof typeof TRANSLATION_CODES;

/** A finding with the code's severity and, unless a specific one is given, the code's fix as hint. */
export function translationFinding(
  file: string,
  code: TranslationCode,
  line: number,
  message: string,
  column = 1,
): Finding {
  const info: CodeInfo = TRANSLATION_CODES[code];
  return {
    severity: info.severity,
    code,
    file,
    line: Math.max(1, Math.floor(line)),
    column: Math.max(1, Math.floor(column)),
    message,
    hint: info.fix,
  };
}
