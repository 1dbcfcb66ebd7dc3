// Flow control for the upload worker's answers (check-upload.worker.ts): a large answer goes to
// the request thread in parts, one at a time. Posted all at once, the parts queued up and Node read
// every queued message of the worker in one turn of the request thread's event loop (70 parts of a
// 5,000-card package held it ~200 ms); sent one by one, each waits until the request thread says it
// took the last one in (check-upload-thread.ts answers `{ ack }` after a turn of its event loop).

/** Sends parts through `post`, each once the one before it was taken in. */
export function createPartSender<M>(post: (message: M) => void) {
  let taken: (() => void) | null = null;
  return {
    /** Sends `items` in parts of `size`, each as `wrap` makes it, waiting for each to be taken. */
    async sendParts<T>(items: readonly T[], size: number, wrap: (part: T[]) => M): Promise<void> {
      for (let at = 0; at < items.length; at += size) {
        const next = new Promise<void>((resolve) => {
          taken = resolve;
        });
        post(wrap(items.slice(at, at + size)));
        await next;
      }
    },
    /** The request thread took in the last part: the next may go. */
    taken(): void {
      const resolve = taken;
      taken = null;
      resolve?.();
    },
  };
}
