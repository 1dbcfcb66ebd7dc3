import { describe, expect, it } from "vitest";
import { runInLocale, serverLocale, serverText } from "./server-text";

describe("serverText", () => {
  it("speaks the language of the request it runs in, English outside one", async () => {
    expect(serverLocale()).toBe("en");
    expect(serverText("common")("skipToContent")).toBe("Skip to content");
    const inKorean = await runInLocale("ko", async () => {
      await Promise.resolve(); // across an await, as an action's body runs
      return serverText("common")("skipToContent");
    });
    expect(inKorean).toBe("본문으로 건너뛰기");
    expect(serverText("common")("skipToContent")).toBe("Skip to content");
  });
});
