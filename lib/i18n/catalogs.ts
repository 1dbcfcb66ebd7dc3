/**
 * Every message catalog, by language and namespace. English is the source; each namespace has one
 * JSON file per language under messages/<locale>/<namespace>.json. A new namespace is one import
 * per language here and one entry in each object below: `ko` is typed as `Messages`, so a key
 * missing from a Korean file fails `tsc`, and catalogs.test.ts fails on extra or empty ones.
 * Pure: the request config (lib/server/i18n), the tests and the CLI read it alike.
 */
import enAccount from "@/messages/en/account.json";
import enAdmin from "@/messages/en/admin.json";
import enAuth from "@/messages/en/auth.json";
import enCommon from "@/messages/en/common.json";
import enErrors from "@/messages/en/errors.json";
import enHome from "@/messages/en/home.json";
import enNav from "@/messages/en/nav.json";
import enToday from "@/messages/en/today.json";
import enValidation from "@/messages/en/validation.json";
import koAccount from "@/messages/ko/account.json";
import koAdmin from "@/messages/ko/admin.json";
import koAuth from "@/messages/ko/auth.json";
import koCommon from "@/messages/ko/common.json";
import koErrors from "@/messages/ko/errors.json";
import koHome from "@/messages/ko/home.json";
import koNav from "@/messages/ko/nav.json";
import koToday from "@/messages/ko/today.json";
import koValidation from "@/messages/ko/validation.json";
import type { Locale } from "./locale";

const en = {
  account: enAccount,
  admin: enAdmin,
  auth: enAuth,
  common: enCommon,
  errors: enErrors,
  home: enHome,
  nav: enNav,
  today: enToday,
  validation: enValidation,
};

export type Messages = typeof en;

const ko: Messages = {
  account: koAccount,
  admin: koAdmin,
  auth: koAuth,
  common: koCommon,
  errors: koErrors,
  home: koHome,
  nav: koNav,
  today: koToday,
  validation: koValidation,
};

export const CATALOGS: Record<Locale, Messages> = { en, ko };
