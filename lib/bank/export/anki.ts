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
