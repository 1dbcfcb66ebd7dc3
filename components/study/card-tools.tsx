"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { reportAction } from "@/lib/server/actions/study";
import type { QueueItem } from "@/lib/study/views";

// i18n-keys: study.tools.reasons.*
const REASONS = ["wrong-answer", "unclear", "outdated", "typo", "other"] as const;

/** Less frequent actions on the card: suspend, bury, and report a problem to the bank's authors. */
export function CardTools({
  item,
  onRemove,
  disabled,
}: {
  item: QueueItem;
  onRemove: (how: "suspend" | "bury") => void;
  disabled?: boolean;
}) {
  const [isReporting, setReporting] = useState(false);
  const t = useTranslations("study.tools");
  const [reason, setReason] = useState<(typeof REASONS)[number]>("wrong-answer");
  const [message, setMessage] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await reportAction({ questionId: item.ref.questionId, reason, message });
    if (result.ok) {
      setStatus({ ok: true, text: result.message });
      setReporting(false);
      setMessage("");
      setFieldError(null);
    } else {
      setFieldError(result.fieldErrors?.message?.[0] ?? null);
      setStatus({ ok: false, text: result.formError ?? t("notSent") });
    }
  };

  return (
    <div className="card-tools">
      <div className="card-tools__row">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onRemove("bury")}
          disabled={disabled}
        >
          {t("bury")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => onRemove("suspend")}
          disabled={disabled}
        >
          {t("suspend")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={isReporting}
          aria-controls={`${id}-report`}
          disabled={disabled}
          onClick={() => setReporting((open) => !open)}
        >
          {t("report")}
        </button>
      </div>
      <p aria-live="polite" className={status?.ok === false ? "field-error" : "card-tools__status"}>
        {status?.text}
      </p>
      {isReporting ? (
        <form id={`${id}-report`} className="report-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t("reason")}</label>
            <select
              id={`${id}-reason`}
              className="input"
              value={reason}
              onChange={(e) => setReason(e.target.value as typeof reason)}
            >
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reasons.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-message`}>{t("details")}</label>
            <textarea
              id={`${id}-message`}
              className="input"
              rows={3}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-message-error` : undefined}
            />
            {fieldError ? (
              <p id={`${id}-message-error`} className="field-error">
                {fieldError}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--primary">
            {t("send")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
