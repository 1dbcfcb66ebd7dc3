import { expect, type Locator, type Page, test } from "@playwright/test";

// The simulator in Korean (#20): the verdict, the rule that decided it and the event lines come
// from the sim catalog; the keyboard still drives the timeline; the header switch changes the
// language of the same scenario without losing it.
test.use({ locale: "ko-KR" });

/** Presses Tab until `target` has focus: proves it is reachable with the keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} with Tab in ${max} presses`);
}

const scenarioUrl = (yaml: string) => `/simulator?s=${Buffer.from(yaml, "utf8").toString("base64url")}`;

// One m5.large (8192 MiB) holds two 3000 MiB tasks; the third stays PENDING (R03).
const PENDING = `
instances: [{ count: 1, type: m5.large }]
taskDefinition: { family: web, containers: [{ memory: 3000 }] }
service: { name: web, desiredCount: 3 }
`;
// Two instances hold all three.
const PLACED = PENDING.replace("count: 1", "count: 2");

const shot = async (page: Page, name: string) => {
  if (process.env.SIM_SHOTS) await page.screenshot({ path: `/tmp/s6/shots/${name}.png`, fullPage: true });
};

test.describe("ECS simulator in Korean", () => {
  test("a task left PENDING: Korean verdict, deciding rule and event lines", async ({ page }) => {
    await page.goto(scenarioUrl(PENDING));
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("heading", { level: 1, name: "ECS 시뮬레이터" })).toBeVisible();

    const verdict = page.getByRole("region", { name: "판정" });
    await expect(verdict).toContainText("판정: 부분: 수락되었지만 모두 이루어지지는 않았습니다");
    await expect(verdict).toContainText("태스크 3개 중 2개 실행 중. 태스크 t-3: PENDING 상태로 남음.");
    await expect(verdict).toContainText("여유 메모리가 3000MiB인 인스턴스가 없습니다 (R03)");
    await expect(
      verdict.getByText("배치는 리소스, 배치 제약 조건, 배치 전략 순으로 거릅니다").first(),
    ).toBeVisible();
    await expect(verdict.getByRole("link", { name: /AWS 페이지 R03 관련/ })).toHaveAttribute(
      "href",
      /^https:\/\/docs\.aws\.amazon\.com\//,
    );
    await expect(verdict).not.toContainText("Verdict");

    // The view opens on the last moment (t-1 and t-2 RUNNING); the PENDING line is a few moments back.
    const timeline = page.getByRole("group", { name: "타임라인" });
    for (let i = 0; i < 5; i++) {
      if ((await timeline.textContent())?.includes("t-3: PENDING 상태로 남음.")) break;
      await page.getByRole("button", { name: "이전 단계" }).click();
    }
    await expect(page.getByRole("list", { name: "이 순간의 이벤트" })).toContainText(
      "t-3: PENDING 상태로 남음. 여유 메모리가 3000MiB인 인스턴스가 없습니다",
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot(page, "simulator-ko-1280");
    await page.setViewportSize({ width: 375, height: 800 });
    await shot(page, "simulator-ko-375");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("every task placed; the keyboard steps the timeline; English and back keep the scenario", async ({
    page,
  }) => {
    await page.goto(scenarioUrl(PLACED));
    const verdict = page.getByRole("region", { name: "판정" });
    await expect(verdict).toContainText("판정: 정상: 동작합니다");
    await expect(verdict).toContainText("태스크 3개가 인스턴스 2개, AZ 2개에서 RUNNING");
    await expect(
      verdict.getByText("인스턴스가 등록하려면 컨테이너 인스턴스 역할이 필요합니다"),
    ).toBeVisible();
    // R09 (spread over AZs) applied too; it waits behind the "more rules" disclosure.
    await verdict.getByText(/적용된 규칙 \d+개 더 보기/).click();
    await expect(
      verdict.getByText("서비스는 따로 지정하지 않으면 가용 영역에 고르게 분산됩니다"),
    ).toBeVisible();

    // Keyboard: step back one moment with Enter; the live region says where we are, in Korean.
    const now = page.locator(".sim-timeline__now");
    const before = await now.textContent();
    const back = page.getByRole("button", { name: "이전 단계" });
    await tabTo(page, back);
    await page.keyboard.press("Enter");
    await expect(now).not.toHaveText(before ?? "");
    await expect(now).toContainText(/개 중 \d+번째 순간/);
    const forward = page.getByRole("button", { name: "다음 단계" });
    await forward.focus();
    await page.keyboard.press("Enter");
    await expect(now).toHaveText(before ?? "");
    await expect(page.getByRole("list", { name: "이 순간의 이벤트" })).toContainText(/t-\d RUNNING: i-\d/);

    // The header switch: English, then Korean again, on the same scenario.
    await page.getByRole("button", { name: "영어로 보기 — English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const english = page.getByRole("region", { name: "Verdict" });
    await expect(english).toContainText("Verdict: OK: it works");
    await expect(english).toContainText("3 tasks RUNNING on 2 instances across 2 AZs");
    await page.getByRole("button", { name: "View in Korean — 한국어" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByRole("region", { name: "판정" })).toContainText(
      "태스크 3개가 인스턴스 2개, AZ 2개에서 RUNNING",
    );
  });
});
