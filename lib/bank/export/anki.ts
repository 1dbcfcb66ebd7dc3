import { clozeCards } from "../cloze";
import { renderMarkdown } from "../render-markdown";
import type { Bank, Question } from "../schema";

/**
 * Writes a bank as Anki-importable text (File → Import in Anki): tab-separated front, back and tags,
 * HTML fields, one note per card. Quiz questions become cards whose back gives the answer and the
 * explanation; reversible flashcards give two notes; each cloze deletion gives one.
 *
 * @example
 * exportAnki(bank).split("\n")[0] // "#separator:tab"
 */
export function exportAnki(bank: Bank, options: { assetBase?: string } = {}): string {
  const rows = ["#separator:tab", "#html:true", "#tags column:3"];
  const html = (md: string) => oneLine(renderMarkdown(md, options).trim());
  for (const q of bank.questions) {
    const tags = [...q.tags, ...q.exams, bank.meta.id].map((t) => t.replace(/\s+/g, "_")).join(" ");
    for (const [front, back] of cardsOf(q)) rows.push([html(front), html(back), tags].map(field).join("\t"));
  }
  return `${rows.join("\n")}\n`;
}

/** One Anki note a bank question becomes in a package: its kind, its fields (HTML) and tags. */
export type AnkiExportNote = {
  /** The question's id (an .apkg's note guid, so importing it again updates rather than duplicates). */
  id: string;
  kind: "basic" | "reversed" | "cloze";
  /** Front and back (basic, reversed), or Text and Back Extra (cloze): sanitized HTML. */
  fields: [string, string];
  tags: string[];
};

/**
 * The Anki notes of a bank, for an .apkg: reversible flashcards are one Basic (and reversed card)
 * note, cloze cards one Cloze note (Anki numbers the deletions itself), every other question a
 * Basic note whose back gives the answer and the explanation, as in exportAnki.
 *
 * @example
 * ankiNotesOf(bank)[0] // { id: "fc-mode", kind: "basic", fields: ["<p>Fargate mode</p>", "<p>awsvpc</p>"], tags: […] }
 */
export function ankiNotesOf(bank: Bank, options: { assetBase?: string } = {}): AnkiExportNote[] {
  const html = (md: string) => oneLine(renderMarkdown(md, options).trim());
  return bank.questions.flatMap((q): AnkiExportNote[] => {
    const tags = [...q.tags, ...q.exams, bank.meta.id].map((t) => t.replace(/\s+/g, "_"));
    if (q.kind === "cloze")
      return [{ id: q.id, kind: "cloze", fields: [html(q.cloze ?? q.stem), html(q.explanation)], tags }];
    if (q.kind === "flashcard")
      return [
        {
          id: q.id,
          kind: q.reversible ? "reversed" : "basic",
          fields: [html(q.front ?? q.stem), html(withExplanation(q.back ?? "", q))],
          tags,
        },
      ];
    return cardsOf(q).map(([front, back], i) => ({
      id: i === 0 ? q.id : `${q.id}.${i}`,
      kind: "basic",
      fields: [html(front), html(back)],
      tags,
    }));
  });
}

function withExplanation(answer: string, q: Question): string {
  return q.explanation ? `${answer}\n\n${q.explanation}` : answer;
}

function cardsOf(q: Question): Array<[string, string]> {
  switch (q.kind) {
    case "single":
    case "multiple": {
      const list = q.options.map((o) => `- **${o.key}.** ${o.text.replace(/\n/g, " ")}`).join("\n");
      const hint = q.kind === "multiple" ? `\n\n*Choose ${q.chooseCount ?? 1}.*` : "";
      const right = q.options.filter((o) => o.correct);
      const answer = `**Answer: ${right.map((o) => o.key).join(", ")}**\n\n${right.map((o) => `- ${o.text.replace(/\n/g, " ")}`).join("\n")}`;
      return [[`${q.stem}${hint}\n\n${list}`, withExplanation(answer, q)]];
    }
    case "true-false":
      return [[`${q.stem}\n\n*True or false?*`, withExplanation(`**${q.answer ? "True" : "False"}**`, q)]];
    case "typed":
      return [[q.stem, withExplanation(`**${(q.accepted ?? []).join(" / ")}**`, q)]];
    case "ordering": {
      const shuffled = [...q.options].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
      const items = shuffled.map((o) => `- ${o.text.replace(/\n/g, " ")}`).join("\n");
      const order = q.options.map((o, i) => `${i + 1}. ${o.text.replace(/\n/g, " ")}`).join("\n");
      return [[`${q.stem}\n\n*Put in order:*\n\n${items}`, withExplanation(order, q)]];
    }
    case "flashcard": {
      const front = q.front ?? q.stem;
      const back = withExplanation(q.back ?? "", q);
      return q.reversible
        ? [
            [front, back],
            [q.back ?? "", front],
          ]
        : [[front, back]];
    }
    case "cloze":
      return clozeCards(q).map((card) => [card.front, withExplanation(card.back, q)]);
  }
}

/** HTML on one line: newlines between tags dropped, inside text made spaces, inside <pre> made <br>. */
function oneLine(html: string): string {
  return html
    .split(/(<pre>[\s\S]*?<\/pre>)/)
    .map((part, i) =>
      i % 2 === 1 ? part.replace(/\n/g, "<br>") : part.replace(/>\n+</g, "><").replace(/\n/g, " "),
    )
    .join("");
}

/** A field quoted the CSV way when it holds a tab, a line break or a quote (Anki reads that). */
function field(value: string): string {
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
