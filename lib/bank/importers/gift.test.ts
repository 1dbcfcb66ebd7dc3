import { describe, expect, it } from "vitest";
import { importFixture } from "@/lib/testing/bank-import-fixture";
import { importBank } from ".";

describe("GIFT importer", () => {
  const { result, bank } = importFixture("ecs.gift");
  const byId = (id: string) => bank.questions.find((q) => q.id === id);

  it("reads =right ~wrong answers with feedback as rationale and #### as explanation", () => {
    expect(result.format).toBe("gift");
    expect(byId("q1")).toMatchObject({
      kind: "single",
      title: "Which role gives containers their S3 credentials?",
      explanation: "The task role is assumed by ecs-tasks.amazonaws.com.",
      tags: ["aws/ecs"],
    });
    expect(byId("q1")?.options.map((o) => [o.text, o.correct, o.rationale])).toEqual([
      ["Task role", true, "The application's own permissions"],
      ["Task execution role", false, "Used by the agent for image pulls and logs"],
    ]);
  });

  it("reads TRUE/FALSE, %weights%, numeric and short answers, and missing-word questions", () => {
    expect(byId("q2")).toMatchObject({ kind: "true-false", answer: true });
    expect(byId("q3")?.options.map((o) => [o.text, o.correct])).toEqual([
      ["EFS", true],
      ["bind mount", true],
      ["S3 bucket", false],
    ]);
    expect(byId("q3")?.kind).toBe("multiple");
    expect(byId("q4")).toMatchObject({ kind: "typed", accepted: ["2049"] });
    expect(byId("q5")).toMatchObject({ kind: "single", title: "Use _____ mode on Fargate." });
  });

  it("unescapes \\: \\# \\= \\{ \\} \\~", () => {
    expect(byId("q7")).toMatchObject({
      kind: "typed",
      title: "Short name of the port-mapping mode {awsvpc}: = and ~ escaped?",
      accepted: ["awsvpc", "aws vpc"],
    });
  });

  it("reports essays, matching and tolerances as dropped, with their lines", () => {
    expect(result.dropped).toEqual([
      { line: 18, reason: "Essay question ({}) not supported: there is no answer to check" },
      { line: 22, reason: "Tolerance ±5 on 2049 dropped: typed answers match exactly" },
      { line: 24, reason: "Matching question (->) not supported" },
    ]);
    expect(byId("q6")).toBeUndefined();
  });

  it("converts [html] text and feedback to Markdown", () => {
    const r = importBank("::H:: [html]<p>Is <b>awsvpc</b> required?</p> {TRUE#<i>no</i>#yes}", {
      file: "h.gift",
    });
    expect(r.markdown).toContain("## Is **awsvpc** required? {#h}");
    expect(r.markdown).toContain("  - why: yes");
  });
});
