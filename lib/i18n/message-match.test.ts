import { describe, expect, it } from "vitest";
import { messageMatcher } from "./message-match";

describe("messageMatcher", () => {
  const match = messageMatcher([
    ["v.atMost", "Use at most {max} characters."],
    ["v.bidi", "{label} must not contain control characters (tabs)."],
    ["v.plural", "{count, plural, one {# card} other {# cards}}"],
    ["v.plain", "Enter your name."],
  ]);

  it("recognises a message and its arguments", () => {
    expect(match("Use at most 254 characters.")).toEqual({ key: "v.atMost", values: { max: "254" } });
    expect(match("The deck's title must not contain control characters (tabs).")).toEqual({
      key: "v.bidi",
      values: { label: "The deck's title" },
    });
    expect(match("Enter your name.")).toEqual({ key: "v.plain", values: {} });
  });

  it("treats the message's punctuation as text, and matches whole messages only", () => {
    expect(match("Use at most 254 characters!")).toBeNull();
    expect(match("Enter your name. Then more.")).toBeNull();
    expect(match("Enter your nameX")).toBeNull();
  });

  it("skips messages it cannot recognise (plurals)", () => {
    expect(match("3 cards")).toBeNull();
  });
});
