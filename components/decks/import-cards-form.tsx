"use client";

import { type FormEvent, useActionState, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { importDeckAction } from "@/lib/server/actions/deck";

const MAX_UPLOAD_BYTES = 1024 * 1024;
const TOO_LARGE_MESSAGE = "The file is larger than 1 MB.";

/**
 * Paste or upload cards into a deck, in Taskdeck Markdown or another format the bank importer
 * reads. Problems come back with their line and column, and nothing is saved.
 */
export function ImportCardsForm({ deckId }: { deckId: string }) {
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
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    <form
      action={formAction}
      onSubmit={checkSize}
      className="deck-form"
      aria-label="Add cards from text or a file"
    >
      <input type="hidden" name="deckId" value={deckId} />
      <div className="form-field">
        <label htmlFor="deck-import-text">Cards (Markdown)</label>
        <p id="deck-import-hint" className="form-field__hint">
          One “## heading” per card, as in the bank format; a front matter is optional. Cards whose {"{#id}"}{" "}
          the deck already has are updated, keeping your history.
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
        <label htmlFor="deck-import-file">Or upload a file</label>
        <input id="deck-import-file" name="file" type="file" accept=".md,.txt,.gift,.csv,.tsv,.apkg" />
      </div>
      <div className="form-field">
        <label htmlFor="deck-import-format">Format</label>
        <select id="deck-import-format" name="format" className="input" defaultValue="gfm">
          <option value="gfm">Taskdeck Markdown</option>
          <option value="auto">Detect (import another format)</option>
          <option value="gift">GIFT (Moodle)</option>
          <option value="quizdown">Quizdown</option>
          <option value="obsidian">Obsidian flashcards</option>
          <option value="anki">Anki text export</option>
          <option value="apkg">Anki package (.apkg)</option>
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
          Keep my Anki review history
        </label>
        <p id="deck-import-history-hint" className="form-field__hint">
          For an Anki package: the reviews you made in Anki become your reviews here, and each new card is
          scheduled from them instead of starting as new.
        </p>
      </div>
      <FormStatus
        id="deck-import-status"
        error={tooLarge ? TOO_LARGE_MESSAGE : state && !state.ok ? state.formError : undefined}
        success={
          saved
            ? `Added ${plural(saved.added, "card")}, updated ${saved.updated}, unchanged ${saved.unchanged}.${saved.warnings.length ? ` ${plural(saved.warnings.length, "warning")}: see below.` : ""}`
            : undefined
        }
      />
      {saved && (saved.notes.length > 0 || saved.warnings.length > 0) ? (
        <ul aria-label="Notes on the import" className="notice">
          {saved.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
          {saved.warnings.map((f) => (
            <li key={`${f.line}:${f.column}:${f.message}`}>
              Line {f.line}, column {f.column}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {findings.length ? (
        <ul id="deck-import-findings" aria-label="Problems in the cards" className="notice notice--error">
          {findings.map((f) => (
            <li key={`${f.line}:${f.column}:${f.message}`}>
              Line {f.line}, column {f.column}: {f.message}
              {f.hint ? ` (${f.hint})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button button--primary" disabled={isPending}>
        Check and add
      </button>
    </form>
  );
}
