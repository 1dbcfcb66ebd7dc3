import { describe, expect, it } from "vitest";
import { englishNeedles, englishRuns, englishTopics } from "./english-leftovers";

// The walk's judge must be able to fail: an English catalog message or a run of English words
// is found; Korean text, AWS names and short English names pass.

describe("the Korean walk's English finder", () => {
  const needles = englishNeedles();
  const hit = (text: string) => needles.filter((n) => n.pattern.test(text)).map((n) => n.key);

  it("finds an English catalog message whole, arguments and tags filled in", () => {
    expect(hit("Skip to content")).toContain("common.skipToContent");
    expect(hit("3 cards due now.")).toContain("today.summary.due");
    expect(hit("New to Taskdeck? Create an account")).toContain("auth.signIn.newHere");
    expect(hit("본문으로 건너뛰기")).toEqual([]);
  });

  it("does not take a template that is mostly arguments for English", () => {
    // teach.refusal.both is "{mine} and {others}"; progress.chart.target is "Target {target}".
    expect(hit("Mastery by learner and topic")).not.toContain("teach.refusal.both");
    expect(hit("Target group web-tg")).not.toContain("progress.chart.target");
  });

  it("counts English words outside AWS names", () => {
    expect(englishRuns("Continue studying now please")).toEqual(["Continue studying now please"]);
    expect(englishRuns("Amazon ECS와 AWS Fargate로 태스크를 실행합니다")).toEqual([]);
    expect(englishRuns("Application Load Balancer 대상 그룹")).toEqual([]);
    // Names from the simulator's rules and the shipped banks' Korean text (the walk of 2026-12-07).
    expect(englishRuns("Classic Load Balancer는 awsvpc를 쓸 수 없습니다")).toEqual([]);
    expect(englishRuns("FSx for Windows File Server와 FSx for Lustre")).toEqual([]);
    expect(englishRuns("퍼블릭 이미지(ECR Public nginx)")).toEqual([]);
    expect(englishRuns("ECS Service Auto Scaling 정책 유형")).toEqual([]);
    // A name inside a longer English run leaves the run's other words to be judged.
    expect(englishRuns("Scale the service with Service Auto Scaling today please")).toEqual([
      "Scale the service with",
    ]);
    expect(englishRuns("Lee Learner 님")).toEqual([]);
    expect(englishRuns("Sweep deck abc 카드", ["Sweep deck abc"])).toEqual([]);
  });

  it("takes out text the page marks English, but still judges the words around it", () => {
    // An untranslated option repeated in a Korean button's label (the walk passes the page's
    // lang="en" texts as allowed names).
    const option = "Put the task in a public subnet";
    expect(englishRuns(`“${option}” 위로 이동`, [option])).toEqual([]);
    expect(englishRuns(`Please move this “${option}” up`, [option])).toEqual(["Please move this"]);
  });

  it("finds a topic's English name, one or two words, where the Korean page names it in Korean", () => {
    expect(englishTopics("Cluster placement (36)")).toEqual(["Cluster placement"]);
    expect(englishTopics("Storage")).toEqual(["Storage"]);
    expect(englishTopics("주제 Launch types의 문제 3개")).toEqual(["Launch types"]);
    expect(englishTopics("클러스터와 태스크 배치 (36)")).toEqual([]);
    // IAM reads the same in Korean; the glossary's lower-case term in parentheses is Korean style.
    expect(englishTopics("IAM")).toEqual([]);
    expect(englishTopics("시작 유형(launch type)과 임시 스토리지(ephemeral storage)")).toEqual([]);
    // A word that only begins with a topic's name is another word; text the page marks English passes.
    expect(englishTopics("Storages")).toEqual([]);
    expect(englishTopics("“Storage for tasks” 위로 이동", ["Storage for tasks"])).toEqual([]);
  });
});
