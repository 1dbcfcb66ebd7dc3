import { describe, expect, it } from "vitest";
import { checkBanks } from "./check";
import { checkAnswer } from "./check-answer";
import { answerKeyWithTranslations, localizeQuestion } from "./localize";
import type { Question } from "./schema";

const DOC = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html";
const KO_DOC = DOC.replace("aws.amazon.com/", "aws.amazon.com/ko_kr/");

const ENGLISH = `---
id: loc
title: Localize
topic: networking
---

## Which network mode must a Fargate task use? {#loc-mode}

kind: single

A team moves an API to Fargate. Which network mode must it use?

- [ ] bridge
  - why: Fargate supports only awsvpc.
- [x] awsvpc

### Explanation

Every Fargate task gets its own network interface.

### References

- ${DOC}

## The NFS port {#loc-port}

kind: typed

Which TCP port does the mount target allow?

### Answer

- 2049

## EFS on Fargate {#loc-cloze}

kind: cloze

EFS on Fargate needs platform version {{c1::1.4.0}} at least.
`;

const KOREAN = `---
translates: loc
language: ko
title: 현지화
---

## Fargate 태스크는 어떤 네트워크 모드를 사용해야 하나요? {#loc-mode}

한 팀이 API를 Fargate로 옮깁니다. 어떤 네트워크 모드를 사용해야 하나요?

- [ ] bridge
  - why: Fargate는 awsvpc만 지원합니다.
- [x] awsvpc

### Explanation

모든 Fargate 태스크는 자체 네트워크 인터페이스를 받습니다.

### References

- ${KO_DOC}

## NFS 포트 {#loc-port}

kind: typed

탑재 대상은 어떤 TCP 포트를 허용해야 하나요?

### Answer

- 2049
- 이천사십구

## Fargate의 EFS {#loc-cloze}

kind: cloze

Fargate의 EFS에는 최소 플랫폼 버전 {{c1::1.4.0}}이 필요합니다.
`;

function translated(): Question[] {
  const { banks, findings } = checkBanks([
    { file: "c/loc.md", text: ENGLISH },
    { file: "c/loc.ko.md", text: KOREAN },
  ]);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  return banks[0]?.questions ?? [];
}

const byId = (questions: Question[], id: string) => {
  const q = questions.find((x) => x.id === id);
  if (!q) throw new Error(`no ${id}`);
  return q;
};

describe("localizeQuestion", () => {
  it("shows a Korean learner the Korean text, with the same keys, order and answers, and the English original", () => {
    const q = byId(translated(), "loc-mode");
    const { question, lang, original } = localizeQuestion(q, q.translations, "ko");
    expect(lang).toBe("ko");
    expect(original).toBe(q);
    expect(question.title).toBe("Fargate 태스크는 어떤 네트워크 모드를 사용해야 하나요?");
    expect(question.stem).toContain("한 팀이 API를");
    expect(question.options.map((o) => [o.key, o.correct])).toEqual(q.options.map((o) => [o.key, o.correct]));
    expect(question.options[0]?.rationale).toBe("Fargate는 awsvpc만 지원합니다.");
    expect(question.explanation).toContain("자체 네트워크 인터페이스");
    expect(question.references).toEqual([KO_DOC, DOC]);
    expect(question.id).toBe(q.id);
    // The English question is untouched.
    expect(q.title).toBe("Which network mode must a Fargate task use?");
  });

  it("shows an English learner the English question, and falls back to English without a translation", () => {
    const q = byId(translated(), "loc-mode");
    expect(localizeQuestion(q, q.translations, "en")).toEqual({ question: q, lang: "en", original: null });
    expect(localizeQuestion(q, undefined, "ko")).toEqual({ question: q, lang: "en", original: null });
    expect(localizeQuestion(q, {}, "ko").lang).toBe("en");
  });

  it("does not show a translation that no longer fits the question (other option keys)", () => {
    const q = byId(translated(), "loc-mode");
    const edited = { ...q, options: [...q.options, { key: "C", text: "host", correct: false }] };
    expect(localizeQuestion(edited, q.translations, "ko")).toEqual({
      question: edited,
      lang: "en",
      original: null,
    });
  });

  it("accepts a typed answer in Korean, for a Korean learner and in grading", () => {
    const q = byId(translated(), "loc-port");
    const { question } = localizeQuestion(q, q.translations, "ko");
    expect(question.accepted).toEqual(["2049", "이천사십구"]);
    expect(checkAnswer(q, { kind: "typed", text: "이천사십구" }).isCorrect).toBe(false);
    const key = answerKeyWithTranslations(q, q.translations);
    expect(checkAnswer(key, { kind: "typed", text: " 이천사십구 " }).isCorrect).toBe(true);
    expect(checkAnswer(key, { kind: "typed", text: "2049" }).isCorrect).toBe(true);
    expect(checkAnswer(key, { kind: "typed", text: "2050" }).isCorrect).toBe(false);
  });

  it("shows a cloze card in Korean with the same deletions", () => {
    const q = byId(translated(), "loc-cloze");
    const { question } = localizeQuestion(q, q.translations, "ko");
    expect(question.cloze).toBe("Fargate의 EFS에는 최소 플랫폼 버전 {{c1::1.4.0}}이 필요합니다.");
    const renumbered = { ...q, cloze: "EFS on Fargate needs {{c2::1.4.0}}." };
    expect(localizeQuestion(renumbered, q.translations, "ko").lang).toBe("en");
  });
});
