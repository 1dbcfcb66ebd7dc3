"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import { PERMISSIONS, type Permission } from "./config";

/** The sandbox's form fields: labelled, 44 px tall, errors tied to their input. */

export function Select<T extends string>({
  label,
  value,
  options,
  labels,
  onChange,
  hint,
}: {
  label: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="sandbox-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="sandbox-hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A number field that keeps what is typed and reports only whole numbers in range. */
export function NumberField({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }
  const n = Number(draft);
  const isValid = draft.trim() !== "" && Number.isInteger(n) && n >= min && n <= max;
  return (
    <div className="sandbox-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        aria-invalid={isValid ? undefined : true}
        aria-describedby={isValid ? undefined : `${id}-error`}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const next = Number(text);
          if (text.trim() !== "" && Number.isInteger(next) && next >= min && next <= max) {
            setShown(next);
            onChange(next);
          }
        }}
        onBlur={() => {
          if (!isValid) setDraft(String(value));
        }}
      />
      {isValid ? null : (
        <p id={`${id}-error`} className="sandbox-error">
          Enter a whole number from {min} to {max}.
        </p>
      )}
    </div>
  );
}

export function Check({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="sandbox-check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

export function toggle<T extends string>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function Permissions({
  legend,
  value,
  disabled,
  onChange,
}: {
  legend: string;
  value: Permission[];
  disabled: boolean;
  onChange: (value: Permission[]) => void;
}) {
  return (
    <fieldset className="sandbox-subset" disabled={disabled}>
      <legend>{legend}</legend>
      {PERMISSIONS.map((p) => (
        <Check
          key={p}
          label={<code>{p}</code>}
          checked={value.includes(p)}
          onChange={(on) => onChange(toggle(value, p, on))}
        />
      ))}
    </fieldset>
  );
}

export function MemberOfField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId();
  const t = useTranslations("sim.ui.fields");
  return (
    <div className="sandbox-field">
      <label htmlFor={id}>{t("memberOf")}</label>
      <p id={`${id}-hint`} className="sandbox-hint">
        {t.rich("memberOfHint", { code: (chunks) => <code>{chunks}</code> })}
      </p>
      <input
        id={id}
        type="text"
        value={value}
        spellCheck={false}
        autoCapitalize="none"
        autoComplete="off"
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
