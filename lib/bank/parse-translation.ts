import { isMap, LineCounter, parseDocument } from "yaml";
import { type Built, buildQuestion } from "./build-question";
import { FindingSink } from "./codes";
import { DEFAULT_LIMITS, decodeInput } from "./limits";
import { isBlank } from "./lines";
import { sortFindings } from "./parse-bank";
import { parseDeck } from "./parse-deck";
import { parseSectionBody } from "./parse-section";
import { type SectionSpan, scanBody } from "./scan";
import type { Finding } from "./schema";
import type { RawSection } from "./section-head";
import { readSectionHead } from "./section-head";
import { translationFinding } from "./translation-codes";
import { type BankTranslation, type ItemTranslation, translationMetaSchema } from "./translation-schema";

/** Where an item's parts sit in the translation file, for the checker's file:line findings. */
export type ItemSource = {
  stemLine: number;
  optionLines: number[];
  /** Which options are marked [x], in written order (compared with the English answer key). */
  optionMarks: boolean[];
  explanationLine: number;
  referencesLine: number;
  answerLine: number;
  /** flashcard: whether the card is studied both ways (`:::` in a deck). */
  reversible: boolean;
};

export type ParsedTranslation = {
  translation: BankTranslation | null;
  sources: Map<ItemTranslation, ItemSource>;
  findings: Finding[];
};

/** Findings of the bank parser that do not apply to a translation (its own codes replace them). */
const NOT_FOR_TRANSLATIONS = new Set([
  "missing-id",
  "unknown-field",
  "missing-front-matter",
  "bad-front-matter",
]);

/**
 * Reads a translation file (`content/ecs/iam.ko.md`): front matter `translates`, `language` and
 * `title`, then the English bank's `##` questions and decks with their text in the other language.
 * Pure and never throws; the comparison with the English bank is checkTranslations's job.
 *
 * @example
 * const { translation } = parseTranslation(text, { file: "content/ecs/iam.ko.md" });
 * translation?.items[0]?.stem // "회사가 서비스를 AWS Fargate로 옮깁니다. …"
 */
export function parseTranslation(text: string | Uint8Array, options: { file: string }): ParsedTranslation {
  const { file } = options;
  const sink = new FindingSink(file, DEFAULT_LIMITS.maxFindings);
  const own: Finding[] = [];
  const sources = new Map<ItemTranslation, ItemSource>();
  let translation: BankTranslation | null = null;
  try {
    const decoded = decodeInput(text, DEFAULT_LIMITS, sink);
    if (decoded !== null) translation = readTranslation(decoded.split("\n"), file, sink, own, sources);
  } catch (e) {
    sink.add(
      "internal-error",
      1,
      1,
      `The checker failed on this file: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const findings = sortFindings([...sink.findings.filter((f) => !NOT_FOR_TRANSLATIONS.has(f.code)), ...own]);
  return { translation, sources, findings };
}

function readTranslation(
  lines: string[],
  file: string,
  sink: FindingSink,
  own: Finding[],
  sources: Map<ItemTranslation, ItemSource>,
): BankTranslation | null {
  const front = readTranslationMeta(lines, file, own);
  const scan = scanBody(lines, front.bodyStart, sink, DEFAULT_LIMITS);
  const items: ItemTranslation[] = [];
  const add = (built: Built, source: ItemSource) => {
    const item = toItem(built);
    if (!built.source.explicitId) {
      own.push(translationFinding(file, "translation-unknown-id", item.line, "This item has no {#id}"));
      return;
    }
    items.push(item);
    sources.set(item, source);
  };
  for (const span of scan.sections) {
    const head = readSectionHead(lines, span, sink);
    checkOwnMeta(lines, span, head, file, own);
    if (head.meta.kind === "flashcards") {
      for (const card of parseDeck(lines, span, scan.fences, head, sink)) {
        const line = card.question.line;
        add(card, {
          stemLine: line,
          optionLines: [],
          optionMarks: [],
          explanationLine: line,
          referencesLine: line,
          answerLine: line,
          reversible: card.question.reversible ?? false,
        });
      }
      continue;
    }
    const raw = parseSectionBody(lines, span, scan.fences, head, sink);
    checkNoStructure(raw, file, own);
    // Without validateSim a sim block is only read as YAML; it is reported above anyway.
    const built = buildQuestion(
      { ...raw, sim: null, options: raw.options.map((o) => ({ ...o, sim: null })) },
      { sink },
    );
    if (!built) continue;
    add(built, {
      // The first written line of the stem (stemLine is where the stem may start, often a blank line).
      stemLine:
        raw.stemLine +
        Math.max(
          0,
          raw.stem.findIndex((l) => l.trim() !== ""),
        ),
      optionLines: raw.options.map((o) => o.line),
      optionMarks: raw.options.map((o) => o.checked),
      explanationLine: raw.headings.explanation ?? raw.line,
      referencesLine: raw.headings.references ?? raw.line,
      answerLine: raw.headings.answer ?? raw.line,
      reversible: raw.meta.reversible,
    });
  }
  if (!front.meta) return null;
  return { file, ...front.meta, items };
}

function toItem({ question: q }: Built): ItemTranslation {
  const item: ItemTranslation = {
    id: q.id,
    kind: q.kind,
    title: q.title,
    stem: q.stem,
    options: q.options.map((o) =>
      o.rationale ? { key: o.key, text: o.text, rationale: o.rationale } : { key: o.key, text: o.text },
    ),
    explanation: q.explanation,
    references: q.references,
    line: q.line,
  };
  if (q.accepted) item.accepted = q.accepted;
  if (q.front !== undefined) item.front = q.front;
  if (q.back !== undefined) item.back = q.back;
  if (q.cloze !== undefined) item.cloze = q.cloze;
  return item;
}

/** Metadata other than `kind` belongs to the English question: a translation may not restate it. */
function checkOwnMeta(
  lines: string[],
  span: SectionSpan,
  head: RawSection,
  file: string,
  own: Finding[],
): void {
  for (let i = span.start; i < head.bodyStart; i++) {
    const line = lines[i] ?? "";
    if (isBlank(line)) continue;
    for (const m of line.matchAll(/([^·|]+)/g)) {
      const key = (m[1] ?? "").split(":")[0]?.trim().toLowerCase() ?? "";
      if (key !== "" && key !== "kind") {
        const column = (m.index ?? 0) + (m[1] ?? "").length - (m[1] ?? "").trimStart().length + 1;
        own.push(
          translationFinding(
            file,
            "translation-structure",
            i + 1,
            `"${key}" comes from the English question; a translation gives only kind:`,
            column,
          ),
        );
      }
    }
  }
}

function checkNoStructure(raw: RawSection, file: string, own: Finding[]): void {
  const sims = [raw.sim, ...raw.options.map((o) => o.sim)].filter((s) => s !== null);
  for (const sim of sims) {
    own.push(
      translationFinding(
        file,
        "translation-structure",
        sim.openLine,
        "A translation has no sim blocks: the English question's scenarios are used",
        sim.indent + 1,
      ),
    );
  }
  for (const o of raw.options) {
    if (o.misconception)
      own.push(
        translationFinding(
          file,
          "translation-structure",
          o.misconception.line,
          "Misconception tags come from the English option",
          o.misconception.column,
        ),
      );
  }
}

function readTranslationMeta(
  lines: string[],
  file: string,
  own: Finding[],
): { meta: Omit<BankTranslation, "file" | "items"> | null; bodyStart: number } {
  if ((lines[0] ?? "").trimEnd() !== "---") {
    own.push(
      translationFinding(
        file,
        "translation-no-original",
        1,
        "A translation starts with --- front matter: translates, language, title",
      ),
    );
    return { meta: null, bodyStart: 0 };
  }
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === "---" || l.trimEnd() === "..."));
  if (end < 0) {
    own.push(
      translationFinding(
        file,
        "translation-no-original",
        1,
        "The front matter opened here is never closed with ---",
      ),
    );
    return { meta: null, bodyStart: lines.length };
  }
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join("\n"), { lineCounter: counter, uniqueKeys: true });
  const value: unknown = doc.errors.length === 0 && isMap(doc.contents) ? doc.toJS() : null;
  const parsed = translationMetaSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const name =
        issue.path.map(String).join(".") ||
        (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "front matter");
      const node = issue.path.length > 0 ? doc.getIn(issue.path as Array<string | number>, true) : undefined;
      const range = (node as { range?: [number] } | undefined)?.range;
      const line = range ? counter.linePos(range[0]).line + 1 : 2;
      const message =
        issue.code === "unrecognized_keys"
          ? `Front matter ${name}: not a translation field (translates, language, title)`
          : `Front matter ${name}: ${node === undefined && issue.path.length > 0 ? "is required" : issue.message}`;
      own.push(translationFinding(file, "translation-no-original", line, message));
    }
    return { meta: null, bodyStart: end + 1 };
  }
  return { meta: parsed.data, bodyStart: end + 1 };
}
