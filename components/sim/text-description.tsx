"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Description } from "./describe";

/**
 * "Describe in text": a disclosure with the same facts as the picture, for the moment shown.
 * Its sentences are built only while it is open, so a 300-task replay does not pay for them.
 */
export function TextDescription({ sentences }: { sentences: () => Description }) {
  const t = useTranslations("sim.ui.describe");
  const [isOpen, setOpen] = useState(false);
  return (
    <details className="sim-describe" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("summary")}</summary>
      {isOpen
        ? sentences().map((section) => (
            <div key={section.title} className="sim-describe__section">
              <p className="sim-describe__title">{section.title}</p>
              <ul>
                {section.items.map((item, i) => (
                  // Sentences can repeat (two identical events); their position is their identity.
                  // biome-ignore lint/suspicious/noArrayIndexKey: a static list re-rendered whole
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </div>
          ))
        : null}
    </details>
  );
}
