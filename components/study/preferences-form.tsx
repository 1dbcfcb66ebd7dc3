"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { submitKeepingValues } from "@/components/account/submit-keeping-values";
import { savePreferencesAction } from "@/lib/server/actions/study";

type FieldName = "newPerDay" | "desiredRetention" | "maximumIntervalDays" | "dayStartHour" | "timeZone";

type Values = {
  desiredRetention: number;
  maximumIntervalDays: number;
  enableFuzz: boolean;
  newPerDay: number;
  dayStartHour: number;
  timeZone: string;
  isDefault: boolean;
};

// Each field's label, hint and range come from `studySettings.fields.<name>`.
// i18n-keys: studySettings.fields.*
const FIELDS: Array<{ name: FieldName; type: "number" | "text"; step?: string }> = [
  { name: "newPerDay", type: "number" },
  { name: "desiredRetention", type: "number", step: "0.01" },
  { name: "maximumIntervalDays", type: "number" },
  { name: "dayStartHour", type: "number" },
  { name: "timeZone", type: "text" },
];

/** The learner's study settings, saved with a server action; errors appear at their field. */
export function PreferencesForm({ values }: { values: Values }) {
  const t = useTranslations("studySettings");
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
        const label = t(`fields.${field.name}.label`);
        return (
          <div key={field.name} className="field">
            <label htmlFor={id}>{label}</label>
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
              {t(`fields.${field.name}.hint`)}
            </p>
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {t("fieldError", { field: label, error })}
              </p>
            ) : null}
          </div>
        );
      })}
      <label className="check">
        <input type="checkbox" name="enableFuzz" defaultChecked={values.enableFuzz} /> {t("fuzz")}
      </label>
      <p aria-live="polite" className={state && !state.ok ? "field-error" : "muted"}>
        {state ? (state.ok ? state.message : (state.formError ?? t("checkFields"))) : ""}
      </p>
      <button type="submit" className="button button--primary" disabled={isPending}>
        {t("save")}
      </button>
    </form>
  );
}
