import type { GivenAnswer } from "@/lib/bank";

// The quiz runner's autosave, without React or fetch so it can be tested with a fake clock.
// Every change to a question carries a sequence number one higher than the last; the server keeps
// the highest it has seen (lib/server/db/store.ts), so saves may cross on the network and the
// newest still wins. Here the queue decides what is sent, when, what is tried again, and what the
// learner is told.

/** One question's answer and flag as the learner left it, numbered by `seq`. */
export type AutosaveItem = {
  questionId: string;
  answer: GivenAnswer | null;
  flagged: boolean;
  seq: number;
};

/**
 * How one save ended:
 * - `saved`: the server has it (or a newer one);
 * - `retry`: it may work in a moment (no connection, a busy or full disk, a server error);
 * - `refused`: it never will (the answer names no option, the answer was checked and locked);
 * - `ended`: the attempt is over (deadline passed, submitted elsewhere): go to the results.
 */
export type SaveOutcome =
  | { kind: "saved" }
  | { kind: "retry"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "ended"; message: string };

/** What the save indicator shows. */
export type AutosaveStatus =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved" }
  | { state: "retrying"; message: string }
  | { state: "error"; message: string };

/** Timers, injectable so tests drive time. */
export type AutosaveClock = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export type AutosaveOptions = {
  send: (item: AutosaveItem) => Promise<SaveOutcome>;
  onStatus: (status: AutosaveStatus) => void;
  /** Called once, the first time the server says the attempt is over. */
  onEnded: (message: string) => void;
  clock?: AutosaveClock;
  /** Waits before each new try of a failed save; after the last, the failure is shown as final. */
  retryDelaysMs?: readonly number[];
};

/** What the learner reads when the browser could not reach Taskdeck at all. */
export const OFFLINE_MESSAGE = "Not saved: check your connection.";
/** The words for a refusal that came without a message; the runner shows them in its language. */
export const NOT_SAVED_MESSAGE = "Not saved.";

/** Tries after 1 s, 3 s and 10 s: long enough for a dropped Wi-Fi or a busy disk to come back. */
export const RETRY_DELAYS_MS = [1_000, 3_000, 10_000] as const;

type Entry = {
  /** The newest change the learner made to this question. */
  latest: AutosaveItem;
  /** The highest seq the server confirmed. */
  acked: number;
  waitTimer: unknown;
  retryTimer: unknown;
  retries: number;
  /** Why the newest change is not saved, while it is being tried again or after giving up. */
  failure: { message: string; isFinal: boolean } | null;
  /** The order failures happened in, so the indicator names the most recent one. */
  failedAt: number;
  inFlight: number;
};

const defaultClock: AutosaveClock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A per-attempt autosave queue. `enqueue` a question's new state (after a pause for typing, or at
 * once); `flush` before submitting or checking, and when the page goes.
 * @example
 * const queue = new AutosaveQueue({ send, onStatus: setStatus, onEnded: () => router.push(results) });
 * queue.enqueue({ questionId: "q1", answer: { kind: "choice", keys: ["B"] }, flagged: false, seq: 3 });
 * await queue.flush();
 */
export class AutosaveQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Set<Promise<void>>();
  private readonly clock: AutosaveClock;
  private readonly retryDelaysMs: readonly number[];
  private failures = 0;
  private hasEnded = false;
  private lastStatus = "";

  constructor(private readonly options: AutosaveOptions) {
    this.clock = options.clock ?? defaultClock;
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  }

  /** Queues a question's new state; a newer change replaces one still waiting. */
  enqueue(item: AutosaveItem, delayMs = 0): void {
    const entry = this.entries.get(item.questionId) ?? this.newEntry(item);
    if (item.seq < entry.latest.seq) return;
    entry.latest = item;
    entry.retries = 0;
    entry.failure = null;
    this.stopTimers(entry);
    if (delayMs > 0) {
      entry.waitTimer = this.clock.setTimeout(() => {
        entry.waitTimer = null;
        this.dispatch(entry);
      }, delayMs);
      this.report();
    } else this.dispatch(entry);
  }

  /** Sends every waiting change now (and tries failed ones once more), then waits for all answers. */
  async flush(): Promise<void> {
    for (const entry of this.entries.values()) {
      const isWaiting = entry.waitTimer !== null || entry.retryTimer !== null;
      const hasGivenUp = entry.failure?.isFinal === true && entry.latest.seq > entry.acked;
      if (!isWaiting && !hasGivenUp) continue;
      this.stopTimers(entry);
      this.dispatch(entry);
    }
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Whether every change the learner made has been confirmed by the server. */
  get isAllSaved(): boolean {
    for (const entry of this.entries.values()) if (entry.latest.seq > entry.acked) return false;
    return true;
  }

  private newEntry(item: AutosaveItem): Entry {
    const entry: Entry = {
      latest: item,
      acked: -Infinity,
      waitTimer: null,
      retryTimer: null,
      retries: 0,
      failure: null,
      failedAt: 0,
      inFlight: 0,
    };
    this.entries.set(item.questionId, entry);
    return entry;
  }

  private stopTimers(entry: Entry): void {
    if (entry.waitTimer !== null) this.clock.clearTimeout(entry.waitTimer);
    if (entry.retryTimer !== null) this.clock.clearTimeout(entry.retryTimer);
    entry.waitTimer = null;
    entry.retryTimer = null;
  }

  private dispatch(entry: Entry): void {
    if (this.hasEnded) return;
    const item = entry.latest;
    if (item.seq <= entry.acked) return;
    entry.inFlight += 1;
    this.report();
    const request = this.options
      .send(item)
      .catch((): SaveOutcome => ({ kind: "retry", message: OFFLINE_MESSAGE }))
      .then((outcome) => {
        entry.inFlight -= 1;
        this.settle(entry, item, outcome);
      })
      .finally(() => this.pending.delete(request));
    this.pending.add(request);
  }

  private settle(entry: Entry, item: AutosaveItem, outcome: SaveOutcome): void {
    if (outcome.kind === "ended") {
      if (!this.hasEnded) {
        this.hasEnded = true;
        for (const other of this.entries.values()) this.stopTimers(other);
        this.options.onStatus({ state: "error", message: outcome.message });
        this.options.onEnded(outcome.message);
      }
      return;
    }
    if (outcome.kind === "saved") {
      entry.acked = Math.max(entry.acked, item.seq);
      if (entry.acked >= entry.latest.seq) {
        entry.failure = null;
        entry.retries = 0;
      }
      this.report();
      return;
    }
    // A failure of a change the learner has since replaced no longer matters: the newer one is
    // on its way (or waiting) and reports for itself.
    if (item.seq < entry.latest.seq || entry.acked >= item.seq) {
      this.report();
      return;
    }
    this.failures += 1;
    entry.failedAt = this.failures;
    const delay = outcome.kind === "retry" ? this.retryDelaysMs[entry.retries] : undefined;
    if (delay !== undefined && entry.waitTimer === null && entry.retryTimer === null) {
      entry.retries += 1;
      entry.failure = { message: outcome.message, isFinal: false };
      entry.retryTimer = this.clock.setTimeout(() => {
        entry.retryTimer = null;
        this.dispatch(entry);
      }, delay);
    } else if (entry.waitTimer === null && entry.retryTimer === null) {
      entry.failure = { message: outcome.message, isFinal: true };
    }
    this.report();
  }

  private status(): AutosaveStatus {
    let final: Entry | null = null;
    let retrying: Entry | null = null;
    let isBusy = false;
    let hasSaved = false;
    for (const entry of this.entries.values()) {
      if (entry.failure?.isFinal) {
        if (!final || entry.failedAt > final.failedAt) final = entry;
      } else if (entry.failure && (!retrying || entry.failedAt > retrying.failedAt)) retrying = entry;
      if (entry.waitTimer !== null || entry.inFlight > 0) isBusy = true;
      if (entry.acked > -Infinity) hasSaved = true;
    }
    if (final?.failure) return { state: "error", message: final.failure.message };
    if (retrying?.failure) return { state: "retrying", message: retrying.failure.message };
    if (isBusy) return { state: "saving" };
    return hasSaved ? { state: "saved" } : { state: "idle" };
  }

  private report(): void {
    if (this.hasEnded) return;
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.options.onStatus(status);
  }
}

/** The answer of the autosave route, as the browser's JSON helper returns it. */
export type SaveAnswer = { ok: true } | { ok: false; formError?: string; reason?: string };

/**
 * Sorts the autosave route's answer into what the queue does next. A refusal with a reason the
 * quiz domain names is final; storage trouble and answers without a reason (a server error, a
 * proxy's page) are worth another try.
 * @example saveOutcome({ ok: false, reason: "deadline", formError: "Time is up." }) // { kind: "ended", … }
 */
export function saveOutcome(result: SaveAnswer): SaveOutcome {
  if (result.ok) return { kind: "saved" };
  const message = result.formError ?? NOT_SAVED_MESSAGE;
  if (result.reason === "deadline" || result.reason === "conflict") return { kind: "ended", message };
  if (result.reason === undefined || result.reason === "storage-unavailable")
    return { kind: "retry", message };
  return { kind: "refused", message };
}
