/** A labelled textarea or input whose errors are linked to it (aria-describedby) and marked aria-invalid. */
export function TextField({
  id,
  name,
  label,
  hint,
  errors,
  defaultValue,
  rows,
  maxLength = 10_000,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  /** A textarea of this many rows; an input when absent. */
  rows?: number;
  maxLength?: number;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy =
    [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    maxLength,
    className: "input deck-input",
    "aria-invalid": hasErrors ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      ) : null}
      {rows ? <textarea {...common} rows={rows} /> : <input {...common} type="text" />}
      {hasErrors ? (
        <p id={errorId} className="form-field__error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
