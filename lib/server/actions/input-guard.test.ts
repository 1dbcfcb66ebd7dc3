import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ActionFailure } from "@/lib/server/auth/action-result";
import {
  actionBodyProblem,
  jsonDepth,
  MAX_INPUT_DEPTH,
  TOO_DEEP_MESSAGE,
  TOO_MUCH_TEXT_MESSAGE,
} from "@/lib/server/request-limits";
import { boundedForm, boundedInput, inputProblem, NOT_A_FORM_MESSAGE } from "./input-guard";

// Issue 21 item 5: every action's input is bounded in depth and size by one guard, and bodies
// nested too deep for Next to decode are refused before it tries.

/** An array nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("inputProblem", () => {
  it("lets every ordinary form and JSON input through", () => {
    const form = new FormData();
    form.set("name", "Fargate 101");
    form.set("markdown", "x".repeat(1024 * 1024));
    form.set("file", new File(["y".repeat(1024 * 1024)], "bank.md"));
    expect(inputProblem([null, form])).toBeNull();
    expect(inputProblem([{ reviewId: "r", ref: { questionId: "q", side: "" }, grade: "good" }])).toBeNull();
    expect(inputProblem([nested(MAX_INPUT_DEPTH - 1)])).toBeNull();
  });

  it("refuses input nested 50,000 deep without overflowing the stack", () => {
    expect(inputProblem([nested(50_000)])).toBe(TOO_DEEP_MESSAGE);
    let object: Record<string, unknown> = {};
    for (let i = 0; i < 50_000; i++) object = { a: object };
    expect(inputProblem([object])).toBe(TOO_DEEP_MESSAGE);
  });

  it("refuses more text than any form takes, in one field or across many", () => {
    expect(inputProblem([{ questionId: "q", text: "x".repeat(5 * 1024 * 1024) }])).toBe(
      TOO_MUCH_TEXT_MESSAGE,
    );
    // A pasted bank at the bank limit (4 MB) fits; five 1 MB fields together do not.
    expect(inputProblem([null, "x".repeat(4 * 1024 * 1024)])).toBeNull();
    const form = new FormData();
    for (let i = 0; i < 5; i++) form.append("markdown", "x".repeat(1024 * 1024));
    expect(inputProblem([null, form])).toBe(TOO_MUCH_TEXT_MESSAGE);
    expect(inputProblem([Array.from({ length: 30_000 }, () => 1)])).toMatch(/more than 20,000 values/);
  });
});

describe("boundedInput and boundedForm", () => {
  it("answer the refusal as the typed result every form shows, without running the action", async () => {
    let ran = false;
    const run = async (): Promise<{ ok: true } | ActionFailure> => {
      ran = true;
      return { ok: true };
    };
    expect(await boundedInput([nested(50_000)], run)).toEqual({ ok: false, formError: TOO_DEEP_MESSAGE });
    expect(await boundedForm(null, "not a form", run)).toEqual({ ok: false, formError: NOT_A_FORM_MESSAGE });
    expect(await boundedForm(null, { get: () => "x" }, run)).toEqual({
      ok: false,
      formError: NOT_A_FORM_MESSAGE,
    });
    expect(ran).toBe(false);
    expect(await boundedForm(null, new FormData(), run)).toEqual({ ok: true });
    expect(ran).toBe(true);
  });

  it("refuses a 5 MB report before the report action reads the session", async () => {
    const { reportAction } = await import("./study");
    expect(
      await reportAction({ questionId: "q", reason: "wrong", text: "x".repeat(5 * 1024 * 1024) }),
    ).toEqual({
      ok: false,
      formError: TOO_MUCH_TEXT_MESSAGE,
    });
  });
});

describe("every server action goes through the guard", () => {
  it("starts each exported action that takes input with boundedInput or boundedForm", () => {
    const folder = path.join(process.cwd(), "lib", "server", "actions");
    const unguarded: string[] = [];
    let actions = 0;
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = fs.readFileSync(path.join(folder, file), "utf8");
      if (!/^\s*["']use server["'];/.test(source)) continue;
      for (const match of source.matchAll(/export async function (\w+)\(([^)]*)\)[^{]*\{\n\s*(.*)/g)) {
        const [, name, params, firstLine] = match;
        if (!params?.trim()) continue;
        actions++;
        // `await` for a plain form action, whose answer is the page rendered again (no result).
        if (!/^(return|await) bounded(Input|Form)\(/.test(firstLine ?? "")) unguarded.push(`${file}#${name}`);
      }
    }
    expect(actions).toBeGreaterThanOrEqual(25);
    expect(unguarded).toEqual([]);
  });
});

describe("action bodies nested too deep for Next to decode", () => {
  const deepJson = `[${"[".repeat(50_000)}${"]".repeat(50_000)}]`;

  it("measures JSON depth in one pass, ignoring brackets inside strings", () => {
    expect(jsonDepth('[1,{"a":[2]}]')).toBe(3);
    expect(jsonDepth('["[[[[", {"k": "}}}"}]')).toBe(2);
    expect(jsonDepth('["\\"[[["]')).toBe(1);
    expect(jsonDepth(deepJson, 40)).toBe(41);
  });

  it("refuses a text body or a form field nested 50,000 deep, and passes ordinary ones", async () => {
    const post = (body: BodyInit, type?: string) =>
      new Request("http://taskdeck.test/study", {
        method: "POST",
        body,
        headers: type ? { "content-type": type } : undefined,
      });
    expect(await actionBodyProblem(post(deepJson, "text/plain;charset=UTF-8"))).toBe(TOO_DEEP_MESSAGE);
    const form = new FormData();
    form.set("0", deepJson);
    expect(await actionBodyProblem(post(form))).toBe(TOO_DEEP_MESSAGE);
    expect(await actionBodyProblem(post('[{"questionId":"q","text":"[[[["}]', "text/plain"))).toBeNull();
    const upload = new FormData();
    upload.set("0", '["$undefined","$K1"]');
    upload.set("1_file", new File(["[".repeat(10_000)], "bank.md"));
    expect(await actionBodyProblem(post(upload))).toBeNull();
  });
});
