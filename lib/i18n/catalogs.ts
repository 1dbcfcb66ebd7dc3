/**
 * Every message catalog, by language and namespace. English is the source; each namespace has one
 * JSON file per language under messages/<locale>/<namespace>.json. A new namespace is one import
 * per language here and one entry in each object below: `ko` is typed as `Messages`, so a key
 * missing from a Korean file fails `tsc`, and catalogs.test.ts fails on extra or empty ones.
 * Pure: the request config (lib/server/i18n), the tests and the CLI read it alike.
 */
import enClasses from "@/messages/en/classes.json";
import enCommon from "@/messages/en/common.json";
import enDecks from "@/messages/en/decks.json";
import enExam from "@/messages/en/exam.json";
import enInsight from "@/messages/en/insight.json";
import enQuiz from "@/messages/en/quiz.json";
import enTeach from "@/messages/en/teach.json";
import koClasses from "@/messages/ko/classes.json";
import koCommon from "@/messages/ko/common.json";
import koDecks from "@/messages/ko/decks.json";
import koExam from "@/messages/ko/exam.json";
import koInsight from "@/messages/ko/insight.json";
import koQuiz from "@/messages/ko/quiz.json";
import koTeach from "@/messages/ko/teach.json";
import type { Locale } from "./locale";

const en = {
  classes: enClasses,
  common: enCommon,
  decks: enDecks,
  exam: enExam,
  insight: enInsight,
  quiz: enQuiz,
  teach: enTeach,
};

export type Messages = typeof en;

const ko: Messages = {
  classes: koClasses,
  common: koCommon,
  decks: koDecks,
  exam: koExam,
  insight: koInsight,
  quiz: koQuiz,
  teach: koTeach,
};

export const CATALOGS: Record<Locale, Messages> = { en, ko };
