// Long server work (saving a large upload in batches, the end of a deck import) stops between its
// parts so that other learners' requests are served meanwhile. `await new Promise(setImmediate)`
// alone does not do that when the work runs in an I/O callback, which a request's work usually
// does: Node's event loop goes timers → I/O (poll) → setImmediate (check), so an immediate queued
// during the poll phase runs in the same turn's check phase, before any request that arrived
// meanwhile is read. Measured on the deck import: a health check that arrived as its last
// statements began waited ~180 ms, through the pause and the deck page drawn after it.

/**
 * Resolves once the event loop has polled for I/O at least once: requests that arrived while the
 * caller worked are read (and their handlers start) before the caller goes on. Two hops through
 * the check phase, since the first may come before the next poll.
 * @example for (const batch of batches) { write(batch); await giveWay(); }
 */
export function giveWay(): Promise<void> {
  return new Promise((resolve) => afterGivingWay(resolve));
}

/** The same for a callback: `then` runs after the event loop has polled for I/O once. */
export function afterGivingWay(then: () => void): void {
  setImmediate(() => setImmediate(then));
}
