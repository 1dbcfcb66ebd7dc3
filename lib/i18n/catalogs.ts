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
import enClasses from "@/messages/en/classes.json";
import enCommon from "@/messages/en/common.json";
import enDecks from "@/messages/en/decks.json";
import enErrors from "@/messages/en/errors.json";
import enExam from "@/messages/en/exam.json";
import enHome from "@/messages/en/home.json";
import enInsight from "@/messages/en/insight.json";
import enNav from "@/messages/en/nav.json";
import enProgress from "@/messages/en/progress.json";
import enQuiz from "@/messages/en/quiz.json";
import enSim from "@/messages/en/sim.json";
import enStudy from "@/messages/en/study.json";
import enStudySettings from "@/messages/en/studySettings.json";
import enTeach from "@/messages/en/teach.json";
import enToday from "@/messages/en/today.json";
import enTopics from "@/messages/en/topics.json";
import enValidation from "@/messages/en/validation.json";
import koAccount from "@/messages/ko/account.json";
import koAdmin from "@/messages/ko/admin.json";
import koAuth from "@/messages/ko/auth.json";
import koClasses from "@/messages/ko/classes.json";
import koCommon from "@/messages/ko/common.json";
import koDecks from "@/messages/ko/decks.json";
import koErrors from "@/messages/ko/errors.json";
import koExam from "@/messages/ko/exam.json";
import koHome from "@/messages/ko/home.json";
import koInsight from "@/messages/ko/insight.json";
import koNav from "@/messages/ko/nav.json";
import koProgress from "@/messages/ko/progress.json";
import koQuiz from "@/messages/ko/quiz.json";
import koSim from "@/messages/ko/sim.json";
import koStudy from "@/messages/ko/study.json";
import koStudySettings from "@/messages/ko/studySettings.json";
import koTeach from "@/messages/ko/teach.json";
import koToday from "@/messages/ko/today.json";
import koTopics from "@/messages/ko/topics.json";
import koValidation from "@/messages/ko/validation.json";
import type { Locale } from "./locale";

const en = {
  account: enAccount,
  admin: enAdmin,
  auth: enAuth,
  classes: enClasses,
  common: enCommon,
  decks: enDecks,
  errors: enErrors,
  exam: enExam,
  home: enHome,
  insight: enInsight,
  nav: enNav,
  progress: enProgress,
  quiz: enQuiz,
  sim: enSim,
  study: enStudy,
  studySettings: enStudySettings,
  teach: enTeach,
  today: enToday,
  topics: enTopics,
  validation: enValidation,
};

export type Messages = typeof en;

const ko: Messages = {
  account: koAccount,
  admin: koAdmin,
  auth: koAuth,
  classes: koClasses,
  common: koCommon,
  decks: koDecks,
  errors: koErrors,
  exam: koExam,
  home: koHome,
  insight: koInsight,
  nav: koNav,
  progress: koProgress,
  quiz: koQuiz,
  sim: koSim,
  study: koStudy,
  studySettings: koStudySettings,
  teach: koTeach,
  today: koToday,
  topics: koTopics,
  validation: koValidation,
};

export const CATALOGS: Record<Locale, Messages> = { en, ko };
