import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SCENARIO_BYTES } from "@/lib/sim";
import { decodeScenarioParam, encodeScenarioParam, sandboxHref } from "./scenario-url";

describe("scenario URL encoding", () => {
  it("round-trips any text, Unicode included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const encoded = encodeScenarioParam(text);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
        if (text === "") return;
        expect(decodeScenarioParam(encoded)).toEqual({ ok: true, yaml: text });
      }),
    );
  });

  it("uses the URL-safe alphabet without padding", () => {
    expect(encodeScenarioParam("??>")).toBe("Pz8-");
    expect(encodeScenarioParam("a")).toBe("YQ");
  });

  it("accepts padded input too", () => {
    expect(decodeScenarioParam("YQ==")).toEqual({ ok: true, yaml: "a" });
  });

  it("refuses what is not base64url, not UTF-8, empty or too large", () => {
    expect(decodeScenarioParam("not base64!")).toMatchObject({ ok: false });
    expect(decodeScenarioParam("A")).toMatchObject({ ok: false });
    expect(decodeScenarioParam("_w")).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-8/) });
    expect(decodeScenarioParam("")).toMatchObject({ ok: false });
    expect(decodeScenarioParam("A".repeat(MAX_SCENARIO_BYTES * 2))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/larger/),
    });
  });

  it("builds the sandbox link", () => {
    expect(sandboxHref("a")).toBe("/simulator?s=YQ");
  });
});
