// Taskdeck's one error type for expected refusals, usable by every layer (pure domains included:
// nothing here touches the server). An AppError has two faces: `message` (and `cause`) for the
// logs, `userMessage` for the person in front of the page. Server actions turn it into
// `{ ok: false, formError }` (lib/server/auth/action-result.ts, `guarded`), route handlers into a
// Response with its status (lib/server/auth/route-answer.ts, `appErrorResponse`); pages show
// not-found for it. Anything that is not an AppError is unexpected and reaches error.tsx.

/** What went wrong, in words code can branch on. */
export type AppErrorCode =
  /** Nobody is signed in (or the session ended). */
  | "not-signed-in"
  /** Signed in, without the role or ownership the operation needs. */
  | "forbidden"
  /** The record does not exist, or is not the caller's to see. */
  | "not-found"
  /** No account has that id (admin tools and the user CLI). */
  | "unknown-account"
  /** Someone or something got there first: a second submit, a changed answer. */
  | "conflict"
  /** A quiz not open yet, or closed. */
  | "closed"
  /** An attempt's time is up. */
  | "deadline"
  /** Every allowed attempt is used. */
  | "limit"
  /** The request names something that does not fit (an option the question lacks, no questions match). */
  | "invalid"
  /** A checked answer can no longer change. */
  | "locked"
  /** A study operation the learner's cards do not allow (undo twice, a held-back card). */
  | "refused";

/** The HTTP status each code answers with when a route handler meets it. */
export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  "not-signed-in": 401,
  forbidden: 403,
  "not-found": 404,
  "unknown-account": 404,
  conflict: 409,
  closed: 409,
  deadline: 409,
  limit: 409,
  invalid: 422,
  locked: 409,
  refused: 422,
};

/**
 * The codes a page reacts to (the quiz runner reloads on "deadline" and "conflict"): a refusal
 * with one of these carries it as `reason`; the others carry only their message.
 */
export const PAGE_REASONS = [
  "not-found",
  "conflict",
  "closed",
  "deadline",
  "limit",
  "invalid",
  "locked",
] as const;
export type PageReason = (typeof PAGE_REASONS)[number];

export type AppErrorOptions = {
  /** For the logs; defaults to the user message. Never shown to the user. */
  internal?: string;
  /** Overrides the code's usual status. */
  status?: number;
  cause?: unknown;
};

/**
 * An expected refusal.
 * @example throw new AppError("not-found", "That quiz does not exist.")
 * @example throw new AppError("forbidden", "You do not have access to that.", { internal: `User ${id} lacks instructor` })
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly status: number;
  constructor(code: AppErrorCode, userMessage: string, options: AppErrorOptions = {}) {
    super(
      options.internal ?? userMessage,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
    this.status = options.status ?? APP_ERROR_STATUS[code];
  }

  /** The code when a page reacts to it, else undefined. */
  get pageReason(): PageReason | undefined {
    return (PAGE_REASONS as readonly string[]).includes(this.code) ? (this.code as PageReason) : undefined;
  }
}

/**
 * True when `error` is an AppError (with `code`, when given).
 * @example if (isAppError(error, "unknown-account")) console.error("No such account")
 */
export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
