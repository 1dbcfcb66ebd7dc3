"use client";

import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { configToYaml, type SandboxConfig, sanitizeConfig } from "@/components/sim/sandbox/config";
import { CopySimBlock } from "@/components/sim/sandbox/copy-sim-block";
import { type SandboxStart, startFromParam } from "@/components/sim/sandbox/load-scenario";
import { PRESETS, presetById } from "@/components/sim/sandbox/presets";
import { SandboxControls } from "@/components/sim/sandbox/sandbox-controls";
import { encodeScenarioParam, SCENARIO_PARAM } from "@/components/sim/sandbox/scenario-url";
import { useSimErrorText, useSimText } from "@/components/sim/sim-text";
import { SimulationView } from "@/components/sim/simulation-view";
import { parseScenario, runScenario } from "@/lib/sim";
import "@/components/sim/sandbox/sandbox.css";

/**
 * The sandbox: controls on one side, the simulation of what they describe on the other.
 * The scenario lives in the URL (`?s=`), replaced on every change, so a reload or a shared
 * link shows the same thing.
 */
export function SimulatorClient({ initialParam }: { initialParam: string | null }) {
  const [start] = useState<SandboxStart>(() => startFromParam(initialParam ?? undefined));
  const [config, setConfig] = useState(start.config);
  const [asWritten, setAsWritten] = useState(start.asWritten);
  const [loadError, setLoadError] = useState(start.error);
  const [presetId, setPresetId] = useState(PRESETS[0]?.id ?? "");
  const hasChanged = useRef(false);
  const presetSelectId = useId();
  const t = useTranslations("sim.sandbox");
  // i18n-keys: sim.ui.preset.*
  const presetTitle = useTranslations("sim.ui") as unknown as (key: string) => string;
  const tv = useTranslations("sim.verdict");
  const simText = useSimText();
  const errorText = useSimErrorText();

  const yaml = asWritten ?? configToYaml(config);
  // The controls answer at once; the simulation follows as soon as React has time.
  const deferredYaml = useDeferredValue(yaml);
  const run = useMemo(() => {
    const parsed = parseScenario(deferredYaml);
    if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
    return { ok: true as const, scenario: parsed.scenario, result: runScenario(parsed.scenario) };
  }, [deferredYaml]);

  useEffect(() => {
    if (!hasChanged.current) return;
    const url = new URL(window.location.href);
    url.searchParams.set(SCENARIO_PARAM, encodeScenarioParam(yaml));
    window.history.replaceState(window.history.state, "", url);
  }, [yaml]);

  const update = (next: SandboxConfig) => {
    hasChanged.current = true;
    setAsWritten(null);
    setLoadError(null);
    setConfig(sanitizeConfig(next));
  };

  // i18n-keys: sim.verdict.status.*
  const verdictLine = run.ok
    ? t("verdictLine", {
        status: tv(`status.${run.result.verdict.status}`),
        summary: simText(run.result.verdict.summaryMsg ?? run.result.verdict.summary),
      })
    : t("invalidLine");

  return (
    <div className="sandbox">
      <form
        className="sandbox-presets"
        onSubmit={(e) => {
          e.preventDefault();
          const preset = presetById(presetId);
          if (preset) update(preset.config);
        }}
      >
        <label htmlFor={presetSelectId}>{t("presetLabel")}</label>
        <div className="sandbox-presets__row">
          <select id={presetSelectId} value={presetId} onChange={(e) => setPresetId(e.currentTarget.value)}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {presetTitle(`preset.${p.id}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button">
            {t("loadPreset")}
          </button>
        </div>
      </form>

      {loadError ? (
        <div className="notice notice--error sandbox-alert" role="alert">
          <p>
            <strong>{simText(loadError.message)}</strong>
          </p>
          {loadError.details.length > 0 ? (
            <ul>
              {loadError.details.slice(0, 8).map((e) => (
                <li key={`${e.line}:${e.column}:${e.message}`}>
                  {t("errorAt", { line: e.line, column: e.column, message: errorText(e).message })}
                  {errorText(e).hint ? ` (${errorText(e).hint})` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {asWritten ? (
        <div className="notice sandbox-alert" role="status">
          <p>{t("asWritten")}</p>
        </div>
      ) : null}

      <div className="sandbox-grid">
        <div className="sandbox-controls">
          <p
            className="sandbox-verdict-line"
            data-status={run.ok ? run.result.verdict.status : "error"}
            role="status"
          >
            {verdictLine}
          </p>
          <SandboxControls config={config} onChange={(patch) => update({ ...config, ...patch })} />
          <CopySimBlock yaml={yaml} />
        </div>
        <div className="sandbox-result">
          {run.ok ? (
            <SimulationView scenario={run.scenario} result={run.result} headingLevel={2} />
          ) : (
            <div className="notice notice--error">
              <p>
                <strong>{t("notSimulated")}</strong>
              </p>
              <ul>
                {run.errors.map((e) => (
                  <li key={`${e.line}:${e.column}:${e.message}`}>
                    {t("errorAt", { line: e.line, column: e.column, message: errorText(e).message })}
                    {errorText(e).hint ? ` (${errorText(e).hint})` : ""}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
