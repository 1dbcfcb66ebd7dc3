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
  if (process.env.SIM_SHOTS) await page.screenshot({ path: `/tmp/s7/shots/${name}.png`, fullPage: true });
};

// A Fargate service behind a Classic Load Balancer: R32 denies it, with a long Korean title.
const CLB = `
taskDefinition: { family: web, requiresCompatibilities: [FARGATE], cpu: 256, memory: 512, containers: [{ name: web, portMappings: [80] }] }
service: { name: web, desiredCount: 2, loadBalancers: [{ type: CLB }] }
`;

test.describe("ECS simulator in Korean", () => {
  test("a rule's badge stays on its title's last line at 375 px", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(scenarioUrl(CLB));
    const rule = page.getByRole("region", { name: "판정" }).getByRole("listitem").filter({ hasText: "R32" });
    await expect(rule).toContainText("Classic Load Balancer는 쓸 수 없습니다");
    await rule.scrollIntoViewIfNeeded();
    await shot(page, "simulator-ko-r32-375");
    const title = await rule.locator(".sim-rule__title").boundingBox();
    const badge = await rule.getByText("거부", { exact: true }).boundingBox();
    if (!title || !badge) throw new Error("the rule's title or badge is not shown");
    // After the title's last word, on its line, not alone at the start of a line below it.
    expect(badge.x).toBeGreaterThan(title.x + 40);
    expect(badge.y + badge.height).toBeGreaterThan(title.y + title.height - 30);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("a link with an invalid scenario is explained in Korean, hint included", async ({ page }) => {
    await page.goto(
      scenarioUrl(
        "taskDefinition: { family: api, cpu: 256, memory: 512 }\nservice: { taskDefinition: apj }\n",
      ),
    );
    const alert = page.getByRole("alert").filter({ hasText: "기본 시나리오" });
    await expect(alert).toContainText("링크의 시나리오가 올바르지 않아 기본 시나리오를 표시합니다.");
    await expect(alert).toContainText(
      '태스크 정의 "apj"가 정의되어 있지 않습니다 ("api"를 쓰려고 하셨나요?)',
    );
    await expect(alert).not.toContainText("is not defined");
  });

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
