/**
 * The form's live region: always in the page, so screen readers announce what appears in it
 * (a refusal or a confirmation), and empty otherwise.
 */
export function FormStatus({ error, success, id }: { error?: string; success?: string; id: string }) {
  return (
    <div id={id} className="form-status" role="status" aria-atomic="true">
      {error ? <p className="notice notice--error">{error}</p> : null}
      {!error && success ? <p className="notice notice--success">{success}</p> : null}
    </div>
  );
}
