import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

// The proxy's refusals, which reach the learner before any page or action runs: worded in the
// browser's language (cookie, else Accept-Language), as every other refusal is.

const post = (headers: Record<string, string>, body?: string) =>
  new NextRequest("http://localhost:3000/decks/d1", { method: "POST", headers, body });

describe("the proxy's refusals", () => {
  it("refuses a body over 8 MB in Korean for a browser that asks for Korean", async () => {
    const response = await proxy(
      post({ "content-length": String(9 * 1024 * 1024), "accept-language": "ko-KR" }),
    );
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/8MB보다 큽니다/);
    expect(response.headers.get("content-type")).toMatch(/text\/plain/);
  });

  it("follows the language cookie over Accept-Language, and speaks English otherwise", async () => {
    const big = String(9 * 1024 * 1024);
    const ko = await proxy(
      post({ "content-length": big, "accept-language": "en-US", cookie: "taskdeck-locale=ko" }),
    );
    expect(await ko.text()).toMatch(/[가-힣]/);
    const en = await proxy(post({ "content-length": big, "accept-language": "en-US" }));
    expect(await en.text()).toBe(
      "The request is larger than 8 MB, the most Taskdeck accepts. A bank file may be at most 4 MB.",
    );
  });

  it("refuses an action body nested too deep in the browser's language", async () => {
    const deep = `${"[".repeat(40)}${"]".repeat(40)}`;
    const response = await proxy(
      post({ "next-action": "abc", "content-type": "text/plain", "accept-language": "ko" }, deep),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toMatch(/[가-힣]/);
    expect(text).toContain("32");
  });
});
