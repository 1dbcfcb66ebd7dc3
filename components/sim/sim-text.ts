"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { isMsg, type MsgParam, type Text } from "@/lib/sim/text";

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * Renders the engine's words (a verdict, a rule detail, an event) in the page's language through
 * the `sim` catalog. Parameters that are messages themselves (a reason inside a summary) are
 * rendered first; values go in as text, so ids and numbers read as the engine wrote them.
 * Plain text (a value that needs no words) is shown as it is.
 */
export function useSimText(): (text: Text) => string {
  // Keys come from the engine at run time (sim.engine.*, sim.rules.*), not from this file.
  const t = useTranslations("sim") as unknown as Translate;
  return useCallback(
    function render(text: Text): string {
      if (!isMsg(text)) return text;
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(text.params ?? {})) values[name] = asText(value, render);
      return t(text.key, values);
    },
    [t],
  );
}

function asText(value: MsgParam, render: (text: Text) => string): string {
  if (isMsg(value)) return render(value);
  return String(value);
}
