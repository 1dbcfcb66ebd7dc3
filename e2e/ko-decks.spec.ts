import { expect, type Page, test } from "@playwright/test";
import { newAccount } from "./setup/accounts";

// A learner whose browser asks for Korean makes a deck with the form in Korean: every label and
// refusal is Korean (an empty title, an empty front), adds a card and sees it listed; switching the
// interface to English and back leaves the deck as it was. A fresh account, because the switch saves
// the learner's language and the shared learner's specs expect English.

test.use({ locale: "ko-KR" });

/** Signs up through the form, whichever language the sign-up page speaks yet. */
async function signUpKorean(page: Page) {
  const account = newAccount("Deck Ko");
  await page.goto("/sign-up");
  await page.getByLabel(/^(이름|Name)$/).fill(account.name);
  await page.getByLabel(/^(이메일|Email)$/).fill(account.email);
  await page.getByLabel(/^(비밀번호|Password)$/).fill(account.password);
  await page.getByRole("button", { name: /^(회원가입|Sign up)$/ }).click();
  await expect(page).toHaveURL(/\/$/, { timeout: 15_000 });
}

/** Pictures at 1280 and 375 px when TASKDECK_SHOTS names a folder; no sideways scroll at 375 either way. */
async function checkWidths(page: Page, name: string) {
  const folder = process.env.TASKDECK_SHOTS;
  await page.setViewportSize({ width: 375, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
  if (folder) {
    await page.screenshot({ path: `${folder}/decks-${name}-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${folder}/decks-${name}-1280.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a Korean learner makes a deck and a card in Korean, and the language switch keeps them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUpKorean(page);
  await page.goto("/decks");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: "내 덱", level: 1 })).toBeVisible();
  await expect(page.getByText("아직 덱이 없습니다. 아래에서 만드세요.")).toBeVisible();

  // A deck with no title is refused on its field, in Korean.
  const newDeck = page.getByRole("form", { name: "새 덱" });
  await newDeck.getByRole("button", { name: "덱 만들기" }).click();
  await expect(newDeck.getByLabel("제목", { exact: true })).toHaveAccessibleDescription(
    /덱 제목을 입력하세요/,
  );
  const title = `포트와 역할 ${Date.now().toString(36)}`;
  await newDeck.getByLabel("제목", { exact: true }).fill(title);
  await newDeck.getByLabel("설명(선택)").fill("자꾸 잊는 숫자들.");
  await newDeck.getByRole("button", { name: "덱 만들기" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("아직 카드가 없습니다.", { exact: false })).toBeVisible();

  // A flashcard with an empty front and back: both fields say so in Korean, and nothing is saved.
  const addCard = page.getByRole("form", { name: "카드 추가" });
  await addCard.getByLabel("유형").selectOption("flashcard");
  await expect(addCard.getByLabel("유형").locator("option:checked")).toHaveText("플래시카드");
  await addCard.getByRole("button", { name: "카드 추가" }).click();
  await expect(addCard.getByLabel("앞면", { exact: true })).toHaveAccessibleDescription(
    /처음 보이는 면입니다.*카드 앞면을 입력하세요/,
  );
  await expect(addCard.getByLabel("뒷면", { exact: true })).toHaveAccessibleDescription(
    /카드 뒷면을 입력하세요/,
  );
  await expect(addCard.getByText("저장하지 않았습니다. 표시된 항목을 확인하세요.")).toBeVisible();

  await addCard.getByLabel("앞면", { exact: true }).fill("Fargate 네트워크 모드");
  await addCard.getByLabel("뒷면", { exact: true }).fill("awsvpc");
  await addCard.getByRole("button", { name: "카드 추가" }).click();
  await expect(addCard.getByText("카드를 추가했습니다.", { exact: false })).toBeVisible();

  const cards = page.getByRole("list", { name: "카드", exact: true });
  await expect(cards.getByRole("listitem")).toHaveCount(1);
  await expect(cards.getByRole("listitem").first()).toContainText("플래시카드");
  await expect(cards.getByRole("listitem").first()).toContainText("Fargate 네트워크 모드");
  await expect(page.getByRole("list", { name: "진행 상황", exact: true })).toContainText("카드 1장");
  await expect(page.getByRole("link", { name: "이 덱 학습" })).toBeVisible();
  await checkWidths(page, "deck");

  // To English and back: the same deck, the same one card, the page in each language.
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const englishCards = page.getByRole("list", { name: "Cards", exact: true });
  await expect(englishCards.getByRole("listitem")).toHaveCount(1);
  await expect(englishCards.getByRole("listitem").first()).toContainText("Flashcard");
  await expect(page.getByRole("form", { name: "Add a card" })).toBeVisible();

  await page.getByRole("button", { name: /한국어/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(cards.getByRole("listitem")).toHaveCount(1);
  await expect(cards.getByRole("listitem").first()).toContainText("Fargate 네트워크 모드");

  await page.goto("/decks");
  const decks = page.getByRole("list", { name: "내 덱", exact: true });
  // One deck (each deck's item holds its own progress list, so count the decks by their headings).
  await expect(decks.getByRole("heading", { level: 2 })).toHaveCount(1);
  await expect(decks.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(decks.getByText("카드 1장")).toBeVisible();
  await checkWidths(page, "list");
});
