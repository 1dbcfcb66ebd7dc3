import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { giveWay } from "./give-way";

// What giveWay promises: work that pauses with it, even when it runs in an I/O callback (as a
// request's work does), lets a request that arrived meanwhile be read before it goes on. A single
// setImmediate does not (see give-way.ts): the first test shows the trap, the second the cure.

/** Blocks this thread for `ms`, as a long synchronous statement does. */
const block = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

let server: net.Server | undefined;
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/**
 * Two clients: the first one's data starts "work" on the server (in the poll phase); during the
 * work the second one sends. Resolves with whether the second was read before the work went on
 * after pausing with `pause`.
 */
async function secondReadDuringPause(pause: () => Promise<unknown>): Promise<boolean> {
  let secondRead = false;
  let readBeforeGoingOn: boolean | undefined;
  const done = new Promise<void>((resolve) => {
    server = net.createServer((socket) => {
      sockets.push(socket);
      socket.on("data", async (chunk) => {
        if (chunk.toString() === "second") {
          secondRead = true;
          return;
        }
        second.write("second");
        block(30); // the second client's bytes are in the socket now, unread
        await pause();
        readBeforeGoingOn = secondRead;
        resolve();
      });
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = (server?.address() ?? {}) as net.AddressInfo;
  const connect = () =>
    new Promise<net.Socket>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(socket));
      sockets.push(socket);
    });
  const second = await connect();
  const first = await connect();
  await new Promise((resolve) => setTimeout(resolve, 20)); // both accepted
  first.write("first");
  await done;
  return readBeforeGoingOn === true;
}

describe("giving way to waiting requests", () => {
  it("a single setImmediate inside an I/O callback goes on before the waiting request is read", async () => {
    expect(await secondReadDuringPause(() => new Promise((resolve) => setImmediate(resolve)))).toBe(false);
  });

  it("giveWay lets the waiting request be read first", async () => {
    expect(await secondReadDuringPause(giveWay)).toBe(true);
  });
});
