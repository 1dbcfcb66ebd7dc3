"use client";

import Link from "next/link";
import { type FormEvent, useActionState, useRef, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { useFocusFirstError } from "@/components/account/use-focus-first-error";
import { OPTION_ROWS } from "@/lib/bank/deck-card";
import { saveCardAction } from "@/lib/server/actions/deck";
import { TextField } from "./text-field";

const KINDS = [
  { value: "flashcard", label: "Flashcard" },
  { value: "cloze", label: "Cloze (fill the gap)" },
  { value: "single", label: "Single choice" },
  { value: "multiple", label: "Multiple choice" },
  { value: "true-false", label: "True or false" },
  { value: "typed", label: "Typed answer" },
  { value: "ordering", label: "Ordering" },
] as const;

const TEXT_LABELS: Record<string, { label: string; hint: string }> = {
  flashcard: { label: "Front", hint: "What you see first. Markdown works: **bold**, `code`, lists." },
  cloze: {
    label: "Text with gaps",
    hint: "Mark each gap as {{c1::answer}} (or {{c1::answer::hint}}); {{c2::…}} makes a second card.",
  },
  "true-false": { label: "Statement", hint: "The first line is the title; lines below it are the body." },
};
const QUESTION_TEXT = {
  label: "Question",
  hint: "The first line is the title; lines below it are the body.",
};

/**
 * Adds a card to a deck, or edits one (`card`): every kind's fields, each with its own error. On a
 * refusal the server sends back everything typed, so nothing is lost.
 */
export function CardForm({
  deckId,
  card,
}: {
  deckId: string;
  card?: { id: string; label: string; fields: Record<string, string> };
}) {
  const [state, formAction, isPending] = useActionState(saveCardAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? card?.fields ?? {};
  const errors = failed?.fieldErrors ?? {};
  const [kind, setKind] = useState(values.kind ?? "flashcard");
  // React resets the form after each action, which puts the kind menu back on its first option
  // while the fields shown stay those of the chosen kind: set the menu back to the chosen kind.
  const keepKind = (event: FormEvent<HTMLFormElement>) => {
    const select = event.currentTarget.elements.namedItem("kind");
    setTimeout(() => {
      if (select instanceof HTMLSelectElement) select.value = kind;
    }, 0);
  };
  const text = TEXT_LABELS[kind] ?? QUESTION_TEXT;
  const field = (name: string, label: string, extra: { hint?: string; rows?: number } = {}) => (
    <TextField
      id={`card-${name}`}
      name={name}
      label={label}
      defaultValue={values[name]}
      errors={errors[name]}
      {...extra}
    />
  );
  const optionsError = errors.options;
  return (
    <form
      ref={form}
      action={formAction}
      onReset={keepKind}
      noValidate
      className="deck-form"
      aria-label={card ? `Edit card “${card.label}”` : "Add a card"}
    >
      <input type="hidden" name="deckId" value={deckId} />
      {card ? <input type="hidden" name="cardId" value={card.id} /> : null}
      <div className="form-field">
        <label htmlFor="card-kind">Kind</label>
        <select
          id="card-kind"
          name="kind"
          className="input"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {field("text", text.label, { hint: text.hint, rows: 3 })}
      {kind === "flashcard" ? (
        <>
          {field("back", "Back", { rows: 3 })}
          <label className="check">
            <input
              type="checkbox"
              name="reversible"
              value="yes"
              defaultChecked={values.reversible === "yes"}
            />
            Also study it back to front
          </label>
        </>
      ) : null}
      {kind === "single" || kind === "multiple" ? (
        <fieldset
          className="deck-options"
          aria-describedby={optionsError ? "card-options-error" : undefined}
          aria-invalid={optionsError ? true : undefined}
        >
          <legend>Options: tick the right {kind === "single" ? "one" : "ones"}</legend>
          {optionsError ? (
            <p id="card-options-error" className="form-field__error">
              {optionsError.join(" ")}
            </p>
          ) : null}
          {Array.from({ length: OPTION_ROWS }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are fixed slots, named by their position.
            <div key={i} className="deck-option">
              {field(`option${i}`, `Option ${i + 1}`)}
              <label className="check">
                <input
                  type="checkbox"
                  name={`correct${i}`}
                  value="yes"
                  defaultChecked={values[`correct${i}`] === "yes"}
                />
                Option {i + 1} is right
              </label>
              {field(`why${i}`, `Why option ${i + 1} is right or wrong (optional)`)}
            </div>
          ))}
        </fieldset>
      ) : null}
      {kind === "true-false" ? (
        <fieldset
          aria-describedby={errors.truth ? "card-truth-error" : undefined}
          aria-invalid={errors.truth ? true : undefined}
        >
          <legend>The statement is</legend>
          {errors.truth ? (
            <p id="card-truth-error" className="form-field__error">
              {errors.truth.join(" ")}
            </p>
          ) : null}
          <label className="check">
            <input type="radio" name="truth" value="true" defaultChecked={values.truth === "true"} /> True
          </label>
          <label className="check">
            <input type="radio" name="truth" value="false" defaultChecked={values.truth === "false"} /> False
          </label>
        </fieldset>
      ) : null}
      {kind === "typed" ? field("answers", "Accepted answers", { hint: "One per line.", rows: 3 }) : null}
      {kind === "ordering"
        ? field("items", "Steps in the right order", {
            hint: "One per line. Learners get them shuffled.",
            rows: 4,
          })
        : null}
      {field("explanation", "Explanation (optional)", { rows: 3 })}
      {field("references", "References (optional)", { hint: "Web addresses, one per line.", rows: 2 })}
      {field("tags", "Tags (optional)", { hint: "Separated by commas, such as fargate, networking." })}
      <div className="form-field">
        <label htmlFor="card-difficulty">Difficulty</label>
        <select
          id="card-difficulty"
          name="difficulty"
          className="input"
          defaultValue={values.difficulty ?? "2"}
        >
          {["1", "2", "3", "4", "5"].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <FormStatus
        id="card-status"
        error={failed?.formError}
        success={state?.ok && state.created ? "Card added. Add another, or study the deck." : undefined}
      />
      <div className="inline-form">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {card ? "Save card" : "Add card"}
        </button>
        {card ? (
          <Link href={`/decks/${deckId}#cards`} className="button button--quiet">
            Cancel
          </Link>
        ) : null}
      </div>
    </form>
  );
}
