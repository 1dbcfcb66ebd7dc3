"use client";

import { useTranslations } from "next-intl";

// Unexpected failures land here. The message shown is generic on purpose: raw errors can
// carry internals, so only the digest (which matches the server log) is displayed.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errors.page");
  return (
    <section aria-labelledby="error-title" className="notice notice--error" role="alert">
      <h1 id="error-title">{t("title")}</h1>
      <p>{t("text")}</p>
      {error.digest ? (
        <p>{t.rich("reference", { digest: error.digest, code: (chunks) => <code>{chunks}</code> })}</p>
      ) : null}
      <button type="button" className="button" onClick={reset}>
        {t("retry")}
      </button>
    </section>
  );
}
