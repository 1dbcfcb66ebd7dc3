import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listBankFiles, readContent } from "./read-content";

const BANK = [
  "---",
  "id: sync-iam",
  "title: IAM",
  "topic: iam",
  "---",
  "",
  "## Which role pulls the image? {#sync-pull}",
  "",
  "- [ ] The task role",
  "  - why: The task role is for the application code.",
  "- [x] The task execution role",
  "",
  "### Explanation",
  "",
  "The agent pulls images with the task execution role.",
  "",
  "### References",
  "",
  "- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
  "",
].join("\n");

const KOREAN = [
  "---",
  "translates: sync-iam",
  "language: ko",
  "title: IAM 역할",
  "---",
  "",
  "## 어떤 역할이 이미지를 가져오나요? {#sync-pull}",
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
  "- https://docs.aws.amazon.com/ko_kr/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
  "",
].join("\n");

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function contentDir(files: Record<string, string>): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "taskdeck-content-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("reading content/ for sync", () => {
  it("loads the bank and never loads its Korean translation as a bank", () => {
    const root = contentDir({ "ecs/iam.md": BANK, "ecs/iam.ko.md": KOREAN });
    expect(listBankFiles(root, root)).toEqual(["ecs/iam.ko.md", "ecs/iam.md"]);
    const { input, findings } = readContent(root);
    expect(findings).toEqual([]);
    expect(input.banks.map((b) => b.bank.meta.id)).toEqual(["sync-iam"]);
    expect(input.banks[0]?.bank.questions.map((q) => q.id)).toEqual(["sync-pull"]);
    expect(input.skipped).toEqual([]);
    expect(input.presentFiles.some((f) => f.endsWith(".ko.md"))).toBe(false);
    // …but carries it on the bank's questions, for sync to store beside the English text.
    const ko = input.banks[0]?.bank.questions[0]?.translations?.ko;
    expect(ko?.title).toBe("어떤 역할이 이미지를 가져오나요?");
    expect(ko?.options.map((o) => o.key)).toEqual(["A", "B"]);
  });

  it("gives the bank a new source hash when only its translation changes, and the same content hashes", () => {
    const before = readContent(contentDir({ "ecs/iam.md": BANK, "ecs/iam.ko.md": KOREAN })).input.banks[0];
    fs.rmSync(dir ?? "", { recursive: true, force: true });
    const edited = KOREAN.replace("가져옵니다.", "가져옵니다. 태스크 역할과 다릅니다.");
    const after = readContent(contentDir({ "ecs/iam.md": BANK, "ecs/iam.ko.md": edited })).input.banks[0];
    expect(after?.sourceHash).not.toBe(before?.sourceHash);
    expect([...(after?.contentHashes ?? [])]).toEqual([...(before?.contentHashes ?? [])]);
    expect(after?.bank.questions[0]?.translations?.ko?.explanation).toContain("태스크 역할과 다릅니다");
  });

  it("still loads a Korean-language bank of its own named like a translation", () => {
    const own = KOREAN.replace(
      "translates: sync-iam\nlanguage: ko",
      "id: sync-ko-notes\ntopic: iam\nlanguage: ko",
    ).replace("{#sync-pull}", "{#sync-ko-pull}");
    const root = contentDir({ "ecs/notes.ko.md": own });
    const { input, findings } = readContent(root);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(input.banks.map((b) => b.bank.meta.id)).toEqual(["sync-ko-notes"]);
  });

  it("reports a broken translation as skipped, with its errors, and still loads the English bank without it", () => {
    const root = contentDir({
      "ecs/iam.md": BANK,
      "ecs/iam.ko.md": KOREAN.replace("{#sync-pull}", "{#other}"),
    });
    const { input } = readContent(root);
    expect(input.banks.map((b) => b.bank.meta.id)).toEqual(["sync-iam"]);
    expect(input.banks[0]?.bank.questions[0]?.translations).toBeUndefined();
    expect(input.skipped).toHaveLength(1);
    expect(input.skipped[0]?.file).toMatch(/\/ecs\/iam\.ko\.md$/);
    expect(input.skipped[0]?.findings.map((f) => f.message).join("\n")).toMatch(
      /ecs\/iam\.md has no question or card "other"/,
    );
  });
});
