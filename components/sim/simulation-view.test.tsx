import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup as renderMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locale";
import { parseScenario, runScenario } from "@/lib/sim";
import AnswerSimulation from "./answer-simulation";
import { SimulationView } from "./simulation-view";

/** Renders inside the catalogs of a language, as the root layout's provider does. */
function renderToStaticMarkup(node: ReactNode, locale: Locale = "en"): string {
  return renderMarkup(
    <NextIntlClientProvider locale={locale} messages={CATALOGS[locale]} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );
}

function render(yaml: string, locale: Locale = "en"): string {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return renderToStaticMarkup(
    <SimulationView scenario={parsed.scenario} result={runScenario(parsed.scenario)} />,
    locale,
  );
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const CLB = `
taskDefinition: { family: web, cpu: 256, memory: 512, containers: [{ portMappings: [80] }] }
service: { name: web, desiredCount: 2, loadBalancers: [{ type: CLB }] }
`;

describe("SimulationView", () => {
  it("shows the refusal in words, with the deciding rules and their AWS pages", () => {
    const html = render(CLB);
    expect(html).toContain('data-status="error"');
    expect(text(html)).toContain("Verdict: Error: refused or failed");
    expect(html).toMatch(
      /href="https:\/\/docs\.aws\.amazon\.com\/[^"]+aws-properties-ecs-service-loadbalancer\.html"/,
    );
    expect(text(html)).toMatch(
      /R32 awsvpc and Fargate targets need target type ip; no Classic Load Balancer ✕? ?denied/,
    );
    expect(text(html)).toContain("AWS page for R32 (opens in a new tab)");
    expect(text(html)).toMatch(/CLB web-clb for service web: refused \(R32\)/);
  });

  it("speaks Korean: the verdict, the deciding rule's title and detail, and the event lines", () => {
    const html = text(render(CLB, "ko"));
    expect(html).toContain("판정: 오류: 거부되었거나 실패했습니다");
    expect(html).toMatch(
      /R32 awsvpc와 Fargate 대상에는 대상 유형 ip가 필요하며 Classic Load Balancer는 쓸 수 없습니다 ✕? ?거부/,
    );
    expect(html).toContain("Classic Load Balancer는 Fargate 태스크를 지원하지 않습니다");
    expect(html).not.toContain("Verdict: Error");
  });

  it("draws each task as a focusable button named by its id and state, with one tab stop", () => {
    const html = render(`
instances: [{ count: 2, type: m5.large }]
taskDefinition: { containers: [{ memory: 4096 }] }
service: { desiredCount: 5 }
`);
    const chips = html.match(/<button[^>]*data-task-id="[^"]+"[^>]*>.*?<\/button>/g) ?? [];
    expect(chips).toHaveLength(5);
    expect(chips.filter((c) => c.includes('tabindex="0"'))).toHaveLength(1);
    expect(chips.find((c) => c.includes('data-task-id="t-5"'))).toContain('aria-label="t-5, Pending"');
    expect(html).toContain("Agent registered in default");
    expect(html).toContain("Instance profile ecsInstanceRole");
  });

  it("has the timeline's buttons, its slider on the final moment, and the text description", () => {
    const html = render(CLB);
    for (const name of ["Step back", "Play", "Step forward"]) expect(text(html)).toContain(name);
    expect(html).toMatch(/<input[^>]*type="range"[^>]*max="(\d+)"[^>]*value="\1"/);
    expect(html).toContain("<summary>Describe in text</summary>");
  });

  it("draws a failed mount as a broken line with the word failed", () => {
    const html = render(`
instances: [{ type: m5.large }]
roles: { app: [s3:GetObject] }
taskDefinition:
  taskRoleArn: app
  containers: [{ memory: 512, mountPoints: [{ sourceVolume: e, containerPath: /e }] }]
  volumes: [{ name: e, type: efs, iamAuthorization: ENABLED, transitEncryption: ENABLED }]
`);
    expect(html).toMatch(
      /class="sim-mount" data-status="failed"><span class="sim-mount__line" aria-hidden="true"><\/span>/,
    );
    expect(text(html)).toMatch(
      /failed in t-1\/app at \/e: the task role app .*elasticfilesystem:ClientMount/,
    );
  });
});

describe("AnswerSimulation", () => {
  const question = {
    sim: { yaml: CLB },
    options: [
      { key: "A", text: "A Classic Load Balancer", correct: false, sim: { yaml: CLB } },
      {
        key: "B",
        text: "An Application Load Balancer",
        correct: true,
        sim: { yaml: CLB.replace("type: CLB", "type: ALB") },
      },
    ],
  };

  it("offers a radio per scenario, opens the learner's choice and marks the correct one", () => {
    const html = renderToStaticMarkup(<AnswerSimulation question={question} chosenKeys={["B"]} />);
    expect(text(html)).toContain("What if I had chosen…");
    expect(html.match(/type="radio"/g)).toHaveLength(3);
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="option-B"/);
    expect(html.match(/checked=""/g)).toHaveLength(1);
    expect(text(html)).toMatch(/B\. An Application Load Balancer correct answer your answer/);
    expect(html).toContain('data-status="ok"');
  });

  it("explains a scenario it cannot read instead of failing", () => {
    const html = renderToStaticMarkup(
      <AnswerSimulation question={{ sim: { yaml: "service: { desiredCont: 2 }" } }} />,
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toMatch(/Line 1, column \d+: .*desiredCont/);
    expect(html).not.toContain("What if I had chosen");
  });
});
