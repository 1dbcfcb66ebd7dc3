"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * "Submit answers" asks first: a modal dialog that names the unanswered and flagged questions,
 * each a button back to it, and ends the attempt only on "Submit now". Escape or "Keep working"
 * close it and change nothing. A native <dialog> shown with showModal(): the rest of the page is
 * inert while it is open, focus starts on "Keep working" and returns to the button that opened it.
 */
export function SubmitDialog({
  isOpen,
  total,
  unanswered,
  flagged,
  unsavedMessage,
  isSubmitting,
  onConfirm,
  onClose,
  onGoTo,
}: {
  isOpen: boolean;
  total: number;
  /** Zero-based question indexes. */
  unanswered: number[];
  flagged: number[];
  /** Why some answers are not saved, when the autosave gave up. */
  unsavedMessage: string | null;
  isSubmitting: boolean;
  onConfirm: () => void;
  /** Closed without submitting (Escape, "Keep working"); focus goes back to the opener. */
  onClose: () => void;
  onGoTo: (index: number) => void;
}) {
  const t = useTranslations("quiz.submitDialog");
  const dialog = useRef<HTMLDialogElement>(null);
  const keepWorking = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) {
      opener.current = document.activeElement;
      element.showModal();
      keepWorking.current?.focus();
    } else if (!isOpen && element.open) element.close();
  }, [isOpen]);

  const cancel = () => {
    onClose();
    if (opener.current instanceof HTMLElement) opener.current.focus();
  };

  const answered = total - unanswered.length;
  return (
    <dialog
      ref={dialog}
      className="submit-dialog"
      aria-labelledby="submit-dialog-title"
      aria-describedby="submit-dialog-summary"
      onCancel={(event) => {
        event.preventDefault();
        if (!isSubmitting) cancel();
      }}
    >
      {isOpen ? (
        <>
          <h2 id="submit-dialog-title">{t("title")}</h2>
          <p id="submit-dialog-summary">
            {t("summary", {
              answered,
              total,
              allClear: String(unanswered.length === 0 && flagged.length === 0),
            })}
          </p>
          <QuestionList
            title={t("unanswered", { count: unanswered.length })}
            label={t("unansweredList")}
            indexes={unanswered}
            onGoTo={onGoTo}
            disabled={isSubmitting}
          />
          <QuestionList
            title={t("flagged", { count: flagged.length })}
            label={t("flaggedList")}
            indexes={flagged}
            onGoTo={onGoTo}
            disabled={isSubmitting}
          />
          {unsavedMessage ? (
            <p className="notice notice--error">{t("unsaved", { message: unsavedMessage })}</p>
          ) : null}
          <div className="submit-dialog__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={isSubmitting}
              onClick={onConfirm}
            >
              {isSubmitting ? t("submitting") : t("submitNow")}
            </button>
            <button
              ref={keepWorking}
              type="button"
              className="button"
              disabled={isSubmitting}
              onClick={cancel}
            >
              {t("keepWorking")}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

function QuestionList({
  title,
  label,
  indexes,
  onGoTo,
  disabled,
}: {
  title: string;
  label: string;
  indexes: number[];
  onGoTo: (index: number) => void;
  disabled: boolean;
}) {
  const t = useTranslations("quiz.submitDialog");
  if (indexes.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul aria-label={label} className="submit-dialog__questions">
        {indexes.map((i) => (
          <li key={i}>
            <button
              type="button"
              className="button button--quiet"
              disabled={disabled}
              onClick={() => onGoTo(i)}
            >
              {t("goTo", { number: i + 1 })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
