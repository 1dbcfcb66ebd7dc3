import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SimulatorClient } from "@/app/simulator/simulator-client";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { englishNeedles, englishRuns } from "@/lib/i18n/english-leftovers";
import { parseScenario, runScenario } from "@/lib/sim";
import { describeFrame } from "./describe";
import { frameAt } from "./frames";
import { roleRows } from "./roles";
import { configToYaml } from "./sandbox/config";
import { PRESETS } from "./sandbox/presets";
import { encodeScenarioParam } from "./sandbox/scenario-url";
import { useSimText } from "./sim-text";
import { buildTimeline } from "./timeline";
import { volumeRows } from "./volumes";

// The Korean walk's checker (lib/i18n/english-leftovers) over the sandbox in Korean, for every
// preset: the page's text outside code, and the "Describe in text" sentences (built only when
// the disclosure opens, so rendered here directly).

const korean = (node: ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="ko" messages={CATALOGS.ko} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );

function Sentences({ yaml }: { yaml: string }) {
  const say = useSimText();
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  const result = runScenario(parsed.scenario);
  const timeline = buildTimeline(result);
  // Moments across the replay (six at most, the last among them): the sentences change as it moves.
  const last = timeline.moments.length - 1;
  const positions = [...new Set([0, 1, 2, 3, 4].map((i) => Math.round((last * i) / 5)).concat(last))];
  return (
    <>
      {positions.map((position) => {
        const frame = frameAt(timeline, position);
        const roles = roleRows(parsed.scenario, frame.roleCalls);
        const volumes = volumeRows(parsed.scenario, result, frame);
        return describeFrame(parsed.scenario, result, frame, roles, volumes, timeline.moments.length, say)
          .flatMap((s) => [s.title, ...s.items])
          .map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a static list rendered once
            <p key={`${position}-${i}`}>{line}</p>
          ));
      })}
    </>
  );
}

/** The text a Korean reader sees, one string per element's text, code and textareas left out. */
function visibleTexts(html: string): string[] {
  const attributes = [...html.matchAll(/(?:aria-label|title|placeholder)="([^"]*)"/g)].map((m) => m[1] ?? "");
  const body = html
    .replace(/<(code|textarea|option value="[^"]*"[^>]*lang="en")[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<(code|textarea)\b[^>]*>[\s\S]*?<\/(code|textarea)>/g, " ");
  const texts = body.split(/<[^>]+>/).map((t) =>
    t
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, "&")
      .trim(),
  );
  return [...texts, ...attributes].filter((t) => t.length > 0);
}

/**
 * AWS names a Korean page writes in English, beyond the checker's list, and the one AWS API
 * error the engine quotes as AWS prints it (RegisterTaskDefinition's ClientException).
 */
const AWS_WORDS = [
  "Classic Load Balancer",
  "FSx for Windows File Server",
  "FSx for Lustre",
  "ECR Public",
  "Invalid 'cpu' setting for task",
];

function leftovers(html: string): string[] {
  const needles = englishNeedles();
  const found: string[] = [];
  for (const text of new Set(visibleTexts(html))) {
    for (const run of englishRuns(text, AWS_WORDS)) found.push(`"${run}" in "${text}"`);
    const needle = needles.find((n) => n.pattern.test(text));
    if (needle) found.push(`${needle.key}: "${text}"`);
  }
  return found;
}

describe("the simulator in Korean", () => {
  // The 300-task preset is left out: its 300 chips and sentences say what the small ones say,
  // and the checker's whole-message patterns over them take minutes.
  const presets = PRESETS.filter((p) => p.id !== "big-service");
  it.each(presets.map((p) => [p.id, configToYaml(p.config)] as const))(
    "leaves no English on the sandbox for preset %s",
    (_, yaml) => {
      const page = korean(<SimulatorClient initialParam={encodeScenarioParam(yaml)} />);
      expect(page).toContain("판정");
      expect(leftovers(page)).toEqual([]);
      expect(leftovers(korean(<Sentences yaml={yaml} />))).toEqual([]);
    },
  );

  it("finds English the checker is meant to find", () => {
    expect(leftovers("<p>Traffic path through web-tg</p>")).not.toEqual([]);
    expect(leftovers("<p>태스크 t-1: 대기 중</p>")).toEqual([]);
  });
});
