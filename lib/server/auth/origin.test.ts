import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestOrigin, safeNextPath, signInPath } from "./origin";

describe("safeNextPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeNextPath("/account")).toBe("/account");
    expect(safeNextPath("/study?topic=fargate#card-3")).toBe("/study?topic=fargate#card-3");
  });

  it("refuses anything that could leave the site or loop", () => {
    for (const next of [
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "account",
      "/\u0000x",
      "/\tevil",
      "/sign-in",
      "/sign-up?next=/account",
      "",
      undefined,
      42,
      `/${"a".repeat(3000)}`,
    ]) {
      expect(safeNextPath(next), String(next)).toBe("/");
    }
    expect(safeNextPath("//evil.example", "/account")).toBe("/account");
  });

  it("refuses paths that the URL parser normalizes into another site (issue 21 item 3)", () => {
    for (const next of [
      "/.//evil.example/phish",
      "/..//evil.example/phish",
      "/%2e//evil.example/phish",
      "/%2E//evil.example/phish",
      "/%2e%2e//evil.example/phish",
      "/a/..//evil.example/phish",
      "/a/b/../..//evil.example/phish",
      "/././/evil.example",
      "/%2e/%2e//evil.example",
      "/.\\/evil.example",
      "/a/../\\evil.example",
    ]) {
      expect(safeNextPath(next), next).toBe("/");
    }
    // The harmless dot segments still resolve to the page they name.
    expect(safeNextPath("/a/../account")).toBe("/account");
    expect(safeNextPath("/./study")).toBe("/study");
  });

  it("only ever answers a same-site path, whatever it is given (property)", () => {
    const piece = fc.constantFrom(
      "/",
      ".",
      "..",
      "%2e",
      "%2E",
      "%2f",
      "\\",
      "evil.example",
      "a",
      "?x=//y",
      "#//z",
      ":",
      "http:",
      "\t",
    );
    const crafted = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(crafted, fc.string(), fc.webUrl(), fc.webPath()), (next) => {
        const result = safeNextPath(next, "/fallback");
        if (result === "/fallback") return;
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may come out.
        expect(result).not.toMatch(/[\\\u0000-\u001f\u007f]/);
        // Where a browser on the sign-in page would go, and the check is stable on its own output.
        expect(new URL(result, "https://taskdeck.example/sign-in").origin).toBe("https://taskdeck.example");
        expect(safeNextPath(result, "/fallback")).toBe(result);
      }),
      { numRuns: 5000 },
    );
  });

  it("builds the sign-in link that returns to a page", () => {
    expect(signInPath("/account")).toBe("/sign-in?next=%2Faccount");
    expect(signInPath("/")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});

describe("requestOrigin", () => {
  it("prefers BETTER_AUTH_URL when set", () => {
    const headers = new Headers({ host: "127.0.0.1:3000" });
    expect(requestOrigin(headers, { BETTER_AUTH_URL: "https://taskdeck.example/some/path" })).toBe(
      "https://taskdeck.example",
    );
    expect(() => requestOrigin(headers, { BETTER_AUTH_URL: "ftp://taskdeck.example" })).toThrow(/http/);
  });

  it("derives the origin from the Host header and the forwarded protocol", () => {
    expect(requestOrigin(new Headers({ host: "127.0.0.1:3211" }), {})).toBe("http://127.0.0.1:3211");
    expect(requestOrigin(new Headers({ host: "Taskdeck.Example", "x-forwarded-proto": "https" }), {})).toBe(
      "https://taskdeck.example",
    );
    expect(requestOrigin(new Headers({ host: "[::1]:3000" }), {})).toBe("http://[::1]:3000");
  });

  it("falls back to localhost for a missing or malformed Host", () => {
    expect(requestOrigin(new Headers(), {})).toBe("http://localhost:3000");
    expect(requestOrigin(new Headers({ host: "evil.example/path" }), {})).toBe("http://localhost:3000");
    expect(requestOrigin(new Headers({ host: "a b" }), {})).toBe("http://localhost:3000");
  });
});
