import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Bank, CARD_KINDS, checkBanks, type Question } from "@/lib/bank";
import { checkExpectation, parseScenario, runScenario, validateSimBlock } from "@/lib/sim";

// The shipped ECS bank is what learners came for: this suite holds it to issue 5's bar —
// clean check, size per topic, kinds, references, misconceptions, fairness, and every
// simulation agreeing with the answer key.

const ROOT = path.join(process.cwd(), "content");
const TOPICS = ["launch-types", "iam", "load-balancing", "storage", "cluster-placement"];

function readBanks(dir: string): Array<{ file: string; text: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return readBanks(full);
    return entry.name.endsWith(".md")
      ? [{ file: path.relative(process.cwd(), full), text: fs.readFileSync(full, "utf8") }]
      : [];
  });
}

// The day the banks were last swept against the AWS pages. The date checks and the dated rules
// (R43) are decided on it, so this suite does not change verdict with the calendar;
// `npm run bank -- check` uses the real today and reports questions that have gone stale.
const CHECKED_ON = "2026-12-06";

const inputs = readBanks(ROOT);
const result = checkBanks(inputs, { validateSim: validateSimBlock, now: CHECKED_ON });
const banks: Bank[] = result.banks;
const all = banks.flatMap((bank) => bank.questions.map((question) => ({ bank, question })));
const quiz = all.filter(({ question }) => !CARD_KINDS.has(question.kind));
const where = (bank: Bank, q: Question) => `${bank.file}:${q.line} ${q.id}`;

type SimOutcome = { verdict: string; mismatches: string[] };
function play(yaml: string): SimOutcome {
  const parsed = parseScenario(yaml);
  if (!parsed.ok)
    return { verdict: "invalid", mismatches: parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`) };
  const run = runScenario(parsed.scenario, { today: CHECKED_ON });
  const mismatches = parsed.scenario.expect ? checkExpectation(parsed.scenario, run) : ["no expect block"];
  return { verdict: run.verdict.status, mismatches };
}

describe("the shipped ECS bank", () => {
  it("checks clean: 0 errors and 0 warnings", () => {
    const report = result.findings.map(
      (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`,
    );
    expect(report).toEqual([]);
  });

  it("dates every question and card (verified:), none older than 180 days on the day it was checked", () => {
    const undated = all
      .filter(({ question }) => !question.verified)
      .map(({ bank, question }) => where(bank, question));
    expect(undated).toEqual([]);
    expect(result.findings.filter((f) => f.code === "stale" || f.code === "unverified")).toEqual([]);
  });

  it("has at least 150 questions and 80 flashcards, 25+ questions on each of the five topics", () => {
    expect(result.summary.questions).toBeGreaterThanOrEqual(150);
    expect(result.summary.flashcards).toBeGreaterThanOrEqual(80);
    for (const topic of TOPICS) {
      expect(result.summary.byTopic[topic]?.questions ?? 0, topic).toBeGreaterThanOrEqual(25);
    }
  });

  it("mixes kinds: 40%+ exam-style scenarios, and multi-select, true/false, typed and ordering questions", () => {
    const scenarios = quiz.filter(({ question }) => question.tags.includes("scenario")).length;
    expect(scenarios / quiz.length).toBeGreaterThanOrEqual(0.4);
    for (const kind of ["multiple", "true-false", "typed", "ordering"]) {
      expect(quiz.filter(({ question }) => question.kind === kind).length, kind).toBeGreaterThanOrEqual(4);
    }
  });

  it("gives every question an explanation, an AWS documentation reference, exam tags and a difficulty", () => {
    const missing = quiz
      .filter(
        ({ question: q }) =>
          q.explanation.trim().length < 40 ||
          !q.references.some((url) => url.startsWith("https://docs.aws.amazon.com/")) ||
          q.exams.length === 0 ||
          !(q.difficulty >= 1 && q.difficulty <= 5),
      )
      .map(({ bank, question }) => where(bank, question));
    expect(missing).toEqual([]);
  });

  it("explains every wrong option and tags the misconception behind it", () => {
    const missing = quiz.flatMap(({ bank, question: q }) =>
      ["single", "multiple"].includes(q.kind)
        ? q.options
            .filter((o) => !o.correct && (!o.rationale?.trim() || !o.misconception))
            .map((o) => `${where(bank, q)} option ${o.key}`)
        : [],
    );
    expect(missing).toEqual([]);
  });

  it("simulates at least 75% of the questions", () => {
    expect(result.summary.simulated.share).toBeGreaterThanOrEqual(0.75);
  });

  it("has every scenario play out as its expect block says", () => {
    const broken = all.flatMap(({ bank, question: q }) => {
      const blocks = [q.sim, ...q.options.map((o) => o.sim)].filter((b) => b !== undefined);
      return blocks.flatMap((block) =>
        play(block.yaml).mismatches.map((m) => `${bank.file}:${block.line} ${q.id}: ${m}`),
      );
    });
    expect(broken).toEqual([]);
  });

  it("agrees with the answer key: the right options' scenarios succeed and the wrong ones' do not", () => {
    const disagreements = quiz.flatMap(({ bank, question: q }) => {
      // A question that asks which setup FAILS marks it with this tag; the polarity flips.
      const asksForFailure = q.tags.includes("sim-shows-failure");
      return q.options
        .filter((o) => o.sim)
        .flatMap((o) => {
          const works = play(o.sim?.yaml ?? "").verdict === "ok";
          const shouldWork = asksForFailure ? !o.correct : o.correct;
          return works === shouldWork
            ? []
            : [
                `${where(bank, q)} option ${o.key} (${o.correct ? "right" : "wrong"}) simulates ${works ? "ok" : "not ok"}`,
              ];
        });
    });
    expect(disagreements).toEqual([]);
  });

  it("carries every question and card in Korean too, with a Korean AWS page for each English one", () => {
    const untranslated = all
      .filter(({ question }) => !question.translations?.ko)
      .map(({ bank, question }) => where(bank, question));
    expect(untranslated).toEqual([]);
    const noKoreanPage = all.flatMap(({ bank, question: q }) =>
      q.references.some((url) => url.startsWith("https://docs.aws.amazon.com/")) &&
      !q.translations?.ko?.references.some((url) => url.startsWith("https://docs.aws.amazon.com/ko_kr/"))
        ? [where(bank, q)]
        : [],
    );
    expect(noKoreanPage).toEqual([]);
  });

  it("is fair: no 'all of the above', and the right answer is not usually the longest", () => {
    const allOfTheAbove = quiz.filter(({ question }) =>
      question.options.some((o) => /all of the above|none of the above/i.test(o.text)),
    );
    expect(allOfTheAbove.map(({ bank, question }) => where(bank, question))).toEqual([]);
    const singles = quiz.filter(({ question }) => question.kind === "single" && question.options.length >= 3);
    const longestIsRight = singles.filter(({ question }) => {
      const lengths = question.options.map((o) => o.text.length);
      const max = Math.max(...lengths);
      const right = question.options.find((o) => o.correct);
      return right && right.text.length === max && lengths.filter((l) => l === max).length === 1;
    });
    expect(longestIsRight.length / Math.max(1, singles.length)).toBeLessThanOrEqual(0.45);
  });
});
