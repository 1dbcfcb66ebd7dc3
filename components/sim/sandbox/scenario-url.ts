/**
 * The sandbox keeps its scenario in the URL as `?s=<base64url of the YAML, UTF-8>`, so a
 * link reproduces it exactly. These helpers work the same in the browser and in Node.
 */

import { MAX_SCENARIO_BYTES } from "@/lib/sim";
import { english, type Msg, m } from "@/lib/sim/text";

export const SCENARIO_PARAM = "s";

/** YAML text → base64url (RFC 4648 §5, no padding). */
export function encodeScenarioParam(yaml: string): string {
  const bytes = new TextEncoder().encode(yaml);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// i18n-keys: sim.sandbox.load.*
/** A refusal says why in English (`message`) and as a `sim` catalog key (`msg`). */
export type DecodedParam = { ok: true; yaml: string } | { ok: false; message: string; msg: Msg };

const refused = (msg: Msg): DecodedParam => ({ ok: false, message: english(msg), msg });

/** base64url → YAML text; never throws. Rejects what is not base64url, not UTF-8 or too large. */
export function decodeScenarioParam(param: string): DecodedParam {
  const value = param.trim();
  if (value === "") return refused(m("sandbox.load.linkEmpty"));
  // Base64 grows text by a third; anything longer cannot decode to an allowed scenario.
  if (value.length > Math.ceil((MAX_SCENARIO_BYTES * 4) / 3) + 4) {
    return refused(m("sandbox.load.linkTooLarge", { kb: MAX_SCENARIO_BYTES / 1024 }));
  }
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value) || value.replace(/=+$/, "").length % 4 === 1) {
    return refused(m("sandbox.load.linkNotBase64"));
  }
  const base64 = value.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const yaml = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, yaml };
  } catch {
    return refused(m("sandbox.load.linkNotUtf8"));
  }
}

/** The sandbox URL for a scenario, for "Open in the sandbox" links. */
export function sandboxHref(yaml: string): string {
  return `/simulator?${SCENARIO_PARAM}=${encodeScenarioParam(yaml)}`;
}
