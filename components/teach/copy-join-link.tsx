"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * The class's join link as a real link, with a Copy button that says "Copied" (to screen readers
 * too) once the link is on the clipboard, or says to copy it by hand when the browser refuses.
 */
export function CopyJoinLink({ url }: { url: string }) {
  const t = useTranslations("teach.joinLink");
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <p className="join-link">
      <span>{t("label")}</span>
      <a href={url} className="join-link__url">
        {url}
      </a>{" "}
      <button type="button" className="button button--quiet" onClick={copy}>
        {copied === "copied" ? t("copied") : t("copy")}
      </button>{" "}
      <span role="status" className={copied === "failed" ? "notice notice--error" : "visually-hidden"}>
        {copied === "copied" ? t("copiedStatus") : copied === "failed" ? t("failed") : ""}
      </span>
    </p>
  );
}
