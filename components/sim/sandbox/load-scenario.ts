/**
 * What the sandbox starts from: the default controls, or the scenario in `?s=`, validated
 * with `parseScenario`. A scenario the controls can express exactly becomes controls; any
 * other valid scenario runs as written; an invalid one is reported and the default is used.
 */
import { parseScenario, type Scenario, type SimError } from "@/lib/sim";
import { type Msg, m } from "@/lib/sim/text";
import { configToYaml, DEFAULT_CONFIG, type SandboxConfig } from "./config";
import { configFromScenario } from "./config-from-scenario";
import { decodeScenarioParam } from "./scenario-url";

export type SandboxStart = {
  config: SandboxConfig;
  /** YAML run as written, when the controls cannot express it; null when the controls drive. */
  asWritten: string | null;
  /** Why the link's scenario was not used (a `sim` catalog key), with its line-numbered errors. */
  error: { message: Msg; details: SimError[] } | null;
};

/** A scenario's identity for the round-trip check: everything the engine reads. */
function canonical(s: Scenario): string {
  return JSON.stringify({ ...s, title: null, expect: null });
}

/** True when the controls reproduce the scenario exactly (title and expect aside). */
export function controlsExpress(scenario: Scenario, config: SandboxConfig): boolean {
  const again = parseScenario(configToYaml(config));
  return again.ok && canonical(again.scenario) === canonical(scenario);
}

/** Reads YAML into controls, or keeps it as written when controls would change it. */
export function startFromYaml(yaml: string): SandboxStart {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) {
    return {
      config: DEFAULT_CONFIG,
      asWritten: null,
      error: {
        message: m("sandbox.load.notValid"),
        details: parsed.errors,
      },
    };
  }
  const config = configFromScenario(parsed.scenario);
  return controlsExpress(parsed.scenario, config)
    ? { config, asWritten: null, error: null }
    : { config, asWritten: yaml, error: null };
}

/** The sandbox's start from the `s` search parameter (absent → the default controls). */
export function startFromParam(param: string | string[] | undefined): SandboxStart {
  const value = Array.isArray(param) ? param[0] : param;
  if (value === undefined || value === "") return { config: DEFAULT_CONFIG, asWritten: null, error: null };
  const decoded = decodeScenarioParam(value);
  if (!decoded.ok) {
    return {
      config: DEFAULT_CONFIG,
      asWritten: null,
      error: { message: m("sandbox.load.linkProblem", { problem: decoded.msg }), details: [] },
    };
  }
  const start = startFromYaml(decoded.yaml);
  return start.error
    ? {
        ...start,
        error: {
          ...start.error,
          message: m("sandbox.load.linkNotValid"),
        },
      }
    : start;
}
