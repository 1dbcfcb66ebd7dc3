"use client";

// Unexpected failures land here. The message shown is generic on purpose: raw errors can
// carry internals, so only the digest (which matches the server log) is displayed.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section aria-labelledby="error-title" className="notice notice--error" role="alert">
      <h1 id="error-title">Something went wrong</h1>
      <p>Taskdeck could not show this page. Your saved progress is safe.</p>
      {error.digest ? (
        <p>
          Reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
