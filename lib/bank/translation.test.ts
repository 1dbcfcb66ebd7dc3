import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBanks } from "./check";
import { parseTranslation } from "./parse-translation";
import { TRANSLATION_CODES, type TranslationCode } from "./translation-codes";
import {
  isProse,
  isTranslationInput,
  itemTranslationSchema,
  koreanDocsUrl,
  translationFileOf,
} from "./translation-schema";

const DOC = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html";
const KO_DOC =
  "https://docs.aws.amazon.com/ko_kr/AmazonECS/latest/developerguide/task_execution_IAM_role.html";

const ENGLISH = [
  "---",
  "id: t-iam",
  "title: IAM",
  "topic: iam",
  "---",
  "",
  "## Which role pulls the image? {#t-pull}",
  "",
  "kind: single",
  "",
  "A Fargate task pulls a private image from Amazon ECR.",
  "",
  "- [ ] The task role",
  "  - why: The task role is for the application code.",
  "  - misconception: task-role-pulls",
  "- [x] The task execution role",
  "",
  "### Explanation",
  "",
  "The agent pulls images with the task execution role.",
  "",
  "### References",
  "",
  `- ${DOC}`,
  "",
  "## The execution role ships awslogs logs {#t-tf}",
  "",
  "kind: true-false",
  "",
  "- [x] True",
  "- [ ] False",
  "",
  "### Explanation",
  "",
  "It also reads secrets for the agent.",
  "",
  "## Default NFS port {#t-port}",
  "",
  "kind: typed",
  "",
  "Which TCP port does the mount target allow?",
  "",
  "### Answer",
  "",
  "- 2049",
  "- tcp 2049",
  "",
  "## Order a rolling deployment {#t-order}",
  "",
  "kind: ordering",
  "",
  "1. Register a new revision",
  "2. Update the service",
  "",
  "## Fargate and EFS {#t-cloze}",
  "",
  "kind: cloze",
  "",
  "EFS needs platform version {{c1::1.4.0}} and port {{c2::2049}} open.",
  "",
  "## Cards",
  "",
  "kind: flashcards",
  "",
  "- Which role signs the application's calls :: The task role {#t-card}",
  "- Trust principal of a task role ::: `ecs-tasks.amazonaws.com` {#t-trust}",
  "",
].join("\n");

const KOREAN = [
  "---",
  "translates: t-iam",
  "language: ko",
  "title: IAM 역할",
  "---",
  "",
  "## 어떤 역할이 이미지를 가져오나요? {#t-pull}",
  "",
  "Fargate 태스크가 Amazon ECR의 프라이빗 이미지를 가져옵니다.",
  "",
  "- [ ] 태스크 역할(task role)",
  "  - why: 태스크 역할은 애플리케이션 코드가 사용합니다.",
  "- [x] 태스크 실행 역할(task execution role)",
  "",
  "### Explanation",
  "",
  "에이전트는 태스크 실행 역할로 이미지를 가져옵니다.",
  "",
  "### References",
  "",
  `- ${KO_DOC}`,
  "",
  "## 실행 역할은 awslogs 로그를 전송합니다 {#t-tf}",
  "",
  "kind: true-false",
  "",
  "- [x] True",
  "- [ ] False",
  "",
  "### Explanation",
  "",
  "에이전트를 위해 시크릿도 읽습니다.",
  "",
  "## 기본 NFS 포트 {#t-port}",
  "",
  "kind: typed",
  "",
  "탑재 대상은 어떤 TCP 포트를 허용해야 하나요?",
  "",
  "### Answer",
  "",
  "- 2049",
  "- tcp 2049",
  "- TCP 2049번",
  "",
  "## 롤링 배포 순서 {#t-order}",
  "",
  "kind: ordering",
  "",
  "1. 새 개정을 등록합니다",
  "2. 서비스를 업데이트합니다",
  "",
  "## Fargate와 EFS {#t-cloze}",
  "",
  "kind: cloze",
  "",
  "EFS에는 플랫폼 버전 {{c1::1.4.0}}과 열린 포트 {{c2::2049}}가 필요합니다.",
  "",
  "## 카드",
  "",
  "kind: flashcards",
  "",
  "- 애플리케이션의 호출에 서명하는 역할 :: 태스크 역할 {#t-card}",
  "- 태스크 역할의 신뢰 주체 ::: `ecs-tasks.amazonaws.com` {#t-trust}",
  "",
].join("\n");

/** The findings about translations (the small English fixture has style warnings of its own). */
const translationFindings = <F extends { code: string }>(findings: F[]) =>
  findings.filter((f) => f.code in TRANSLATION_CODES);

function check(korean: string | null, english = ENGLISH) {
  const inputs = [{ file: "c/iam.md", text: english }];
  if (korean !== null) inputs.push({ file: "c/iam.ko.md", text: korean });
  const result = checkBanks(inputs);
  return { ...result, findings: translationFindings(result.findings), all: result.findings };
}

/** The line (1-based) of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.split("\n").findIndex((l) => l.includes(needle));
  if (at < 0) throw new Error(`"${needle}" not found`);
  return at + 1;
}

const only = (findings: Array<{ code: string; line: number; file: string }>, code: string) =>
  findings.filter((f) => f.code === code).map((f) => `${f.file}:${f.line}`);

describe("translations beside a bank", () => {
  it("attaches a clean Korean translation to every question and card, with no finding", () => {
    const { banks, findings, all, summary } = check(KOREAN);
    expect(findings).toEqual([]);
    expect(all.filter((f) => f.file === "c/iam.ko.md")).toEqual([]);
    expect(summary.banks).toBe(1);
    const questions = banks[0]?.questions ?? [];
    expect(questions.map((q) => q.translations?.ko?.id)).toEqual(questions.map((q) => q.id));
    const pull = questions[0]?.translations?.ko;
    expect(pull?.stem).toBe("Fargate 태스크가 Amazon ECR의 프라이빗 이미지를 가져옵니다.");
    expect(pull?.options.map((o) => o.key)).toEqual(["A", "B"]);
    expect(pull?.options[0]?.rationale).toBe("태스크 역할은 애플리케이션 코드가 사용합니다.");
    expect(pull?.references).toEqual([KO_DOC]);
    expect(questions.find((q) => q.id === "t-port")?.translations?.ko?.accepted).toContain("TCP 2049번");
    expect(questions.find((q) => q.id === "t-trust")?.translations?.ko?.back).toBe(
      "`ecs-tasks.amazonaws.com`",
    );
    for (const q of questions) expect(itemTranslationSchema.safeParse(q.translations?.ko).success).toBe(true);
    // The English answer key is untouched: the translation carries text only.
    expect(questions[0]?.options.map((o) => o.correct)).toEqual([false, true]);
  });

  it("does not count a translation file as a bank", () => {
    expect(check(KOREAN).summary).toMatchObject({ banks: 1, questions: 4, flashcards: 3 });
  });

  const CASES: Array<{
    name: string;
    code: TranslationCode;
    plant: (ko: string) => string;
    at: (ko: string) => number;
  }> = [
    {
      name: "an id the English bank does not have",
      code: "translation-unknown-id",
      plant: (ko) => ko.replace("{#t-port}", "{#t-port-2}"),
      at: (ko) => lineOf(ko, "{#t-port-2}"),
    },
    {
      name: "an item without an id",
      code: "translation-unknown-id",
      plant: (ko) => ko.replace(" {#t-order}", ""),
      at: (ko) => lineOf(ko, "## 롤링 배포 순서"),
    },
    {
      name: "a different kind",
      code: "translation-structure",
      plant: (ko) =>
        ko.replace("kind: true-false\n\n- [x] True\n- [ ] False", "kind: single\n\n- [x] 참\n- [ ] 거짓"),
      at: (ko) => lineOf(ko, "{#t-tf}"),
    },
    {
      name: "an extra option",
      code: "translation-structure",
      plant: (ko) =>
        ko.replace(
          "- [x] 태스크 실행 역할(task execution role)",
          "- [x] 태스크 실행 역할(task execution role)\n- [ ] 인스턴스 역할\n  - why: 아닙니다.",
        ),
      at: (ko) => lineOf(ko, "{#t-pull}"),
    },
    {
      name: "one ordering step fewer",
      code: "translation-structure",
      plant: (ko) => ko.replace("2. 서비스를 업데이트합니다\n", ""),
      at: (ko) => lineOf(ko, "{#t-order}"),
    },
    {
      name: "its own metadata",
      code: "translation-structure",
      plant: (ko) => ko.replace("kind: typed", "kind: typed · difficulty: 4"),
      at: (ko) => lineOf(ko, "kind: typed"),
    },
    {
      name: "its own misconception tag",
      code: "translation-structure",
      plant: (ko) => ko.replace("  - why: 태스크 역할은", "  - misconception: other\n  - why: 태스크 역할은"),
      at: (ko) => lineOf(ko, "misconception: other"),
    },
    {
      name: "its own sim block",
      code: "translation-structure",
      plant: (ko) =>
        ko.replace(
          "### Explanation\n\n에이전트는",
          "```sim\nlaunchType: FARGATE\n```\n\n### Explanation\n\n에이전트는",
        ),
      at: (ko) => lineOf(ko, "```sim"),
    },
    {
      name: "a card studied one way where the English card goes both ways",
      code: "translation-structure",
      plant: (ko) => ko.replace("신뢰 주체 :::", "신뢰 주체 ::"),
      at: (ko) => lineOf(ko, "{#t-trust}"),
    },
    {
      name: "a why under an option that has none in English",
      code: "translation-structure",
      plant: (ko) =>
        ko.replace(
          "- [x] 태스크 실행 역할(task execution role)",
          "- [x] 태스크 실행 역할(task execution role)\n  - why: 맞습니다.",
        ),
      at: (ko) => lineOf(ko, "- [x] 태스크 실행 역할"),
    },
    {
      name: "the right answer marked on another option",
      code: "translation-answer",
      plant: (ko) =>
        ko
          .replace("- [ ] 태스크 역할(task role)", "- [x] 태스크 역할(task role)")
          .replace("- [x] 태스크 실행", "- [ ] 태스크 실행"),
      at: (ko) => lineOf(ko, "태스크 역할(task role)"),
    },
    {
      name: "true and false swapped",
      code: "translation-answer",
      plant: (ko) => ko.replace("- [x] True\n- [ ] False", "- [ ] True\n- [x] False"),
      at: (ko) => lineOf(ko, "- [ ] True"),
    },
    {
      name: "an English typed answer dropped",
      code: "translation-answer",
      plant: (ko) => ko.replace("- tcp 2049\n", ""),
      at: (ko) => lineOf(ko, "### Answer"),
    },
    {
      name: "cloze blanks numbered differently",
      code: "translation-answer",
      plant: (ko) => ko.replace("{{c2::2049}}", "{{c1::2049}}"),
      at: (ko) => lineOf(ko, "{{c1::2049}}"),
    },
    {
      name: "a why left out",
      code: "translation-blank",
      plant: (ko) => ko.replace("  - why: 태스크 역할은 애플리케이션 코드가 사용합니다.\n", ""),
      at: (ko) => lineOf(ko, "- [ ] 태스크 역할"),
    },
    {
      name: "the explanation left out",
      code: "translation-blank",
      plant: (ko) => ko.replace("### Explanation\n\n에이전트를 위해 시크릿도 읽습니다.\n", ""),
      at: (ko) => lineOf(ko, "{#t-tf}"),
    },
    {
      name: "the stem left out",
      code: "translation-blank",
      plant: (ko) => ko.replace("탑재 대상은 어떤 TCP 포트를 허용해야 하나요?\n", ""),
      at: (ko) => lineOf(ko, "{#t-port}"),
    },
    {
      name: "the references left out",
      code: "translation-blank",
      plant: (ko) => ko.replace(`### References\n\n- ${KO_DOC}\n`, ""),
      at: (ko) => lineOf(ko, "{#t-pull}"),
    },
    {
      name: "an item left out",
      code: "incomplete-translation",
      plant: (ko) => ko.replace("- 애플리케이션의 호출에 서명하는 역할 :: 태스크 역할 {#t-card}\n", ""),
      at: () => 1,
    },
    {
      name: "a translates: naming another bank",
      code: "translation-no-original",
      plant: (ko) => ko.replace("translates: t-iam", "translates: t-storage"),
      at: () => 1,
    },
    {
      name: "an unknown front matter field",
      code: "translation-no-original",
      plant: (ko) => ko.replace("title: IAM 역할", "title: IAM 역할\ntopic: iam"),
      at: () => 2,
    },
    {
      name: "an explanation left in English",
      code: "untranslated-text",
      plant: (ko) =>
        ko.replace(
          "에이전트는 태스크 실행 역할로 이미지를 가져옵니다.",
          "The agent pulls images with the task execution role.",
        ),
      at: (ko) => lineOf(ko, "### Explanation"),
    },
    {
      name: "a stem left in English",
      code: "untranslated-text",
      plant: (ko) =>
        ko.replace(
          "탑재 대상은 어떤 TCP 포트를 허용해야 하나요?",
          "Which TCP port does the mount target allow?",
        ),
      at: (ko) => lineOf(ko, "Which TCP port"),
    },
    {
      name: "a card back left in English",
      code: "untranslated-text",
      plant: (ko) => ko.replace(":: 태스크 역할 {#t-card}", ":: The task role {#t-card}"),
      at: (ko) => lineOf(ko, "{#t-card}"),
    },
    {
      name: "an English reference without its Korean page",
      code: "translation-reference",
      plant: (ko) => ko.replace(KO_DOC, DOC),
      at: (ko) => lineOf(ko, "### References"),
    },
  ];

  it.each(CASES)("reports $name as $code at its line", ({ code, plant, at }) => {
    const planted = plant(KOREAN);
    expect(planted).not.toBe(KOREAN);
    const { findings, banks } = check(planted);
    expect(only(findings, code)).toContain(`c/iam.ko.md:${at(planted)}`);
    const failed = findings.some((f) => f.severity === "error");
    expect(failed).toBe(TRANSLATION_CODES[code].severity === "error");
    // The English bank still loads; a translation with errors is not attached to it.
    expect(banks.map((b) => b.file)).toEqual(["c/iam.md"]);
    expect(banks[0]?.questions.some((q) => q.translations?.ko)).toBe(!failed);
  });

  it("covers every translation code", () => {
    const covered = new Set(CASES.map((c) => c.code));
    covered.add("missing-translation");
    expect(Object.keys(TRANSLATION_CODES).filter((c) => !covered.has(c as TranslationCode))).toEqual([]);
  });

  it("lists every translation code in docs/authoring.md", () => {
    const guide = fs.readFileSync(new URL("../../docs/authoring.md", import.meta.url), "utf8");
    for (const code of Object.keys(TRANSLATION_CODES)) expect(guide).toContain(`| \`${code}\` |`);
  });

  it("reports a bank left untranslated when the banks checked with it are translated", () => {
    const other = ENGLISH.replace("id: t-iam", "id: t-other").replace(/\{#t-/g, "{#o-");
    const { findings } = checkBanks([
      { file: "c/iam.md", text: ENGLISH },
      { file: "c/iam.ko.md", text: KOREAN },
      { file: "c/other.md", text: other },
    ]);
    expect(translationFindings(findings).map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`)).toEqual([
      "c/other.md:1 warning missing-translation",
    ]);
    // Without any translation in the set, nothing is asked for.
    expect(check(null).findings).toEqual([]);
  });

  it("reports a translation whose English bank is missing", () => {
    const { findings, summary } = checkBanks([{ file: "c/iam.ko.md", text: KOREAN }]);
    expect(only(findings, "translation-no-original")).toEqual(["c/iam.ko.md:1"]);
    expect(summary.banks).toBe(0);
  });

  it("keeps structural errors of the bank format, at their line", () => {
    const planted = KOREAN.replace(
      "- [x] 태스크 실행 역할(task execution role)",
      "- [ ] 태스크 실행 역할(task execution role)",
    );
    const { findings } = parseTranslation(planted, { file: "k.ko.md" });
    expect(findings.map((f) => [f.code, f.line])).toContainEqual([
      "missing-answer",
      lineOf(planted, "{#t-pull}"),
    ]);
  });
});

describe("translation helpers", () => {
  it("names translation files by their language and English bank", () => {
    expect(translationFileOf("content/ecs/iam.ko.md")).toEqual({
      language: "ko",
      original: "content/ecs/iam.md",
    });
    expect(translationFileOf("content/ecs/iam.md")).toBeNull();
    expect(translationFileOf("content/ecs/iam.fr.md")).toBeNull();
    expect(translationFileOf("content/ecs/launch-types-cards.md")).toBeNull();
  });

  it("takes a .ko.md file for a translation only when its front matter says translates:", () => {
    expect(isTranslationInput({ file: "c/iam.ko.md", text: KOREAN })).toBe(true);
    expect(
      isTranslationInput({ file: "c/iam.ko.md", text: new TextEncoder().encode(`\uFEFF${KOREAN}`) }),
    ).toBe(true);
    expect(isTranslationInput({ file: "c/iam.md", text: KOREAN })).toBe(false);
    const ownBank = KOREAN.replace("translates: t-iam", "id: ko-notes\ntopic: iam");
    expect(isTranslationInput({ file: "c/notes.ko.md", text: ownBank })).toBe(false);
    expect(isTranslationInput({ file: "c/iam.ko.md", text: "## no front matter\ntranslates: x" })).toBe(
      false,
    );
  });

  it("asks for Hangul only where the English is prose, not code or an AWS name", () => {
    expect(isProse("The task execution role")).toBe(true);
    expect(isProse("Network Load Balancer or Gateway Load Balancer")).toBe(false);
    expect(isProse("`ecs-tasks.amazonaws.com` (shared with nobody)")).toBe(true);
    expect(isProse("`ECS_AWSVPC_BLOCK_IMDS=true` in `/etc/ecs/ecs.config`")).toBe(false);
    expect(isProse("A service keeps {{c1::the desired count of tasks}} running")).toBe(true);
  });

  it("finds the Korean page of an AWS documentation URL", () => {
    expect(koreanDocsUrl(DOC)).toBe(KO_DOC);
    expect(koreanDocsUrl(KO_DOC)).toBeNull();
    expect(koreanDocsUrl("https://repost.aws/knowledge-center/ecs")).toBeNull();
  });
});
