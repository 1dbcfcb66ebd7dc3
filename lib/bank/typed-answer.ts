import type { Question } from "./schema";

/**
 * The comparison form of a typed answer: compatibility-normalised (so full-width digits count),
 * lowercased, surrounding quotes and backticks dropped, whitespace collapsed.
 */
export function normalizeTypedAnswer(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/^[`"'“”‘’]+|[`"'“”‘’]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whether a learner's typed answer matches one of the question's accepted answers. Case and
 * spacing are forgiven: "AWS VPC", " awsvpc " and "awsVPC" all match "awsvpc".
 *
 * @example
 * isTypedAnswerCorrect({ ...q, accepted: ["awsvpc"] }, "  AWS vpc ") // true
 */
export function isTypedAnswerCorrect(question: Pick<Question, "accepted">, input: string): boolean {
  const given = normalizeTypedAnswer(input);
  if (given === "") return false;
  const squeezed = given.replace(/ /g, "");
  return (question.accepted ?? []).some((accepted) => {
    const want = normalizeTypedAnswer(accepted);
    return want === given || want.replace(/ /g, "") === squeezed;
  });
}
