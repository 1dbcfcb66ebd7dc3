import { describe, expect, it } from "vitest";
import { checkAnswer, chosenMisconceptions } from "./check-answer";
import { parseBank } from "./parse-bank";

const bank = parseBank(
  `---
id: t
title: T
topic: t
---

## Pick one {#q-single}

kind: single · difficulty: 1 · exams: SAA-C03

Which?

- [ ] bridge
  - why: no
  - misconception: bridge-on-fargate
- [x] awsvpc
- [ ] host
  - why: no
  - misconception: host-on-fargate

### Explanation

Because.

### References

- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html

## Pick two {#q-multi}

kind: multiple · difficulty: 1 · exams: SAA-C03

Which two?

- [x] EFS
- [ ] S3
  - why: no
  - misconception: s3-as-volume
- [x] FSx for Windows File Server

### Explanation

Because.

### References

- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html

## Fargate runs on servers you manage {#q-tf}

kind: true-false · difficulty: 1 · exams: SAA-C03

Fargate runs on servers you manage.

- [ ] True
- [x] False

### Explanation

AWS manages them.

### References

- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html

## Port {#q-typed}

kind: typed · difficulty: 1 · exams: SAA-C03

NFS port?

### Answer

- 2049

### Explanation

NFS.

### References

- https://docs.aws.amazon.com/efs/latest/ug/network-access.html

## Order {#q-order}

kind: ordering · difficulty: 1 · exams: SAA-C03

Order these.

1. Register the task definition
2. Create the service
3. Scale the service

### Explanation

In that order.

### References

- https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html
`,
  { file: "t.md" },
);

const q = (id: string) => {
  const found = bank.bank?.questions.find((x) => x.id === id);
  if (!found) throw new Error(`${id} did not parse: ${JSON.stringify(bank.findings)}`);
  return found;
};

describe("checkAnswer", () => {
  it("marks single and multiple choice by the exact set of keys", () => {
    expect(checkAnswer(q("q-single"), { kind: "choice", keys: ["B"] }).isCorrect).toBe(true);
    expect(checkAnswer(q("q-single"), { kind: "choice", keys: ["A"] })).toMatchObject({
      isCorrect: false,
      wrongKeys: ["A"],
      missedKeys: ["B"],
    });
    expect(checkAnswer(q("q-multi"), { kind: "choice", keys: ["C", "A"] }).isCorrect).toBe(true);
    expect(checkAnswer(q("q-multi"), { kind: "choice", keys: ["A"] }).isCorrect).toBe(false);
    expect(checkAnswer(q("q-multi"), { kind: "choice", keys: ["A", "B", "C"] }).isCorrect).toBe(false);
  });

  it("marks true/false given as a value or as the option chosen", () => {
    expect(checkAnswer(q("q-tf"), { kind: "true-false", value: false }).isCorrect).toBe(true);
    expect(checkAnswer(q("q-tf"), { kind: "choice", keys: ["B"] }).isCorrect).toBe(true);
    expect(checkAnswer(q("q-tf"), { kind: "choice", keys: ["A"] }).isCorrect).toBe(false);
  });

  it("forgives case and spacing in typed answers", () => {
    expect(checkAnswer(q("q-typed"), { kind: "typed", text: " 2049 " }).isCorrect).toBe(true);
    expect(checkAnswer(q("q-typed"), { kind: "typed", text: "2048" }).isCorrect).toBe(false);
  });

  it("needs the exact order for ordering questions", () => {
    expect(checkAnswer(q("q-order"), { kind: "ordering", keys: ["A", "B", "C"] }).isCorrect).toBe(true);
    expect(checkAnswer(q("q-order"), { kind: "ordering", keys: ["B", "A", "C"] }).isCorrect).toBe(false);
  });

  it("refuses an answer of the wrong shape", () => {
    expect(checkAnswer(q("q-typed"), { kind: "choice", keys: ["A"] }).isCorrect).toBe(false);
  });
});

describe("chosenMisconceptions", () => {
  it("names the misconceptions behind the wrong options chosen", () => {
    expect(chosenMisconceptions(q("q-single"), { kind: "choice", keys: ["A", "C"] })).toEqual([
      "bridge-on-fargate",
      "host-on-fargate",
    ]);
    expect(chosenMisconceptions(q("q-single"), { kind: "choice", keys: ["B"] })).toEqual([]);
  });
});
