"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { FormStatus } from "@/components/account/form-status";
import { replaceBankAction, uploadBankAction } from "@/lib/server/actions/instructor-bank";
import { BankCodeView, type CheckedFinding, moveToLine } from "./bank-code-view";
import "./upload-bank.css";

const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

type Counts = Array<{ code: string; severity: "error" | "warning"; count: number }>;

type UploadText = ReturnType<typeof useTranslations<"teach.upload">>;

/** "2,100 warnings: 700 × missing-explanation, 700 × missing-reference, …" (codes as the CLI prints them) */
function countsLine(t: UploadText, counts: Counts, severity: "error" | "warning"): string {
  const mine = counts.filter((c) => c.severity === severity);
  const total = mine.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) return "";
  const list = mine.map((c) => t("countOf", { count: c.count, code: c.code })).join(", ");
  return t(severity === "error" ? "errors" : "warnings", { total, list });
}

/**
 * Paste or upload a bank; errors come back with their line and column, and nothing is saved.
 * With `bank`, the text replaces that bank as its new version (nothing changes on an error).
 * Nothing typed is lost: the form is never reset by a refusal, so the pasted text and the chosen
 * file stay, and each error is shown beside its line in the text that was checked; choosing an
 * error selects its line in the text box.
 */
export function UploadBankForm({ bank }: { bank?: { id: string; title: string } }) {
  const t = useTranslations("teach.upload");
  const [state, formAction, isPending] = useActionState(bank ? replaceBankAction : uploadBankAction, null);
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Said before sending: a file past the server's body limit could only end in an error page.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  // The text the last check was given (pasted, or the file's), for the code view.
  const [checked, setChecked] = useState<{ text: string; fromFile: string | null } | null>(null);

  // Once a bank is saved the form starts empty again (a refusal keeps everything, above).
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      setChecked(null);
    }
  }, [state]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    // Sent by hand rather than through the form's action, so React does not reset the form (and
    // empty the text box and the file picker) when the answer comes back.
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    const pasted = String(data.get("markdown") ?? "");
    const hasFile = file instanceof File && file.size > 0;
    const problem = hasFile
      ? file.size > MAX_UPLOAD_BYTES
        ? t("tooLarge")
        : null
      : new Blob([pasted]).size > MAX_UPLOAD_BYTES
        ? t("pasteTooLarge")
        : null;
    setTooLarge(problem);
    if (problem) return;
    const isText = hasFile && !/\.apkg$/i.test(file.name);
    setChecked(
      hasFile
        ? isText
          ? { text: await file.text(), fromFile: file.name }
          : null
        : { text: pasted, fromFile: null },
    );
    startTransition(() => formAction(data));
  };

  /** Selects a line in the text box; a file's text is first moved there so it can be fixed. */
  const goToLine = (line: number) => {
    const area = textRef.current;
    if (!area || !checked) return;
    if (checked.fromFile !== null && area.value !== checked.text) {
      area.value = checked.text;
      if (fileRef.current) fileRef.current.value = "";
      setChecked({ text: checked.text, fromFile: null });
    }
    moveToLine(area, line);
  };

  const refused = state && !state.ok && !tooLarge ? state : null;
  const findings: CheckedFinding[] = refused?.findings ?? [];
  const counts: Counts = (refused ? refused.counts : state?.ok ? state.counts : undefined) ?? [];
  const errorCount = counts.filter((c) => c.severity === "error").reduce((n, c) => n + c.count, 0);
  const findingsId = `${id}-findings`;
  const saved =
    state?.ok && !tooLarge ? t("saved", { title: state.title, count: state.questions }) : undefined;
  const warningsLine = state?.ok && !tooLarge ? countsLine(t, counts, "warning") : "";
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} className="teach-form">
      {bank ? <input type="hidden" name="bankId" value={bank.id} /> : null}
      <div className="form-field">
        <label htmlFor={`${id}-markdown`}>
          {bank ? t("newVersionOf", { title: bank.title }) : t("bank")}
        </label>
        <textarea
          ref={textRef}
          id={`${id}-markdown`}
          name="markdown"
          rows={bank ? 10 : 16}
          className="input bank-text"
          spellCheck={false}
          aria-describedby={findings.length ? findingsId : undefined}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-file`}>{t("file")}</label>
        <input
          ref={fileRef}
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".md,.txt,.gift,.csv,.tsv,.apkg"
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-format`}>{t("format")}</label>
        <select id={`${id}-format`} name="format" className="input" defaultValue="gfm">
          <option value="gfm">{t("formatGfm")}</option>
          <option value="auto">{t("formatAuto")}</option>
          <option value="gift">GIFT (Moodle)</option>
          <option value="quizdown">Quizdown</option>
          <option value="obsidian">{t("formatObsidian")}</option>
          <option value="anki">{t("formatAnki")}</option>
          <option value="apkg">{t("formatApkg")}</option>
        </select>
      </div>
      <FormStatus
        id={`${id}-status`}
        error={tooLarge ?? (state && !state.ok ? state.formError : undefined)}
        success={saved}
      />
      {warningsLine ? (
        <p className="muted bank-counts">
          {t.rich("warningsAdvice", { line: warningsLine, code: (chunks) => <code>{chunks}</code> })}
        </p>
      ) : null}
      {refused && counts.length > 0 && errorCount > findings.filter((f) => f.severity === "error").length ? (
        <p className="muted bank-counts">
          {t("firstListed", { line: countsLine(t, counts, "error"), count: findings.length })}
        </p>
      ) : null}
      {findings.length ? (
        <BankCodeView
          id={findingsId}
          text={checked?.text ?? null}
          fileName={checked?.fromFile ?? null}
          findings={findings}
          onGoToLine={goToLine}
        />
      ) : null}
      <button type="submit" className="button button--primary" disabled={isPending}>
        {bank ? t("replace") : t("save")}
      </button>
    </form>
  );
}
