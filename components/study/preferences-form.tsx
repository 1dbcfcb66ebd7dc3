"use client";

import { useActionState, useEffect, useState } from "react";
import { submitKeepingValues } from "@/components/account/submit-keeping-values";
import { savePreferencesAction } from "@/lib/server/actions/study";

type Values = {
  desiredRetention: number;
  maximumIntervalDays: number;
  enableFuzz: boolean;
  newPerDay: number;
  dayStartHour: number;
  timeZone: string;
  isDefault: boolean;
};

const FIELDS: Array<{
  name: keyof Values;
  label: string;
  hint: string;
  type: "number" | "text";
  step?: string;
}> = [
  {
    name: "newPerDay",
    label: "New cards a day",
    hint: "How many new cards to start each day (0–500).",
    type: "number",
  },
  {
    name: "desiredRetention",
    label: "Desired retention",
    hint: "The chance of remembering a card when it comes back (0.70–0.99). Higher means more reviews.",
    type: "number",
    step: "0.01",
  },
  {
    name: "maximumIntervalDays",
    label: "Maximum interval (days)",
    hint: "The longest a card may wait.",
    type: "number",
  },
  {
    name: "dayStartHour",
    label: "Day starts at (hour)",
    hint: "0–23 in your time zone; 4 means 4 am.",
    type: "number",
  },
  { name: "timeZone", label: "Time zone", hint: "An IANA name such as Europe/Paris.", type: "text" },
];

/** The learner's study settings, saved with a server action; errors appear at their field. */
export function PreferencesForm({ values }: { values: Values }) {
  const [state, action, isPending] = useActionState(savePreferencesAction, null);
  const [timeZone, setTimeZone] = useState(values.timeZone);
  // A learner who never chose a time zone gets the browser's, which is almost always right.
  useEffect(() => {
    if (values.isDefault) setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, [values.isDefault]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="prefs-form" noValidate>
      {FIELDS.map((field) => {
        const error = errors[field.name]?.[0];
        const id = `pref-${field.name}`;
        return (
          <div key={field.name} className="field">
            <label htmlFor={id}>{field.label}</label>
            <input
              id={id}
              name={field.name}
              className="input"
              type={field.type}
              step={field.step}
              inputMode={field.type === "number" ? "decimal" : undefined}
              {...(field.name === "timeZone"
                ? {
                    value: timeZone,
                    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setTimeZone(e.target.value),
                  }
                : { defaultValue: String(values[field.name]) })}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            />
            <p id={`${id}-hint`} className="muted field-hint">
              {field.hint}
            </p>
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {field.label}: {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <label className="check">
        <input type="checkbox" name="enableFuzz" defaultChecked={values.enableFuzz} /> Spread reviews a little
        (fuzz) so cards learned together do not all come back on the same day
      </label>
      <p aria-live="polite" className={state && !state.ok ? "field-error" : "muted"}>
        {state ? (state.ok ? state.message : (state.formError ?? "Check the fields marked above.")) : ""}
      </p>
      <button type="submit" className="button button--primary" disabled={isPending}>
        Save settings
      </button>
    </form>
  );
}
