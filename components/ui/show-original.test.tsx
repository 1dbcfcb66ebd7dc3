import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { beforeAnswer, ShowOriginal } from "./show-original";

const ORIGINAL = {
  titleHtml: "<p>Which network mode must a Fargate task use?</p>",
  stemHtml: "<p>Pick the network mode.</p>",
  options: [
    { key: "o1", html: "<p>bridge</p>", rationaleHtml: "<p>Fargate supports only awsvpc.</p>" },
    { key: "o2", html: "<p>awsvpc</p>", rationaleHtml: null },
  ],
  explanationHtml: "<p>Every task gets its own ENI.</p>",
};

describe("ShowOriginal", () => {
  it("reveals the English original in place, marked as English, under a Korean label", () => {
    const html = renderToStaticMarkup(<ShowOriginal original={ORIGINAL} lang="ko" />);
    expect(html).toMatch(/^<details class="show-original"><summary>영어 원문 보기<\/summary><div lang="en"/);
    expect(html).toContain("Which network mode must a Fargate task use?");
    expect(html).toContain("Fargate supports only awsvpc.");
    expect(html.indexOf("bridge")).toBeLessThan(html.indexOf("awsvpc</p>"));
    expect(html).toContain("Every task gets its own ENI.");
    // Closed until the learner opens it.
    expect(html).not.toContain("<details open");
  });

  it("takes its label as a prop and draws nothing for text that was not translated", () => {
    expect(renderToStaticMarkup(<ShowOriginal original={ORIGINAL} lang="ko" label="원문" />)).toContain(
      "<summary>원문</summary>",
    );
    expect(renderToStaticMarkup(<ShowOriginal original={null} lang="en" />)).toBe("");
  });

  it("before an answer, reveals the question's English text but no rationale, back or explanation", () => {
    const html = renderToStaticMarkup(
      <ShowOriginal
        original={beforeAnswer({ ...ORIGINAL, answerHtml: "<p>The task role.</p>" })}
        lang="ko"
      />,
    );
    expect(html).toContain("Pick the network mode.");
    expect(html).toContain("bridge");
    expect(html).not.toMatch(/supports only|its own ENI|The task role/);
  });
});
