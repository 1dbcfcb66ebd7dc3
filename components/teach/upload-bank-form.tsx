"use client";

import { type FormEvent, useActionState, useId, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { replaceBankAction, uploadBankAction } from "@/lib/server/actions/instructor-bank";

const MAX_UPLOAD_BYTES = 1024 * 1024;
const TOO_LARGE_MESSAGE = "The file is larger than 1 MB.";

/**
 * Paste or upload a bank; errors come back with their line and column, and nothing is saved.
 * With `bank`, the text replaces that bank as its new version (nothing changes on an error).
 */
export function UploadBankForm({ bank }: { bank?: { id: string; title: string } }) {
  const [state, formAction, isPending] = useActionState(bank ? replaceBankAction : uploadBankAction, null);
  const id = useId();
  // Said before sending: a file past the server's body limit could only end in an error page.
  const [tooLarge, setTooLarge] = useState(false);
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("file");
    const isTooLarge = file instanceof File && file.size > MAX_UPLOAD_BYTES;
    setTooLarge(isTooLarge);
    if (isTooLarge) event.preventDefault();
  };
  const findings = state && !state.ok && !tooLarge ? (state.findings ?? []) : [];
  const findingsId = `${id}-findings`;
  return (
    <form action={formAction} onSubmit={checkSize} className="teach-form">
      {bank ? <input type="hidden" name="bankId" value={bank.id} /> : null}
      <div className="form-field">
        <label htmlFor={`${id}-markdown`}>
          {bank ? `New version of “${bank.title}” (Markdown)` : "Bank (Markdown)"}
        </label>
        <textarea
          id={`${id}-markdown`}
          name="markdown"
          rows={bank ? 10 : 16}
          className="input"
          spellCheck={false}
          aria-describedby={findings.length ? findingsId : undefined}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>Or upload a file</label>
        <input id={`${id}-file`} name="file" type="file" accept=".md,.txt,.gift,.csv,.tsv" />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} name="format" className="input" defaultValue="gfm">
          <option value="gfm">Taskdeck Markdown</option>
          <option value="auto">Detect (import another format)</option>
          <option value="gift">GIFT (Moodle)</option>
          <option value="quizdown">Quizdown</option>
          <option value="obsidian">Obsidian flashcards</option>
          <option value="anki">Anki text export</option>
        </select>
      </div>
      <FormStatus
        id={`${id}-status`}
        error={tooLarge ? TOO_LARGE_MESSAGE : state && !state.ok ? state.formError : undefined}
        success={
          state?.ok && !tooLarge
            ? `Saved “${state.title}”: ${state.questions} ${state.questions === 1 ? "question" : "questions"}.`
            : undefined
        }
      />
      {findings.length ? (
        <ul id={findingsId} aria-label="Problems in the bank" className="notice notice--error">
          {findings.map((f) => (
            <li key={`${f.line}:${f.column}:${f.message}`}>
              Line {f.line}, column {f.column}: {f.message}
              {f.hint ? ` (${f.hint})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button button--primary" disabled={isPending}>
        {bank ? "Check and replace" : "Check and save"}
      </button>
    </form>
  );
}
