import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInLocale } from "../i18n/server-text";
import { createPerson } from "../testing/attempts-fixture";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createDeck } from "./decks";
import { deckExportResponse } from "./decks-export";
import { importIntoDeck } from "./decks-import";

// What a deck's import and export say, in the language of the request: the notes after an import
// and the export route's refusals (English outside a request: the CLI and the other tests).

let db: TestDatabase;
const now = new Date("2026-05-04T10:00:00Z");
beforeEach(() => {
  db = createTestDatabase();
});
afterEach(async () => {
  await db.cleanup();
});

const tagged = `---
id: tagged
title: Tagged
topic: elsewhere
---

## Tagged question {#tagged}

kind: single

- [ ] bridge
  - misconception: bridge-on-fargate
- [x] awsvpc
`;

describe("a deck's words in the request's language", () => {
  it("says the import's notes in Korean to a Korean request, in English outside one", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const { deckId } = await createDeck(db.prisma, owner, { title: "ECS", description: "" }, now);
    const input = { text: tagged, fileName: "tagged.md", format: "gfm" as const };
    const ko = await runInLocale("ko", () => importIntoDeck(db.prisma, owner, deckId, input));
    if (!ko?.ok) throw new Error("not imported");
    expect(ko.notes).toEqual([
      "파일에 적힌 제목(“Tagged”)은 쓰지 않고, 카드를 “ECS” 덱에 추가했습니다.",
      "오개념 태그 1개를 제외했습니다. 이 태그는 강사의 클래스 분석에 쓰이며, 개인 덱은 강사에게 보이지 않습니다.",
    ]);
    const en = await importIntoDeck(db.prisma, owner, deckId, input);
    if (!en?.ok) throw new Error("not imported");
    expect(en.notes).toEqual([
      "The file's title “Tagged” was not used: the cards joined “ECS”.",
      "1 misconception tag was left out: they feed instructors' class analytics, which never see a personal deck.",
    ]);
  });

  it("refuses an export in the request's language: signed out, not the caller's deck, unknown format", async () => {
    const owner = await createPerson(db.prisma, "l1");
    const other = await createPerson(db.prisma, "l2");
    const { deckId } = await createDeck(db.prisma, owner, { title: "ECS", description: "" }, now);
    const say = async (response: Promise<Response>) => {
      const r = await response;
      return `${r.status} ${await r.text()}`;
    };
    await runInLocale("ko", async () => {
      expect(await say(deckExportResponse(db.prisma, null, deckId, null))).toBe(
        "401 계속하려면 로그인하세요.",
      );
      expect(await say(deckExportResponse(db.prisma, other, deckId, null))).toBe("404 찾을 수 없습니다.");
      expect(await say(deckExportResponse(db.prisma, owner, deckId, "csv"))).toMatch(
        /^400 알 수 없는 형식입니다/,
      );
    });
    expect(await say(deckExportResponse(db.prisma, other, deckId, null))).toBe("404 Not found.");
  });
});
