// An expected refusal in the quiz domain: `userMessage` may be shown; `reason` lets the UI react
// (a conflict on a second submit, the deadline passed, …).

export type QuizErrorReason =
  | "not-found"
  | "conflict"
  | "closed"
  | "deadline"
  | "limit"
  | "invalid"
  | "locked";

export class QuizError extends Error {
  readonly userMessage: string;
  readonly reason: QuizErrorReason;
  constructor(userMessage: string, reason: QuizErrorReason) {
    super(userMessage);
    this.name = "QuizError";
    this.userMessage = userMessage;
    this.reason = reason;
  }
}
