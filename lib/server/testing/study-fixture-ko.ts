import { type Bank, checkBanks, type Finding, questionContentHash } from "@/lib/bank";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { type SyncReport, syncBanks } from "../banks/sync-banks";
import { STUDY_BANK } from "./study-fixture";

/** STUDY_BANK in Korean, as `content/study-fixture.ko.md` would carry it. */
export const STUDY_BANK_KO = `---
translates: study-fixture
language: ko
title: 학습 픽스처
---

## Fargate 태스크는 어떤 네트워크 모드를 사용해야 하나요? {#fx-netmode}

kind: single

한 팀이 API를 Fargate로 옮깁니다. 태스크 정의는 어떤 네트워크 모드를 사용해야 하나요?

- [ ] bridge
  - why: Fargate는 awsvpc만 지원합니다.
- [x] awsvpc
- [ ] host
  - why: Fargate는 호스트의 네트워크를 드러내지 않습니다.

### Explanation

Fargate 태스크는 항상 awsvpc를 사용합니다. 태스크마다 자체 ENI를 받습니다.

### References

- https://docs.aws.amazon.com/ko_kr/AmazonECS/latest/developerguide/fargate-task-networking.html

## 태스크 역할 {#fx-task-role}

kind: flashcard

컨테이너의 AWS SDK 호출은 어떤 역할을 사용하나요?

### Back

태스크 역할(task role, taskRoleArn)입니다.

## Fargate의 EFS {#fx-cloze}

kind: cloze

Fargate의 EFS에는 플랫폼 버전 {{c1::1.4.0}}이 필요하며 포트 {{c2::2049}}에서 NFS를 사용합니다.
`;

/**
 * Checks STUDY_BANK with a Korean translation (STUDY_BANK_KO unless given) and syncs it, as
 * `npm start` would with both files in content/: the source hash covers both, as readContent's does.
 */
export async function syncTranslatedStudyBank(
  db: PrismaClient,
  korean: string | null = STUDY_BANK_KO,
  now = new Date("2026-01-01T00:00:00Z"),
): Promise<{ bank: Bank; findings: Finding[]; report: SyncReport }> {
  const inputs = [{ file: "content/study-fixture.md", text: STUDY_BANK }];
  if (korean !== null) inputs.push({ file: "content/study-fixture.ko.md", text: korean });
  const { banks, findings } = checkBanks(inputs);
  const bank = banks[0];
  if (!bank) throw new Error(`The study fixture does not parse: ${JSON.stringify(findings)}`);
  const report = await syncBanks(
    db,
    {
      banks: [
        {
          bank,
          sourceHash: `fixture ${korean ?? ""}`,
          contentHashes: new Map(bank.questions.map((q) => [q.id, questionContentHash(q)])),
        },
      ],
      skipped: [],
      presentFiles: [bank.file],
    },
    now,
  );
  return { bank, findings, report };
}
