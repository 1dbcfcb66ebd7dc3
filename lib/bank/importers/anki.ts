import { type Draft, type ImportState, newState } from "./draft";
import { htmlToMarkdown } from "./text-utils";

const SEPARATORS: Record<string, string> = {
  tab: "\t",
  comma: ",",
  semicolon: ";",
  space: " ",
  pipe: "|",
  colon: ":",
};

type Header = {
  separator: string | null;
  html: boolean;
  tags: string[];
  columns: string[] | null;
  tagsColumn: number | null;
  skipColumns: Set<number>;
};

/**
 * Imports an Anki text export: `#separator`, `#html`, `#tags`, `#deck`, `#columns` and
 * `#… column:N` header lines, quoted fields (which may span lines), HTML fields converted to
 * Markdown, and `{{c1::…}}` cloze notes (their second field becomes the explanation).
 *
 * @example
 * importAnki("#separator:tab\nFargate mode\tawsvpc").drafts[0]?.back // "awsvpc"
 */
export function importAnki(text: string): ImportState {
  const state = newState();
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const header: Header = {
    separator: null,
    html: false,
    tags: [],
    columns: null,
    tagsColumn: null,
    skipColumns: new Set(),
  };
  let start = 0;
  for (; start < lines.length; start++) {
    const m = /^#([a-z ]+):(.*)$/i.exec(lines[start] ?? "");
    if (!m) break;
    readHeader((m[1] ?? "").trim().toLowerCase(), (m[2] ?? "").trim(), header, state, start + 1);
  }
  const body = lines.slice(start);
  const separator = header.separator ?? guessSeparator(body);
  const columns = header.columns?.map((c) => c.toLowerCase()) ?? null;
  const col = (names: string[], fallback: number) => {
    const found = columns?.findIndex((c) => names.includes(c)) ?? -1;
    return found >= 0 ? found : fallback;
  };
  const tagsColumn = header.tagsColumn ?? (columns ? columns.indexOf("tags") : -1);
  const data = [...Array(columns?.length ?? 64).keys()].filter(
    (k) => k !== tagsColumn && !header.skipColumns.has(k),
  );
  const frontColumn = col(["front", "text", "question"], data[0] ?? 0);
  const backColumn = col(["back", "extra", "answer", "back extra"], data.find((k) => k !== frontColumn) ?? 1);
  for (const record of records(body, separator, start + 1)) {
    if (record.fields.every((f) => f.trim() === "")) continue;
    const field = (k: number) => {
      const raw = record.fields[k] ?? "";
      return header.html || /<[a-z/][^>]*>/i.test(raw) ? htmlToMarkdown(raw) : raw.trim();
    };
    const front = field(frontColumn);
    const back = field(backColumn);
    const tags = [
      ...header.tags,
      ...(tagsColumn >= 0 ? (record.fields[tagsColumn] ?? "").split(/\s+/) : []),
    ].filter(Boolean);
    const draft: Draft = /\{\{c\d+::/.test(front)
      ? { line: record.line, kind: "cloze", stem: front, explanation: back, tags }
      : { line: record.line, kind: "flashcard", stem: front, back, tags };
    state.drafts.push(draft);
  }
  return state;
}

function readHeader(key: string, value: string, header: Header, state: ImportState, line: number): void {
  const column = /^(tags|deck|notetype|guid) column$/.exec(key);
  if (column) {
    const index = Number(value) - 1;
    if (column[1] === "tags") header.tagsColumn = index;
    else header.skipColumns.add(index);
    if (column[1] !== "tags") state.dropped.push({ line, reason: `The ${column[1]} column is not imported` });
    return;
  }
  switch (key) {
    case "separator":
      header.separator = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : "\t");
      return;
    case "html":
      header.html = value.toLowerCase() === "true";
      return;
    case "tags":
      header.tags = value.split(/\s+/).filter(Boolean);
      return;
    case "deck":
      state.meta.title ??= value;
      state.meta.topic ??= value.replace(/::/g, "-");
      return;
    case "columns":
      header.columns = value.split(
        header.separator ?? (value.includes("\t") ? "\t" : /[,;]/.test(value) ? /[,;]/ : " "),
      );
      return;
    default:
      state.dropped.push({ line, reason: `Header #${key} ignored` });
  }
}

function guessSeparator(lines: string[]): string {
  const sample = lines.slice(0, 20).join("\n");
  for (const sep of ["\t", ";", ","]) if (sample.includes(sep)) return sep;
  return "\t";
}

/** Splits delimited text into records; quoted fields may hold separators, quotes ("") and line breaks. */
function records(
  lines: string[],
  separator: string,
  firstLine: number,
): Array<{ fields: string[]; line: number }> {
  const out: Array<{ fields: string[]; line: number }> = [];
  const text = lines.join("\n");
  let fields: string[] = [];
  let fieldText = "";
  let line = firstLine;
  let recordLine = firstLine;
  let i = 0;
  let atFieldStart = true;
  while (i <= text.length) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      let j = i + 1;
      let value = "";
      for (; j < text.length; j++) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j++;
          } else break;
        } else {
          if (text[j] === "\n") line++;
          value += text[j];
        }
      }
      fieldText = value;
      i = j + 1;
      atFieldStart = false;
      continue;
    }
    if (c === undefined || c === "\n" || c === separator) {
      fields.push(fieldText);
      fieldText = "";
      atFieldStart = true;
      if (c !== separator) {
        if (fields.length > 1 || (fields[0] ?? "") !== "") out.push({ fields, line: recordLine });
        fields = [];
        line++;
        recordLine = line;
      }
      i++;
      continue;
    }
    fieldText += c;
    atFieldStart = false;
    i++;
  }
  return out;
}
