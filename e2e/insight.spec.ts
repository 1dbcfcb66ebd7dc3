import { type Browser, expect, type Page, test } from "@playwright/test";
import { type Account, newAccount, STORAGE_STATE, signUp } from "./setup/accounts";
import { query, queryOne } from "./support/database";
import { answerWithKeyboard } from "./support/study";

// Class insight end to end: two new learners join an instructor's class; one studies three cards;
// both take a two-question quiz from the shipped launch-types bank, one right on both, one picking
// the bridge-mode distractor and True. The instructor sees the learners in the heatmap, opens the
// learner's drill-down with the quiz result, reads each question's facility, discrimination and
// distractor counts (with the misconception tag), and downloads the CSVs. A learner and another
// instructor are refused every page and file.

const BRIDGE_QUESTION = "Moving a bridge-mode task definition to Fargate";
const SCALING_QUESTION = "Service Auto Scaling and EC2 instances";

/** Grants the instructor role to an account, as `npm run user` would. */
async function grantInstructor(email: string): Promise<void> {
  const user = await queryOne<{ id: string }>('SELECT "id" FROM "User" WHERE "email" = ?', [email]);
  if (!user) throw new Error(`no account ${email}`);
  await query(`INSERT INTO "UserRole" ("userId", "role", "grantedAt") VALUES (?, 'instructor', ?)`, [
    user.id,
    new Date(),
  ]);
}

async function newPerson(browser: Browser, label: string): Promise<{ page: Page; account: Account }> {
  const page = await (await browser.newContext()).newPage();
  const account = newAccount(label);
  await signUp(page, account);
  return { page, account };
}

/** Joins the class and takes the quiz: `right` answers both questions correctly, otherwise both wrong. */
async function takeQuiz(page: Page, code: string, quizTitle: string, right: boolean) {
  await page.goto(`/join/${code}`);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page).toHaveURL(/\/quizzes\?joined=/);
  await page.getByRole("link", { name: quizTitle }).click();
  await page.getByRole("button", { name: "Start attempt" }).click();
  const runner = page.getByRole("region", { name: "Quiz attempt" });
  await expect(runner.getByRole("radio").first()).toBeVisible();
  const answer = async (name: RegExp) => {
    const option = runner.getByRole("radio", { name });
    if (!(await option.isVisible())) await runner.getByRole("button", { name: "Next" }).click();
    await option.check();
    await expect(runner.getByText("All answers saved")).toBeVisible();
  };
  await answer(right ? /to `?awsvpc`?; each task then gets its own ENI/ : /set every `?hostPort`? to 0/);
  await answer(right ? /^False$/ : /^True$/);
  await runner.getByRole("button", { name: "Review and submit" }).click();
  await runner.getByRole("button", { name: "Submit answers" }).click();
  await runner.getByRole("dialog").getByRole("button", { name: "Submit now" }).click();
  await expect(page.getByRole("heading", { name: `Results: ${quizTitle}` })).toBeVisible();
}

test("an instructor sees the class heatmap, a learner's drill-down and each question's statistics, and exports them", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const teacher = await (await browser.newContext({ storageState: STORAGE_STATE.instructor })).newPage();
  const stamp = Date.now().toString(36);
  const className = `Insight ${stamp}`;
  const quizTitle = `Fargate networking ${stamp}`;

  // The instructor's class and a two-question quiz.
  await teacher.goto("/classes");
  await teacher.getByLabel("Class name").fill(className);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: className, level: 1 })).toBeVisible();
  const classUrl = teacher.url();
  const classId = classUrl.split("/").pop() ?? "";
  const code = (await teacher.getByTestId("join-code").textContent())?.trim() ?? "";
  await teacher.getByRole("link", { name: "New quiz" }).click();
  await teacher.getByLabel("Quiz title").fill(quizTitle);
  for (const name of [BRIDGE_QUESTION, SCALING_QUESTION])
    await teacher.getByRole("checkbox", { name: new RegExp(name) }).check();
  await teacher.getByRole("button", { name: "Create quiz" }).click();
  await expect(teacher.getByRole("heading", { name: quizTitle })).toBeVisible();
  const quizId = teacher.url().match(/\/quizzes\/([^/]+)/)?.[1] ?? "";
  expect(quizId).not.toBe("");

  // Ann studies three cards, then gets both questions right; Bob never studies and gets both wrong.
  const ann = await newPerson(browser, "Insight Ann");
  await ann.page.goto("/study");
  const study = ann.page.getByRole("region", { name: "Study session" });
  for (let i = 0; i < 3; i += 1) {
    await answerWithKeyboard(ann.page);
    await expect(study.getByText(`Session progress: ${i + 1} of`)).toBeVisible();
  }
  await takeQuiz(ann.page, code, quizTitle, true);
  const bob = await newPerson(browser, "Insight Bob");
  await takeQuiz(bob.page, code, quizTitle, false);

  // The heatmap, reached from the class page.
  await teacher.goto(classUrl);
  await teacher.getByRole("link", { name: /^Class insight/ }).click();
  await expect(teacher.getByRole("heading", { name: `Insight: ${className}`, level: 1 })).toBeVisible();
  const heatmap = teacher.getByRole("table", { name: "Mastery heatmap" });
  const annRow = heatmap.getByRole("row", { name: new RegExp(ann.account.name) });
  const bobRow = heatmap.getByRole("row", { name: new RegExp(bob.account.name) });
  await expect(annRow).toBeVisible();
  await expect(bobRow).toBeVisible();
  const topics = (await heatmap.getByRole("columnheader").count()) - 1;
  expect(topics).toBeGreaterThan(0);
  await expect(bobRow.getByText("not studied")).toHaveCount(topics);
  const annCells = await annRow.getByRole("cell").allTextContents();
  const studiedPerTopic = annCells.map((t) => Number(t.match(/(\d+)\/\d+ cards/)?.[1] ?? 0));
  const studied = studiedPerTopic.reduce((s, n) => s + n, 0);
  expect(studied).toBeGreaterThan(0);
  for (const text of annCells.filter((t) => /cards/.test(t))) expect(text).toMatch(/^\d+%\d+% ≥ 21 d/);

  // Keyboard: the wide table's scroll box takes focus; light and dark themes: every shade (cells and
  // the colour key) keeps its text at 4.5:1 or more, and the shades differ from each other.
  await heatmap.locator("xpath=ancestor::section[1]").focus();
  await expect(teacher.getByRole("region", { name: "Mastery heatmap" })).toBeFocused();
  for (const colorScheme of ["light", "dark"] as const) {
    await teacher.emulateMedia({ colorScheme });
    const shades = await teacher.locator(".heat").evaluateAll((elements) => {
      const rgb = (value: string) => {
        const n = (value.match(/[\d.]+/g) ?? []).map(Number);
        return value.startsWith("color(") ? n.slice(0, 3).map((x) => x * 255) : n.slice(0, 3);
      };
      const luminance = (value: string) => {
        const [r, g, b] = rgb(value).map((c) => {
          const x = c / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
      };
      return elements.map((element) => {
        const style = getComputedStyle(element);
        const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
        return { background: style.backgroundColor, contrast: ((a ?? 0) + 0.05) / ((b ?? 0) + 0.05) };
      });
    });
    for (const shade of shades)
      expect(shade.contrast, `${colorScheme} ${shade.background}`).toBeGreaterThanOrEqual(4.5);
    expect(new Set(shades.map((s) => s.background)).size).toBeGreaterThanOrEqual(6);
  }
  await teacher.emulateMedia({ colorScheme: null });

  // Ann's drill-down: her own dashboard's numbers and her quiz result.
  await annRow.getByRole("link", { name: ann.account.name }).click();
  await expect(teacher.getByRole("heading", { name: ann.account.name, level: 1 })).toBeVisible();
  const totals = teacher.locator("dl[aria-label='Study totals']");
  await expect(totals.getByText("Total reviews").locator("xpath=following-sibling::dd")).toHaveText("3");
  await expect(totals.getByText("Cards studied").locator("xpath=following-sibling::dd")).toHaveText(
    new RegExp(`^${studied} / \\d+$`),
  );
  const results = teacher.getByRole("table", { name: "Quiz results" });
  await expect(results.getByRole("row", { name: new RegExp(quizTitle) })).toContainText("100%");
  await expect(results.getByRole("row", { name: new RegExp(quizTitle) })).toContainText("Passed");

  // Question statistics, reached from the quiz's settings page.
  await teacher.goto(`/quizzes/${quizId}/manage`);
  await teacher.getByRole("link", { name: "Question statistics" }).click();
  await expect(teacher.getByRole("heading", { name: `Question statistics: ${quizTitle}` })).toBeVisible();
  await expect(teacher.getByText("2 learners counted")).toBeVisible();
  const summary = teacher.getByRole("table", { name: "Question statistics" });
  for (const name of [BRIDGE_QUESTION, SCALING_QUESTION]) {
    const row = summary.getByRole("row", { name: new RegExp(name) });
    // 2 attempts; 1 right → facility 50%; upper group Ann (right), lower group Bob (wrong) → D = 1.00.
    await expect(row.getByRole("cell")).toHaveText(["2", "50%", "1.00", "1.00", "n too small (2 of 10)"]);
  }
  const distractors = teacher.getByRole("table", { name: `Options chosen: ${BRIDGE_QUESTION}` });
  await expect(
    distractors.getByRole("row", { name: /set every hostPort to 0/ }).getByRole("cell"),
  ).toHaveText(["wrong", "bridge-on-fargate", "1", "50%", "0%", "100%"]);
  await expect(distractors.getByRole("row", { name: /to awsvpc/ }).getByRole("cell")).toHaveText([
    "right",
    "–",
    "1",
    "50%",
    "100%",
    "0%",
  ]);
  await expect(
    distractors
      .getByRole("row", { name: /remove EC2/ })
      .getByRole("cell")
      .nth(2),
  ).toHaveText("0");

  // The exports.
  const statsCsv = await teacher.request.get(`/quizzes/${quizId}/stats/questions.csv`);
  expect(statsCsv.status()).toBe(200);
  expect(statsCsv.headers()["content-type"]).toContain("text/csv");
  const statsText = await statsCsv.text();
  expect(statsText).toContain(
    `"lt-fargate-bridge-to-awsvpc","${BRIDGE_QUESTION}","launch-types","single",2,1,0,0.5,1,1,"no",""`,
  );
  expect(statsText).toMatch(
    /"B","Keep bridge and set every hostPort to 0[^"]*","no","bridge-on-fargate",1,0\.5,0,1\r\n/,
  );
  const heatCsv = await teacher.request.get(`/classes/${classId}/insight/heatmap.csv`);
  expect(heatCsv.status()).toBe(200);
  const heatLines = (await heatCsv.text()).split("\r\n");
  const annLines = heatLines.filter((l) => l.startsWith(`"${ann.account.name}","${ann.account.email}",`));
  expect(annLines).toHaveLength(topics);
  expect(annLines.reduce((s, l) => s + Number(l.split(",")[4]), 0)).toBe(studied);
  expect(
    heatLines.filter((l) => l.startsWith(`"${bob.account.name}",`) && l.endsWith(",0,0,0")),
  ).toHaveLength(topics);
  expect((await teacher.request.get(`/classes/${classId}/insight/reports.csv`)).status()).toBe(200);

  // Refused: a learner of the class, and another instructor.
  const rival = await newPerson(browser, "Insight Rival");
  await grantInstructor(rival.account.email);
  await teacher.goto(`/classes/${classId}/insight`);
  const drillHref = (await annRow.getByRole("link", { name: ann.account.name }).getAttribute("href")) ?? "";
  expect(drillHref).toMatch(/\/learners\//);
  for (const person of [ann, rival]) {
    for (const path of [`/classes/${classId}/insight`, drillHref, `/quizzes/${quizId}/stats`]) {
      await person.page.goto(path);
      await expect(person.page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(person.page.getByText(bob.account.name)).toHaveCount(0);
    }
    for (const path of [
      `/classes/${classId}/insight/heatmap.csv`,
      `/classes/${classId}/insight/reports.csv`,
      `/quizzes/${quizId}/stats/questions.csv`,
    ]) {
      const response = await person.page.request.get(path);
      expect(response.status(), `${path} as ${person.account.name}`).toBe(404);
      expect(await response.text()).not.toContain(bob.account.email);
    }
  }
});
