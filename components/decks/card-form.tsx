"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useActionState, useRef, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { useFocusFirstError } from "@/components/account/use-focus-first-error";
import { OPTION_ROWS } from "@/lib/bank/deck-card";
import { saveCardAction } from "@/lib/server/actions/deck";
import { TextField } from "./text-field";

const KINDS = ["flashcard", "cloze", "single", "multiple", "true-false", "typed", "ordering"] as const;

/** The main text field's label and hint keys (decks.card.*) for each kind. */
const TEXT_KEYS = {
  flashcard: { label: "front", hint: "frontHint" },
  cloze: { label: "clozeText", hint: "clozeHint" },
  "true-false": { label: "statement", hint: "titleHint" },
} as const;
const QUESTION_KEYS = { label: "question", hint: "titleHint" } as const;

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
  const t = useTranslations("decks.card");
  const tKind = useTranslations("decks.kind");
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
  const textKeys = TEXT_KEYS[kind as keyof typeof TEXT_KEYS] ?? QUESTION_KEYS;
  const text = { label: t(textKeys.label), hint: t(textKeys.hint) };
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
      aria-label={card ? t("editForm", { label: card.label }) : t("addForm")}
    >
      <input type="hidden" name="deckId" value={deckId} />
      {card ? <input type="hidden" name="cardId" value={card.id} /> : null}
      <div className="form-field">
        <label htmlFor="card-kind">{t("kind")}</label>
        <select
          id="card-kind"
          name="kind"
          className="input"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k === "cloze" ? t("kindCloze") : tKind(k)}
            </option>
          ))}
        </select>
      </div>
      {field("text", text.label, { hint: text.hint, rows: 3 })}
      {kind === "flashcard" ? (
        <>
          {field("back", t("back"), { rows: 3 })}
          <label className="check">
            <input
              type="checkbox"
              name="reversible"
              value="yes"
              defaultChecked={values.reversible === "yes"}
            />
            {t("reversible")}
          </label>
        </>
      ) : null}
      {kind === "single" || kind === "multiple" ? (
        <fieldset
          className="deck-options"
          aria-describedby={optionsError ? "card-options-error" : undefined}
          aria-invalid={optionsError ? true : undefined}
        >
          <legend>{t("options", { kind })}</legend>
          {optionsError ? (
            <p id="card-options-error" className="form-field__error">
              {optionsError.join(" ")}
            </p>
          ) : null}
          {Array.from({ length: OPTION_ROWS }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are fixed slots, named by their position.
            <div key={i} className="deck-option">
              {field(`option${i}`, t("option", { n: i + 1 }))}
              <label className="check">
                <input
                  type="checkbox"
                  name={`correct${i}`}
                  value="yes"
                  defaultChecked={values[`correct${i}`] === "yes"}
                />
                {t("optionRight", { n: i + 1 })}
              </label>
              {field(`why${i}`, t("optionWhy", { n: i + 1 }))}
            </div>
          ))}
        </fieldset>
      ) : null}
      {kind === "true-false" ? (
        <fieldset
          aria-describedby={errors.truth ? "card-truth-error" : undefined}
          aria-invalid={errors.truth ? true : undefined}
        >
          <legend>{t("truthLegend")}</legend>
          {errors.truth ? (
            <p id="card-truth-error" className="form-field__error">
              {errors.truth.join(" ")}
            </p>
          ) : null}
          <label className="check">
            <input type="radio" name="truth" value="true" defaultChecked={values.truth === "true"} />{" "}
            {t("true")}
          </label>
          <label className="check">
            <input type="radio" name="truth" value="false" defaultChecked={values.truth === "false"} />{" "}
            {t("false")}
          </label>
        </fieldset>
      ) : null}
      {kind === "typed" ? field("answers", t("answers"), { hint: t("answersHint"), rows: 3 }) : null}
      {kind === "ordering"
        ? field("items", t("items"), {
            hint: t("itemsHint"),
            rows: 4,
          })
        : null}
      {field("explanation", t("explanation"), { rows: 3 })}
      {field("references", t("references"), { hint: t("referencesHint"), rows: 2 })}
      {field("tags", t("tags"), { hint: t("tagsHint") })}
      <div className="form-field">
        <label htmlFor="card-difficulty">{t("difficulty")}</label>
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
        success={state?.ok && state.created ? t("added") : undefined}
      />
      <div className="inline-form">
        <button type="submit" className="button button--primary" disabled={isPending}>
          {card ? t("save") : t("add")}
        </button>
        {card ? (
          <Link href={`/decks/${deckId}#cards`} className="button button--quiet">
            {t("cancel")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
