import { expect, type Page, test } from "@playwright/test";
import { newAccount, signUp } from "./setup/accounts";
import { query } from "./support/database";
import { answerWithKeyboard } from "./support/study";

// A learner makes a deck of their own in the form and by pasting, studies it with the scheduler,
// downloads it as Markdown and as an Anki package (which a second deck imports as the same cards),
// and another learner finds nothing at its address.

const PASTED = `## Which port does NFS use? {#nfs-port}

kind: typed

### Answer

- 2049

## Task role {#task-role}

kind: flashcard

The role your application's code runs with.
`;

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Screenshots of the page at 1280 and 375 px wide (test-results/), with no sideways scroll at 375. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `test-results/decks-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  await noHorizontalScroll(page);
  await page.screenshot({ path: `test-results/decks-${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a learner makes a deck by form and by paste, studies it and downloads it; another learner cannot open it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const owner = newAccount("Decker");
  await signUp(page, owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My decks" }).click();
  await expect(page.getByRole("heading", { name: "My decks", level: 1 })).toBeVisible();

  // A deck with no title is refused on its field.
  const newDeck = page.getByRole("form", { name: "New deck" });
  await newDeck.getByRole("button", { name: "Create deck" }).click();
  await expect(newDeck.getByLabel("Title", { exact: true })).toHaveAccessibleDescription(
    /Give the deck a title/,
  );
  const title = `Ports and roles ${Date.now().toString(36)}`;
  await newDeck.getByLabel("Title", { exact: true }).fill(title);
  await newDeck.getByLabel("Description (optional)").fill("Numbers I keep forgetting.");
  await newDeck.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const deckUrl = page.url();
  const deckId = new URL(deckUrl).pathname.split("/").pop() ?? "";

  // A flashcard without a back: the field says so and the front typed stays.
  const addCard = page.getByRole("form", { name: "Add a card" });
  await addCard.getByLabel("Kind").selectOption("flashcard");
  await addCard.getByLabel("Front", { exact: true }).fill("Fargate network mode");
  await addCard.getByRole("button", { name: "Add card" }).click();
  await expect(addCard.getByLabel("Back", { exact: true })).toHaveAccessibleDescription(
    /Write the back of the card/,
  );
  await expect(addCard.getByLabel("Front", { exact: true })).toHaveValue("Fargate network mode");
  await addCard.getByLabel("Back", { exact: true }).fill("awsvpc");
  await addCard.getByRole("button", { name: "Add card" }).click();
  await expect(addCard.getByText("Card added.")).toBeVisible();

  // A single-choice question in the form.
  await addCard.getByLabel("Kind").selectOption("single");
  await addCard.getByLabel("Question", { exact: true }).fill("Which port does HTTPS use by default?");
  await addCard.getByLabel("Option 1", { exact: true }).fill("80");
  await addCard.getByLabel("Option 2", { exact: true }).fill("443");
  await addCard.getByRole("checkbox", { name: "Option 2 is right" }).check();
  await addCard.getByRole("button", { name: "Add card" }).click();
  await expect(addCard.getByLabel("Option 2", { exact: true })).toHaveValue("");
  // The form is ready for another card of the same kind.
  await expect(addCard.getByLabel("Kind")).toHaveValue("single");

  // Two more by paste.
  const paste = page.getByRole("form", { name: "Add cards from text or a file" });
  await paste.getByLabel("Cards (Markdown)").fill(PASTED);
  await paste.getByRole("button", { name: "Check and add" }).click();
  await expect(paste.getByText("Added 2 cards, updated 0, unchanged 0.")).toBeVisible();
  const cards = page.getByRole("list", { name: "Cards" });
  await expect(cards.getByRole("listitem")).toHaveCount(4);
  await expect(cards).toContainText("Which port does NFS use?");
  await shoot(page, "deck");

  // Edit the flashcard: the same card, a new revision.
  await cards.getByRole("link", { name: "Edit “Fargate network mode”" }).click();
  const edit = page.getByRole("form", { name: "Edit card “Fargate network mode”" });
  await expect(edit.getByLabel("Back", { exact: true })).toHaveValue("awsvpc");
  await edit.getByLabel("Back", { exact: true }).fill("awsvpc: each task gets its own ENI");
  await edit.getByRole("button", { name: "Save card" }).click();
  await expect(cards.getByRole("listitem").first()).toContainText("revision 2");
  await expect(cards.getByRole("listitem")).toHaveCount(4);

  // Study this deck: four new cards, graded with the keyboard.
  await page.getByRole("link", { name: "Study this deck" }).click();
  await expect(page).toHaveURL(new RegExp(`/study\\?bank=${deckId}`));
  await expect(
    page.getByRole("navigation", { name: "My decks" }).getByRole("link", { name: title }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Study session" })).toBeVisible();
  for (let i = 0; i < 4; i += 1) await answerWithKeyboard(page);
  await expect(async () => {
    const rows = await query<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM "Review" r JOIN "Question" q ON q."id" = r."questionId"
        WHERE q."bankId" = ? AND r."kind" = 'grade'`,
      [deckId],
    );
    expect(Number(rows[0]?.n)).toBe(4);
  }).toPass({ timeout: 10_000 });
  await page.goto("/decks");
  await expect(page.getByRole("list", { name: "My decks" })).toContainText("4 studied");
  await shoot(page, "list");

  // The Markdown download reads back as the deck's cards.
  await page.goto(deckUrl);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as Markdown" }).click();
  const download = await downloading;
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const markdown = Buffer.concat(chunks).toString("utf8");
  expect(markdown).toContain(`title: ${title}`);
  expect(markdown).toContain("## Which port does NFS use? {#nfs-port}");
  expect(markdown).toContain("awsvpc: each task gets its own ENI");

  // The Anki download is a package another deck (or Anki) imports as the same four cards.
  const downloadingApkg = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download for Anki (.apkg)" }).click();
  const apkg = await downloadingApkg;
  expect(apkg.suggestedFilename()).toMatch(/\.apkg$/);
  const apkgChunks: Buffer[] = [];
  for await (const chunk of await apkg.createReadStream()) apkgChunks.push(chunk as Buffer);
  const apkgBytes = Buffer.concat(apkgChunks);
  expect(apkgBytes.subarray(0, 2).toString("latin1")).toBe("PK");
  await page.goto("/decks");
  const copyTitle = `From Anki ${Date.now().toString(36)}`;
  await page.getByRole("form", { name: "New deck" }).getByLabel("Title", { exact: true }).fill(copyTitle);
  await page.getByRole("form", { name: "New deck" }).getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { name: copyTitle, level: 1 })).toBeVisible();
  const ankiImport = page.getByRole("form", { name: "Add cards from text or a file" });
  // A package cut short is refused by the upload worker that reads it, saying why; nothing is added.
  await ankiImport.getByLabel("Or upload a file").setInputFiles({
    name: apkg.suggestedFilename(),
    mimeType: "application/octet-stream",
    buffer: apkgBytes.subarray(0, apkgBytes.length - 30),
  });
  await ankiImport.getByLabel("Format").selectOption("apkg");
  await ankiImport.getByRole("button", { name: "Check and add" }).click();
  await expect(
    ankiImport.getByText(/^Nothing was saved: The file is not an Anki package \(\.apkg is a zip\)/),
  ).toBeVisible();
  await expect(page.getByText("No cards yet: add one below, or paste a few.")).toBeVisible();
  await ankiImport.getByLabel("Or upload a file").setInputFiles({
    name: apkg.suggestedFilename(),
    mimeType: "application/octet-stream",
    buffer: apkgBytes,
  });
  await ankiImport.getByLabel("Format").selectOption("apkg");
  // The package carries the four grades given above; a learner's import keeps them by default.
  await expect(ankiImport.getByRole("checkbox", { name: "Keep my Anki review history" })).toBeChecked();
  await ankiImport.getByRole("button", { name: "Check and add" }).click();
  await expect(ankiImport.getByText(/^Added 4 cards/)).toBeVisible();
  await expect(ankiImport.getByRole("list", { name: "Notes on the import" })).toContainText(
    "Your Anki review history was kept: 4 reviews of 4 cards",
  );
  const copied = page.getByRole("list", { name: "Cards" }).getByRole("listitem");
  await expect(copied.filter({ hasText: "Fargate network mode" })).toContainText("studied");
  await expect(copied.filter({ hasText: "studied" })).toHaveCount(4);
  await page.goto(deckUrl);

  // Another learner: the deck's page and its download are "not found", and no list names it.
  const context = await browser.newContext({ baseURL });
  const stranger = await context.newPage();
  await signUp(stranger, newAccount("Stranger"));
  await stranger.goto(`/decks/${deckId}`);
  await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(stranger.getByText(title)).toHaveCount(0);
  const response = await stranger.request.get(`/decks/${deckId}/export?format=markdown`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain(title);
  await stranger.goto("/decks");
  await expect(stranger.getByText("No decks yet")).toBeVisible();
  await stranger.goto(`/study?bank=${deckId}&mode=cram`);
  await expect(stranger.getByText("You have gone through this set.")).toBeVisible();
  await context.close();

  // Deleting the deck asks first, then takes its cards and reviews with it.
  await page.getByRole("button", { name: "Delete deck…" }).click();
  const confirm = page.getByRole("form", { name: `Delete “${title}”?` });
  await confirm.getByLabel("Yes, delete this deck").check();
  await confirm.getByRole("button", { name: "Delete deck" }).click();
  await expect(page).toHaveURL(/\/decks$/);
  await expect(page.getByText(title)).toHaveCount(0);
  const left = await query<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Question" WHERE "bankId" = ?`, [
    deckId,
  ]);
  expect(Number(left[0]?.n)).toBe(0);
});

test("a large deck lists its cards a hundred to a page, with the whole count and a way through", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signUp(page, newAccount("Pager"));
  await page.goto("/decks");
  const newDeck = page.getByRole("form", { name: "New deck" });
  await newDeck.getByLabel("Title", { exact: true }).fill(`From Anki ${Date.now().toString(36)}`);
  await newDeck.getByRole("button", { name: "Create deck" }).click();
  const cards = Array.from(
    { length: 130 },
    (_, i) => `## Card ${i + 1} front {#c${i + 1}}\n\nkind: flashcard\n\nBack ${i + 1}\n`,
  ).join("\n");
  const paste = page.getByRole("form", { name: "Add cards from text or a file" });
  await paste.getByLabel("Cards (Markdown)").fill(cards);
  await paste.getByRole("button", { name: "Check and add" }).click();
  await expect(paste.getByText("Added 130 cards, updated 0, unchanged 0.")).toBeVisible();

  const list = page.getByRole("list", { name: "Cards" });
  await expect(page.getByText("Cards 1–100 of 130")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(100);
  await expect(list.getByText("Card 100 front", { exact: true })).toBeVisible();
  await expect(list.getByText("Card 101 front", { exact: true })).toHaveCount(0);
  await shoot(page, "paged");

  const pages = page.getByRole("navigation", { name: "Pages of cards" });
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByText("Cards 101–130 of 130")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(30);
  await expect(list.getByText("Card 130 front", { exact: true })).toBeVisible();
  await expect(pages.getByText("Page 2 of 2")).toBeVisible();
  await expect(pages.getByRole("link", { name: "Next →" })).toHaveCount(0);
  // Editing a card on the second page keeps the reader on that page.
  await list.getByRole("link", { name: "Edit “Card 120 front”" }).click();
  await expect(page).toHaveURL(/page=2&edit=c120/);
  await expect(page.getByText("Cards 101–130 of 130")).toBeVisible();
  await pages.getByRole("link", { name: "← Previous" }).click();
  await expect(page.getByText("Cards 1–100 of 130")).toBeVisible();
});
