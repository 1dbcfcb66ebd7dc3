/**
 * Every message catalog, by language and namespace. English is the source; each namespace has one
 * JSON file per language under messages/<locale>/<namespace>.json. A new namespace is one import
 * per language here and one entry in each object below: `ko` is typed as `Messages`, so a key
 * missing from a Korean file fails `tsc`, and catalogs.test.ts fails on extra or empty ones.
 * Pure: the request config (lib/server/i18n), the tests and the CLI read it alike.
 */
import enCommon from "@/messages/en/common.json";
import enSim from "@/messages/en/sim.json";
import koCommon from "@/messages/ko/common.json";
import koSim from "@/messages/ko/sim.json";
import type { Locale } from "./locale";

const en = {
  common: enCommon,
  sim: enSim,
};

export type Messages = typeof en;

const ko: Messages = {
  common: koCommon,
  sim: koSim,
};

export const CATALOGS: Record<Locale, Messages> = { en, ko };
