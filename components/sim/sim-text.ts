"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { attachParticles } from "@/lib/i18n/korean-particles";
import type { SimError } from "@/lib/sim";
import { isMsg, type MsgParam, type Text } from "@/lib/sim/text";

type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * Renders the engine's words (a verdict, a rule detail, an event) in the page's language through
 * the `sim` catalog. Parameters that are messages themselves (a reason inside a summary) are
 * rendered first; values go in as text, so ids and numbers read as the engine wrote them.
 * Plain text (a value that needs no words) is shown as it is. Korean templates write a particle
 * pair after an id ("{taskId}이(가)"); the form is picked once the id is in (korean-particles.ts).
 */
export function useSimText(): (text: Text) => string {
  // Keys come from the engine at run time (sim.engine.*, sim.rules.*), not from this file.
  const t = useTranslations("sim") as unknown as Translate;
  const korean = useLocale() === "ko";
  return useCallback(
    function render(text: Text): string {
      if (!isMsg(text)) return text;
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(text.params ?? {})) values[name] = asText(value, render);
      const said = t(text.key, values);
      return korean ? attachParticles(said) : said;
    },
    [t, korean],
  );
}

function asText(value: MsgParam, render: (text: Text) => string): string {
  if (isMsg(value)) return render(value);
  return String(value);
}

/**
 * A scenario error's words: the parser's own English on an English page (as the CLI prints it),
 * its catalog keys in any other language.
 */
export function useSimErrorText(): (error: SimError) => { message: string; hint?: string } {
  const say = useSimText();
  const english = useLocale() === "en";
  return useCallback(
    (e: SimError) =>
      english || !e.msg
        ? { message: e.message, hint: e.hint }
        : { message: say(e.msg), hint: e.hintMsg ? say(e.hintMsg) : e.hint },
    [say, english],
  );
}
