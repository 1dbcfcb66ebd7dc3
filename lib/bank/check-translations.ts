import { parseCloze } from "./cloze";
import { type ItemSource, parseTranslation } from "./parse-translation";
import type { Bank, Finding, Question } from "./schema";
import { type TranslationCode, translationFinding } from "./translation-codes";
import {
  hasHangul,
  type ItemTranslation,
  isProse,
  isTranslationInput,
  koreanDocsUrl,
  type TranslationLanguage,
  translationFileOf,
} from "./translation-schema";
import { normalizeTypedAnswer } from "./typed-answer";

type Input = { file: string; text: string | Uint8Array };

/**
 * Reads the translation files among `inputs`, compares each with its English bank in `banks`, and
 * attaches every translation that has no error to its questions (`question.translations.ko`).
 * A bank checked together with translated banks but lacking a translation of its own gets a
 * `missing-translation` warning, so a half-translated collection says what is left.
 *
 * @example
 * const findings = checkTranslations([{ file: "iam.ko.md", text }], [iamBank]);
 * iamBank.questions[0]?.translations?.ko?.stem // the Korean stem, when findings has no error
 */
export function checkTranslations(inputs: Input[], banks: Bank[], bankFiles: string[] = []): Finding[] {
  const findings: Finding[] = [];
  const byFile = new Map(banks.map((b) => [b.file, b]));
  const translated = new Map<TranslationLanguage, Set<string>>();
  for (const input of inputs) {
    const target = translationFileOf(input.file);
    if (!target || !isTranslationInput(input)) continue;
    const seen = translated.get(target.language) ?? new Set<string>();
    translated.set(target.language, seen);
    seen.add(target.original);
    const own = compareFile(input, target, byFile.get(target.original), bankFiles.includes(target.original));
    findings.push(...own);
  }
  for (const [language, files] of translated) {
    for (const file of bankFiles) {
      if (!files.has(file))
        findings.push(
          translationFinding(
            file,
            "missing-translation",
            1,
            `This bank has no ${language} translation (${file.replace(/\.md$/i, `.${language}.md`)}), unlike ${files.size} other bank${files.size === 1 ? "" : "s"} checked with it`,
          ),
        );
    }
  }
  return findings;
}

function compareFile(
  input: Input,
  target: { language: TranslationLanguage; original: string },
  bank: Bank | undefined,
  originalChecked: boolean,
): Finding[] {
  const { translation, sources, findings } = parseTranslation(input.text, { file: input.file });
  const add = (code: TranslationCode, line: number, message: string) =>
    findings.push(translationFinding(input.file, code, line, message));
  if (!bank) {
    // An English bank with errors is reported in its own file; only a missing one is reported here.
    if (!originalChecked)
      add(
        "translation-no-original",
        1,
        `There is no English bank ${target.original} beside this translation`,
      );
    return findings;
  }
  if (!translation) return findings;
  if (translation.language !== target.language)
    add(
      "translation-no-original",
      1,
      `The file name says ${target.language} but language: is ${translation.language}`,
    );
  if (translation.translates !== bank.meta.id)
    add(
      "translation-no-original",
      1,
      `translates: is "${translation.translates}" but ${bank.file} is "${bank.meta.id}"`,
    );
  const english = new Map(bank.questions.map((q) => [q.id, q]));
  const done = new Map<string, ItemTranslation>();
  for (const item of translation.items) {
    const q = english.get(item.id);
    if (!q) {
      add("translation-unknown-id", item.line, `${bank.file} has no question or card "${item.id}"`);
      continue;
    }
    if (done.has(item.id)) {
      add(
        "translation-unknown-id",
        item.line,
        `"${item.id}" is already translated on line ${done.get(item.id)?.line}`,
      );
      continue;
    }
    done.set(item.id, item);
    compareItem(q, item, sources.get(item), add);
  }
  const missing = bank.questions.filter((q) => !done.has(q.id));
  if (missing.length > 0) {
    const list = missing.slice(0, 5).map((q) => `${q.id} (${bank.file}:${q.line})`);
    add(
      "incomplete-translation",
      1,
      `${missing.length} of ${bank.questions.length} items are not translated: ${list.join(", ")}${missing.length > 5 ? ", …" : ""}`,
    );
  }
  if (!findings.some((f) => f.severity === "error")) {
    for (const q of bank.questions) {
      const item = done.get(q.id);
      if (item) q.translations = { ...q.translations, [target.language]: item };
    }
  }
  return findings;
}

type Add = (code: TranslationCode, line: number, message: string) => void;

function compareItem(q: Question, t: ItemTranslation, source: ItemSource | undefined, add: Add): void {
  const at = source ?? {
    stemLine: t.line,
    optionLines: [],
    optionMarks: [],
    explanationLine: t.line,
    referencesLine: t.line,
    answerLine: t.line,
    reversible: false,
  };
  const optionLine = (i: number) => at.optionLines[i] ?? t.line;
  if (q.kind !== t.kind) {
    add("translation-structure", t.line, `This is a ${t.kind} here but a ${q.kind} in English`);
    return;
  }
  if (q.kind === "flashcard" && (q.reversible ?? false) !== at.reversible)
    add(
      "translation-structure",
      t.line,
      `The English card is ${q.reversible ? "" : "not "}studied both ways`,
    );
  if (q.options.length !== t.options.length) {
    add("translation-structure", t.line, `${t.options.length} options here, ${q.options.length} in English`);
  } else {
    q.options.forEach((o, i) => {
      const k = t.options[i];
      if (!k) return;
      if (o.correct !== (q.kind === "ordering" ? true : (at.optionMarks[i] ?? false)))
        add(
          "translation-answer",
          optionLine(i),
          `Option ${o.key} is ${o.correct ? "right" : "wrong"} in English but marked ${o.correct ? "wrong" : "right"} here`,
        );
      if (o.rationale && !k.rationale)
        add("translation-blank", optionLine(i), `Option ${o.key} has a why in English but none here`);
      if (!o.rationale && k.rationale)
        add(
          "translation-structure",
          optionLine(i),
          `Option ${o.key} has no why in English; a translation adds none`,
        );
      untranslated(o.text, k.text, optionLine(i), `Option ${o.key}`, add);
      if (o.rationale && k.rationale)
        untranslated(o.rationale, k.rationale, optionLine(i), `The why of option ${o.key}`, add);
    });
  }
  if (q.kind === "typed") {
    const have = new Set((t.accepted ?? []).map(normalizeTypedAnswer));
    const lost = (q.accepted ?? []).filter((a) => !have.has(normalizeTypedAnswer(a)));
    if (lost.length > 0)
      add("translation-answer", at.answerLine, `English accepted answers missing here: ${lost.join(", ")}`);
  }
  if (q.kind === "cloze") {
    // Each number as often as in English: "1,2,2" for {{c1::…}} {{c2::…}} {{c2::…}}.
    const shape = (text: string) =>
      parseCloze(text)
        .deletions.map((d) => d.index)
        .sort((a, b) => a - b)
        .join(",");
    if (shape(q.cloze ?? "") !== shape(t.cloze ?? ""))
      add(
        "translation-answer",
        at.stemLine,
        "The cloze numbers differ from the English card's ({{c1::…}}, {{c2::…}}, …)",
      );
    untranslated(q.cloze ?? "", t.cloze ?? "", at.stemLine, "This cloze", add);
  }
  if (q.kind === "flashcard") {
    untranslated(q.front ?? "", t.front ?? "", t.line, "The front", add);
    untranslated(q.back ?? "", t.back ?? "", t.line, "The back", add);
  } else if (q.kind !== "cloze") {
    untranslated(q.title, t.title, t.line, "The title", add);
    if (q.stem !== q.title) {
      if (t.stem === t.title)
        add(
          "translation-blank",
          t.line,
          "The English question has a stem below its title; this one has none",
        );
      else untranslated(q.stem, t.stem, at.stemLine, "The stem", add);
    }
  }
  if (q.explanation.trim() !== "" && t.explanation.trim() === "")
    add(
      "translation-blank",
      at.explanationLine,
      "The English question has an explanation; this one has none",
    );
  else untranslated(q.explanation, t.explanation, at.explanationLine, "The explanation", add);
  if (q.references.length > 0 && t.references.length === 0)
    add("translation-blank", at.referencesLine, "The English question has references; this one has none");
  else {
    for (const url of q.references) {
      const korean = koreanDocsUrl(url);
      if (korean && !t.references.includes(korean))
        add("translation-reference", at.referencesLine, `No Korean page for ${url}: expected ${korean}`);
    }
  }
}

function untranslated(english: string, translated: string, line: number, what: string, add: Add): void {
  if (isProse(english) && translated.trim() !== "" && !hasHangul(translated))
    add("untranslated-text", line, `${what} has no Hangul: it looks left in English`);
}
