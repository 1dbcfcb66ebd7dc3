import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { examInputSchema, quizInputSchema } from "@/lib/quiz/schemas";
import { createMatrixWorld, type DisposableWorld, form } from "@/lib/server/auth/access-matrix/world";
import { signUpSchema } from "./account-schemas";
import { createClassCore } from "./class-core";
import { uploadBankCore } from "./instructor-bank-core";

// Issue 21 item 9: names people read refuse bidirectional and control characters wherever they are
// set, and an uploaded file that is not UTF-8 is refused (it used to be repaired with U+FFFD).

let w: DisposableWorld;
beforeAll(async () => {
  w = await createMatrixWorld();
});
afterAll(async () => {
  await w.cleanup();
});

const BANK = (title: string) => `---
id: probe-bank
title: ${title}
topic: probe
---

## A question {#probe-q}

kind: single · difficulty: 2

Which one?

- [x] This one
- [ ] That one
`;

const upload = async (bytes: Uint8Array, format = "gfm") => {
  const data = form({ format });
  data.set("file", new File([bytes as BlobPart], "bank.md"));
  return uploadBankCore(await w.as(w.users.instructor1), data);
};

describe("uploads must be UTF-8", () => {
  it("refuses a file with an invalid byte, naming its line and column, and saves nothing", async () => {
    const before = await w.db.bank.count();
    const good = new TextEncoder().encode(BANK("Latin-1 café"));
    const at = good.indexOf(0xc3); // "é" in UTF-8 is C3 A9; Latin-1 would be one E9 byte
    const latin1 = new Uint8Array([...good.subarray(0, at), 0xe9, ...good.subarray(at + 2)]);
    const result = await upload(latin1);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.formError).toBe(
      "The file is not valid UTF-8 text (first bad byte at line 3, column 19). Save it as UTF-8 and upload it again.",
    );
    const anki = await upload(new Uint8Array([0x51, 0x09, 0x41, 0x0a, 0xff, 0xfe, 0x09, 0x42]), "anki");
    expect(!anki.ok && anki.formError).toMatch(/not valid UTF-8 text \(first bad byte at line 2, column 1\)/);
    expect(await w.db.bank.count()).toBe(before);
    // The same bank in UTF-8 is saved.
    expect(await upload(good)).toMatchObject({ ok: true, title: "Latin-1 café" });
  });

  it("refuses a bank whose title carries a bidirectional override", async () => {
    const result = await upload(new TextEncoder().encode(BANK("Quiz\u202Egnp.exe")));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.findings?.[0]?.message).toMatch(
      /^The bank's title must not contain characters that reverse/,
    );
  });
});

describe("names are refused with a field error where they are set", () => {
  it("a class name", async () => {
    const result = await createClassCore(
      await w.as(w.users.instructor1),
      form({ name: "Class\u202E1 ssalc" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringMatching(/^Class name must not contain/)] },
    });
    const tab = await createClassCore(await w.as(w.users.instructor1), form({ name: "Class\u0007" }));
    expect(tab).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.stringMatching(/control characters/)] },
    });
  });

  it("a quiz or exam title and a sign-up name", () => {
    const quiz = quizInputSchema.safeParse({
      classId: "c",
      title: "Quiz \u2066x\u2069",
      filters: {},
      selection: "random",
    });
    expect(quiz.error?.issues.find((i) => i.path[0] === "title")?.message).toMatch(
      /^Quiz title must not contain/,
    );
    const exam = examInputSchema.safeParse({ title: "Exam\u202Bx" });
    expect(exam.error?.issues[0]?.message).toMatch(/^Exam title must not contain/);
    const signUp = signUpSchema.safeParse({
      name: "Eve\u202E",
      email: "eve@example.com",
      password: "violet harbour spoon",
    });
    expect(signUp.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["name", expect.stringMatching(/^Your name must not contain/)],
    ]);
  });
});
