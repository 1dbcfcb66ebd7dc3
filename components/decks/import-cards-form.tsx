"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { importDeckAction } from "@/lib/server/actions/deck";

const MAX_UPLOAD_BYTES = 1024 * 1024;

/**
 * Paste or upload cards into a deck, in Taskdeck Markdown or another format the bank importer
 * reads. Problems come back with their line and column, and nothing is saved.
 */
export function ImportCardsForm({ deckId }: { deckId: string }) {
  const t = useTranslations("decks.import");
  const [state, formAction, isPending] = useActionState(importDeckAction, null);
  // Said before sending: a file past the server's body limit could only end in an error page.
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("file");
    const isTooLarge = file instanceof File && file.size > MAX_UPLOAD_BYTES;
    setTooLarge(isTooLarge);
    if (isTooLarge) event.preventDefault();
  };
  const findings = state && !state.ok && !tooLarge ? (state.findings ?? []) : [];
  const saved = state?.ok && !tooLarge ? state : null;
  return (
    <form action={formAction} onSubmit={checkSize} className="deck-form" aria-label={t("form")}>
      <input type="hidden" name="deckId" value={deckId} />
      <div className="form-field">
        <label htmlFor="deck-import-text">{t("text")}</label>
        <p id="deck-import-hint" className="form-field__hint">
          {t("hint")}
        </p>
        <textarea
          id="deck-import-text"
          name="markdown"
          rows={8}
          className="input deck-input"
          spellCheck={false}
          aria-describedby={findings.length ? "deck-import-hint deck-import-findings" : "deck-import-hint"}
        />
      </div>
      <div className="form-field">
        <label htmlFor="deck-import-file">{t("file")}</label>
        <input id="deck-import-file" name="file" type="file" accept=".md,.txt,.gift,.csv,.tsv,.apkg" />
      </div>
      <div className="form-field">
        <label htmlFor="deck-import-format">{t("format")}</label>
        <select id="deck-import-format" name="format" className="input" defaultValue="gfm">
          <option value="gfm">{t("formatGfm")}</option>
          <option value="auto">{t("formatAuto")}</option>
          <option value="gift">GIFT (Moodle)</option>
          <option value="quizdown">Quizdown</option>
          <option value="obsidian">{t("formatObsidian")}</option>
          <option value="anki">{t("formatAnki")}</option>
          <option value="apkg">{t("formatApkg")}</option>
        </select>
      </div>
      <div className="form-field">
        <label className="check">
          <input
            type="checkbox"
            name="keepHistory"
            defaultChecked
            aria-describedby="deck-import-history-hint"
          />{" "}
          {t("keepHistory")}
        </label>
        <p id="deck-import-history-hint" className="form-field__hint">
          {t("keepHistoryHint")}
        </p>
      </div>
      <FormStatus
        id="deck-import-status"
        error={tooLarge ? t("tooLarge") : state && !state.ok ? state.formError : undefined}
        success={
          saved
            ? t(saved.warnings.length ? "savedWarnings" : "saved", {
                added: saved.added,
                updated: saved.updated,
                unchanged: saved.unchanged,
                warnings: saved.warnings.length,
              })
            : undefined
        }
      />
      {saved && (saved.notes.length > 0 || saved.warnings.length > 0) ? (
        <ul aria-label={t("notes")} className="notice">
          {saved.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
          {saved.warnings.map((f) => (
            <li key={`${f.line}:${f.column}:${f.message}`}>
              {t("at", { line: f.line, column: f.column, message: f.message })}
            </li>
          ))}
        </ul>
      ) : null}
      {findings.length ? (
        <ul id="deck-import-findings" aria-label={t("problems")} className="notice notice--error">
          {findings.map((f) => (
            <li key={`${f.line}:${f.column}:${f.message}`}>
              {t("at", { line: f.line, column: f.column, message: f.message })}
              {f.hint ? ` (${f.hint})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button button--primary" disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
