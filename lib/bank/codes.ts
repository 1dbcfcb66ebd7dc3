import type { Finding } from "./schema";

type CodeInfo = { severity: Finding["severity"]; meaning: string; fix: string };

/**
 * Every finding the checker can report, with what it means and how to fix it.
 * docs/authoring.md lists the same codes; a test keeps the two in step.
 */
export const FINDING_CODES = {
  "file-too-large": {
    severity: "error",
    meaning: "The file is larger than the size limit (4 MB).",
    fix: "Split the bank into several files, one per sub-topic.",
  },
  "binary-file": {
    severity: "error",
    meaning: "The file contains NUL bytes, so it is not a text file.",
    fix: "Save the bank as plain UTF-8 text (.md).",
  },
  "invalid-utf8": {
    severity: "error",
    meaning: "The file is not valid UTF-8 text.",
    fix: "Re-save the file as UTF-8 in your editor.",
  },
  "line-too-long": {
    severity: "error",
    meaning: "A line is longer than 10,000 characters.",
    fix: "Break the paragraph into several lines.",
  },
  "too-deep": {
    severity: "error",
    meaning: "Lists or block quotes are nested deeper than the limit (16 levels).",
    fix: "Flatten the nesting; questions never need more than a few levels.",
  },
  "too-many-questions": {
    severity: "error",
    meaning: "The bank has more questions and cards than the limit (20,000).",
    fix: "Split the bank into several files.",
  },
  "too-many-findings": {
    severity: "error",
    meaning:
      "The file produced more than 250,000 findings, so the checker stopped (a safety bound, not a display cap).",
    fix: "Fix the problems listed first and check again; real banks stay far below this.",
  },
  "bad-package": {
    severity: "error",
    meaning:
      "The file is not an Anki package (.apkg) Taskdeck can read: not a zip, no collection inside, or a damaged one.",
    fix: "Export the deck again from Anki (File → Export → Anki Deck Package).",
  },
  "missing-front-matter": {
    severity: "error",
    meaning: "The bank does not start with a `---` YAML front matter block.",
    fix: "Start the file with ---, then id, title and topic lines, then ---.",
  },
  "bad-front-matter": {
    severity: "error",
    meaning: "The front matter is not valid YAML, is not closed, or a field has the wrong value.",
    fix: "Compare with the example in docs/authoring.md: id, title and topic are required.",
  },
  "unknown-field": {
    severity: "warning",
    meaning:
      "A front matter field or a `key: value` on a question's metadata line is not one Taskdeck knows.",
    fix: "Check the spelling; the known keys are listed in docs/authoring.md.",
  },
  "missing-id": {
    severity: "warning",
    meaning: "A question or card has no `{#id}`; one was made from its text, so editing the text changes it.",
    fix: "End the heading (or card line) with {#a-stable-id}.",
  },
  "bad-id": {
    severity: "error",
    meaning: "A question id is not lowercase letters and digits joined by - _ or .",
    fix: "Use an id such as fargate-network-mode.",
  },
  "duplicate-id": {
    severity: "error",
    meaning: "Two questions (in this bank or across banks) have the same id.",
    fix: "Give each question its own id; ids are how learners' progress is kept.",
  },
  "missing-title": {
    severity: "error",
    meaning: "A question heading has no text.",
    fix: "Write a short title after ##.",
  },
  "unknown-kind": {
    severity: "error",
    meaning: "The `kind:` value is not one of the known kinds.",
    fix: "Use single, multiple, true-false, typed, ordering, flashcard, cloze or flashcards.",
  },
  "bad-value": {
    severity: "error",
    meaning: "A metadata value is malformed (difficulty, tags, exams, reversible, misconception).",
    fix: "difficulty is 1 to 5; tags and exams are comma-separated words; misconception is kebab-case.",
  },
  "missing-options": {
    severity: "error",
    meaning: "A choice or ordering question has fewer than two options.",
    fix: "Add options as a task list (- [ ] / - [x]) or, for ordering, a numbered list.",
  },
  "too-many-options": {
    severity: "error",
    meaning: "A question has more than 26 options (A to Z).",
    fix: "Keep a question to a handful of options.",
  },
  "missing-answer": {
    severity: "error",
    meaning: "The question has no right answer: no [x] option, no ### Answer list, or no card back.",
    fix: "Mark the right option with [x], list accepted answers under ### Answer, or write the back.",
  },
  "several-answers": {
    severity: "error",
    meaning: "A single-choice or true-false question has more than one [x] option.",
    fix: "Keep one [x], or write kind: multiple.",
  },
  "bad-true-false": {
    severity: "error",
    meaning: "A true-false question does not have exactly the two options True and False.",
    fix: "Write - [x] True and - [ ] False (or the other way round).",
  },
  "bad-ordering": {
    severity: "error",
    meaning: "An ordering question uses checkboxes; its items are a plain numbered list.",
    fix: "Write the items as 1. 2. 3. in the right order, without [ ] or [x].",
  },
  "bad-cloze": {
    severity: "error",
    meaning: "A cloze has no {{c1::answer}} deletion, or one is unclosed or empty.",
    fix: "Write deletions as {{c1::answer}} or {{c1::answer::hint}}.",
  },
  "bad-card": {
    severity: "error",
    meaning: "A line in a flashcards deck is neither front :: back nor a cloze.",
    fix: "Write each card as - front :: back {#id} (::: for both ways) or with a {{c1::cloze}}.",
  },
  "bad-reference": {
    severity: "error",
    meaning: "A reference is not an http(s) URL.",
    fix: "List each reference as - https://… under ### References.",
  },
  "unexpected-content": {
    severity: "error",
    meaning: "Text is where the format does not expect it (after the options, in a list-only section, …).",
    fix: "Move explanations under ### Explanation; keep the stem before the options.",
  },
  "outside-question": {
    severity: "error",
    meaning: "Options or a sim block appear before the first ## question heading.",
    fix: "Put a ## heading with an {#id} above them.",
  },
  "duplicate-section": {
    severity: "error",
    meaning: "A question has two ### sections of the same name (or two question-level sim blocks).",
    fix: "Merge them into one.",
  },
  "unterminated-fence": {
    severity: "error",
    meaning: "A ``` code fence is never closed, so it would swallow the rest of the bank.",
    fix: "Close the fence with a line of ``` (as many backticks as it opened with).",
  },
  "unterminated-sim": {
    severity: "error",
    meaning: "A ```sim block is never closed.",
    fix: "Close the block with a line of ``` before the next question.",
  },
  "bad-sim": {
    severity: "error",
    meaning: "A sim block is empty, is not valid YAML, or is not a valid simulator scenario.",
    fix: "Fix the scenario at the position shown; `npm run sim` can run it on its own.",
  },
  "internal-error": {
    severity: "error",
    meaning: "The checker met something it could not handle. This is a bug in Taskdeck.",
    fix: "Report the file that caused it.",
  },
  "choose-count-mismatch": {
    severity: "warning",
    meaning: 'A "(Choose two)" / "select 3" hint in the question disagrees with the number of [x] options.',
    fix: "Fix the hint or the [x] marks. Taskdeck shows 'choose N' itself, so the hint can go.",
  },
  "duplicate-option": {
    severity: "warning",
    meaning: "Two options of a question have the same text.",
    fix: "Reword or remove one of them.",
  },
  "all-of-the-above": {
    severity: "warning",
    meaning: 'An option is "all/none of the above", which breaks when options are shuffled.',
    fix: "Name the options it stands for, or use kind: multiple.",
  },
  "missing-explanation": {
    severity: "warning",
    meaning: "A question has no ### Explanation.",
    fix: "Explain the right answer in a few sentences under ### Explanation.",
  },
  "missing-rationale": {
    severity: "warning",
    meaning: "A wrong option has no `- why:` line saying why it is wrong.",
    fix: "Indent a `- why: …` line under the option.",
  },
  unverified: {
    severity: "warning",
    meaning:
      "A question or card does not say when its facts were last checked (only when the checker is given today's date, as `npm run bank -- check` is).",
    fix: "Add verified: YYYY-MM-DD to the bank's front matter, or to the question's metadata line.",
  },
  stale: {
    severity: "warning",
    meaning: "The question was last verified more than 180 days ago; AWS may have changed since.",
    fix: "Re-read its references, fix what changed, then set verified: to today's date.",
  },
  "missing-reference": {
    severity: "warning",
    meaning: "A question has no ### References.",
    fix: "Add a link to the AWS documentation that backs the answer.",
  },
  "duplicate-stem": {
    severity: "warning",
    meaning: "Another question (in this bank or another) has the same text.",
    fix: "Remove the duplicate or make the two questions differ.",
  },
  "answer-position-bias": {
    severity: "warning",
    meaning: "More than 40% of the bank's single-choice answers are in the same position.",
    fix: "Move some right answers to other positions (options are shuffled for learners, not for readers).",
  },
  "missing-asset": {
    severity: "warning",
    meaning:
      "A file the bank refers to (an image, a sound) was not found beside it, or cannot travel with an upload, so learners will not see it.",
    fix: "Put the file beside the bank at the path written (for an upload, refer to it by an https:// URL instead).",
  },
  "empty-bank": {
    severity: "warning",
    meaning: "The bank has no questions.",
    fix: "Add a ## question, or delete the file.",
  },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Builds findings for one file; past the safety bound (Limits.maxFindings) it records no more. */
export class FindingSink {
  readonly findings: Finding[] = [];
  private full = false;

  constructor(
    readonly file: string,
    private readonly max: number,
  ) {}

  add(code: FindingCode, line: number, column: number, message: string, hint?: string): void {
    if (this.full) return;
    if (this.findings.length >= this.max) {
      this.full = true;
      this.findings.push(
        makeFinding(
          this.file,
          "too-many-findings",
          line,
          column,
          `More than ${this.max.toLocaleString("en")} problems: the rest are not recorded`,
        ),
      );
      return;
    }
    this.findings.push(makeFinding(this.file, code, line, column, message, hint));
  }

  get hasErrors(): boolean {
    return this.findings.some((f) => f.severity === "error");
  }
}

/** A finding with the code's severity and, unless a specific one is given, the code's fix as hint. */
export function makeFinding(
  file: string,
  code: FindingCode,
  line: number,
  column: number,
  message: string,
  hint?: string,
): Finding {
  const info: CodeInfo = FINDING_CODES[code];
  return {
    severity: info.severity,
    code,
    file,
    line: Math.max(1, Math.floor(line)),
    column: Math.max(1, Math.floor(column)),
    message,
    hint: hint ?? info.fix,
  };
}
