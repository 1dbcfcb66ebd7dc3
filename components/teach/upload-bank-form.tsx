"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { uploadBankAction } from "@/lib/server/actions/instructor-bank";

/** Paste or upload a bank; errors come back with their line and column, and nothing is saved. */
export function UploadBankForm() {
  const [state, formAction, isPending] = useActionState(uploadBankAction, null);
  const findings = state && !state.ok ? (state.findings ?? []) : [];
  return (
    <form action={formAction} className="teach-form">
      <div className="form-field">
        <label htmlFor="bank-markdown">Bank (Markdown)</label>
        <textarea
          id="bank-markdown"
          name="markdown"
          rows={16}
          className="input"
          spellCheck={false}
          aria-describedby={findings.length ? "bank-findings" : undefined}
        />
      </div>
      <div className="form-field">
        <label htmlFor="bank-file">Or upload a file</label>
        <input id="bank-file" name="file" type="file" accept=".md,.txt,.gift,.csv,.tsv" />
      </div>
      <div className="form-field">
        <label htmlFor="bank-format">Format</label>
        <select id="bank-format" name="format" className="input" defaultValue="gfm">
          <option value="gfm">Taskdeck Markdown</option>
          <option value="auto">Detect (import another format)</option>
          <option value="gift">GIFT (Moodle)</option>
          <option value="quizdown">Quizdown</option>
          <option value="obsidian">Obsidian flashcards</option>
          <option value="anki">Anki text export</option>
        </select>
      </div>
      <FormStatus
        id="upload-bank-status"
        error={state && !state.ok ? state.formError : undefined}
        success={state?.ok ? `Saved “${state.title}”: ${state.questions} questions.` : undefined}
      />
      {findings.length ? (
        <ul id="bank-findings" aria-label="Problems in the bank" className="notice notice--error">
          {findings.map((f) => (
            <li key={`${f.line}:${f.column}:${f.message}`}>
              Line {f.line}, column {f.column}: {f.message}
              {f.hint ? ` (${f.hint})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button button--primary" disabled={isPending}>
        Check and save
      </button>
    </form>
  );
}
