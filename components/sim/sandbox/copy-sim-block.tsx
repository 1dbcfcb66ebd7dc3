"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

/** The fenced block an author pastes into a bank question. */
export function simBlock(yaml: string): string {
  return `\`\`\`sim\n${yaml.endsWith("\n") ? yaml : `${yaml}\n`}\`\`\`\n`;
}

type Status = { yaml: string; kind: "copied" | "failed" } | null;

/**
 * "Copy as sim block": writes the scenario, fenced as ```sim, to the clipboard and says so
 * in a live region. Where the clipboard is refused, it opens and selects the block instead.
 */
export function CopySimBlock({ yaml }: { yaml: string }) {
  const t = useTranslations("sim.ui.copy");
  const [status, setStatus] = useState<Status>(null);
  const [isOpen, setOpen] = useState(false);
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const areaId = useId();
  const block = simBlock(yaml);
  // A message about an older scenario would mislead: it clears when the scenario changes.
  const current = status && status.yaml === yaml ? status : null;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(block);
      setStatus({ yaml, kind: "copied" });
    } catch {
      setOpen(true);
      setStatus({ yaml, kind: "failed" });
      requestAnimationFrame(() => {
        areaRef.current?.focus();
        areaRef.current?.select();
      });
    }
  };

  return (
    <div className="sandbox-copy">
      <button type="button" className="button button--primary" onClick={copy}>
        {t("button")}
      </button>
      <p className="sandbox-copy__status" role="status" aria-live="polite">
        {current?.kind === "copied" ? t("copied") : current?.kind === "failed" ? t("failed") : ""}
      </p>
      <details className="sandbox-yaml" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t("show")}</summary>
        <label htmlFor={areaId} className="visually-hidden">
          {t("area")}
        </label>
        <textarea
          id={areaId}
          ref={areaRef}
          readOnly
          value={block}
          rows={Math.min(24, block.split("\n").length)}
          spellCheck={false}
        />
      </details>
    </div>
  );
}
