"use client";

import { useLocale, useTranslations } from "next-intl";

/** A problem the checker found, at a line and column of the text the instructor gave. */
export type CheckedFinding = {
  severity: "error" | "warning";
  line: number;
  column: number;
  message: string;
  hint?: string;
  code?: string;
  convertedLine?: number;
};

/** Lines shown around each problem in the code view. */
const CONTEXT = 2;

/**
 * Selects line `line` (1-based) of a text box, focuses it and scrolls the line into view, so an
 * author who chose a problem lands on the text to fix.
 */
export function moveToLine(area: HTMLTextAreaElement, line: number): void {
  const lines = area.value.split("\n");
  const target = Math.min(Math.max(1, line), lines.length);
  let start = 0;
  for (let i = 0; i < target - 1; i++) start += (lines[i]?.length ?? 0) + 1;
  const end = start + (lines[target - 1]?.length ?? 0);
  area.focus();
  area.setSelectionRange(start, end);
  const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (target - 1) * lineHeight - area.clientHeight / 3);
}

type Row = { kind: "line"; number: number; text: string } | { kind: "gap"; after: number };

/** The lines to show: each problem's line with CONTEXT lines around it, gaps between. */
function rowsFor(lines: string[], findings: CheckedFinding[]): Row[] {
  const shown = new Set<number>();
  for (const f of findings)
    for (let n = f.line - CONTEXT; n <= f.line + CONTEXT; n++) if (n >= 1 && n <= lines.length) shown.add(n);
  const rows: Row[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > previous + 1) rows.push({ kind: "gap", after: previous });
    rows.push({ kind: "line", number: n, text: lines[n - 1] ?? "" });
    previous = n;
  }
  if (previous < lines.length && rows.length > 0) rows.push({ kind: "gap", after: previous });
  return rows;
}

/** A line's look: an error on it, only warnings, or nothing. */
function lineState(findings: CheckedFinding[] | undefined): string {
  if (!findings?.length) return "";
  return findings.some((f) => f.severity === "error") ? " is-bad" : " is-warned";
}

/** Findings with a key made of what they say (a repeat of the same words gets a count after it). */
function keyed(findings: CheckedFinding[]) {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.line}:${finding.column}:${finding.code ?? ""}:${finding.message}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n > 1 ? `${base}#${n}` : base, finding };
  });
}

/**
 * The problems of a checked bank: a list (each one a button that moves to its line in the text
 * box) and a code view of the checked text with line numbers, each problem beside its line.
 */
export function BankCodeView({
  id,
  text,
  fileName,
  findings,
  onGoToLine,
}: {
  id: string;
  text: string | null;
  fileName: string | null;
  findings: CheckedFinding[];
  onGoToLine: (line: number) => void;
}) {
  const t = useTranslations("teach.problems");
  const title = useCodeTitle();
  const lines = text === null ? [] : text.replace(/\r\n?/g, "\n").split("\n");
  const rows = rowsFor(lines, findings);
  const byLine = new Map<number, CheckedFinding[]>();
  for (const f of findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  return (
    <div className="bank-problems">
      <ul id={id} aria-label={t("list")} className="notice notice--error bank-problems__list">
        {keyed(findings).map(({ key, finding: f }) => (
          <li key={key}>
            <button type="button" className="bank-problems__go" onClick={() => onGoToLine(f.line)}>
              {title(f)}
              {t(f.hint ? "atWithHint" : "at", {
                line: f.line,
                column: f.column,
                message: f.message,
                hint: f.hint ?? "",
              })}
            </button>
            {f.convertedLine ? (
              <span className="muted">{t("converted", { line: f.convertedLine })}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {rows.length > 0 ? (
        <figure className="bank-code" aria-label={t("figure")}>
          <figcaption className="muted">
            {fileName ? t("captionFile", { file: fileName }) : t("captionText")}
          </figcaption>
          <ol className="bank-code__lines">
            {rows.map((row) =>
              row.kind === "gap" ? (
                <li key={`gap-${row.after}`} className="bank-code__gap" aria-hidden="true">
                  ⋯
                </li>
              ) : (
                <li key={row.number} className={`bank-code__line${lineState(byLine.get(row.number))}`}>
                  <span className="bank-code__number">{row.number}</span>
                  <code className="bank-code__text">{row.text || " "}</code>
                  {keyed(byLine.get(row.number) ?? []).map(({ key, finding: f }) => (
                    <button
                      key={key}
                      type="button"
                      className={`bank-code__finding bank-code__finding--${f.severity}`}
                      onClick={() => onGoToLine(f.line)}
                    >
                      {title(f)}
                      {t(f.severity === "error" ? "error" : "warning", {
                        column: f.column,
                        message: f.message,
                      })}
                    </button>
                  ))}
                </li>
              ),
            )}
          </ol>
        </figure>
      ) : null}
    </div>
  );
}

/**
 * A finding's title in the interface's language, for a Korean page only: the checker's messages
 * (lib/bank/codes.ts) stay English, as the CLI and authors' tools print them, so a Korean author
 * gets a Korean name for each problem before its English detail. An English page shows the detail
 * alone, as before; a code the catalog does not name yet gets no title.
 */
function useCodeTitle() {
  const locale = useLocale();
  const t = useTranslations("teach.codes");
  // i18n-keys: teach.codes.*
  return (f: CheckedFinding) =>
    locale !== "en" && f.code && t.has(f.code as "stale") ? `${t(f.code as "stale")} — ` : "";
}
