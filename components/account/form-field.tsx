/** A labelled input whose errors are linked to it (aria-describedby) and marked aria-invalid. */
export function FormField({
  id,
  name,
  label,
  type = "text",
  autoComplete,
  hint,
  errors,
  defaultValue,
  maxLength,
}: {
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
  errors?: string[];
  defaultValue?: string;
  maxLength?: number;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hasErrors = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? hintId : null, hasErrors ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        maxLength={maxLength}
        aria-invalid={hasErrors ? true : undefined}
        aria-describedby={describedBy || undefined}
        spellCheck={type === "text" ? undefined : false}
        autoCapitalize={type === "text" ? undefined : "none"}
      />
      {hasErrors ? (
        <p id={errorId} className="form-field__error">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
