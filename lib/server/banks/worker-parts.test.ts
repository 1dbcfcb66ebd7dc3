import { describe, expect, it } from "vitest";
import { createPartSender } from "./worker-parts";

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("the upload worker's parts", () => {
  it("sends one part, and the next only once the last was taken in", async () => {
    const posted: number[][] = [];
    const sender = createPartSender<number[]>((message) => posted.push(message));
    const items = Array.from({ length: 7 }, (_, i) => i);
    let done = false;
    const sending = sender
      .sendParts(items, 3, (part) => part)
      .then(() => {
        done = true;
      });
    await turn();
    await turn();
    // Nothing taken yet: one part out, however long the request thread takes.
    expect(posted).toEqual([[0, 1, 2]]);
    sender.taken();
    await turn();
    expect(posted).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(done).toBe(false);
    sender.taken();
    await turn();
    sender.taken();
    await sending;
    expect(posted).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(done).toBe(true);
  });

  it("sends nothing for nothing, and a stray acknowledgement changes nothing", async () => {
    const posted: string[] = [];
    const sender = createPartSender<string>((message) => posted.push(message));
    sender.taken();
    await sender.sendParts([], 10, () => "part");
    expect(posted).toEqual([]);
  });
});
