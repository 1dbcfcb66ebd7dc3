import { describe, expect, it } from "vitest";
import { INSTANCE_TYPES } from "./instance-types";

// The awsvpc task limits from the AWS table "Supported Amazon EC2 instance types" on
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html
// (columns: task limit without ENI trunking, task limit with ENI trunking). Types the page lists
// as unsupported for trunking (t3, g4dn) have no trunk ENIs.
const AWS_TASK_LIMITS: Record<string, [without: number, withTrunking: number]> = {
  "m5.large": [2, 10],
  "m5.xlarge": [3, 20],
  "m5.2xlarge": [3, 40],
  "m5.4xlarge": [7, 60],
  "c5.large": [2, 10],
  "c5.xlarge": [3, 20],
  "c5.2xlarge": [3, 40],
  "r5.large": [2, 10],
  "r5.xlarge": [3, 20],
  "m6g.large": [2, 10],
  "c6g.large": [2, 10],
};

describe("the simulator's instance table", () => {
  it.each(Object.entries(AWS_TASK_LIMITS))(
    "%s has the awsvpc task limits AWS documents",
    (type, [without, withTrunking]) => {
      const spec = INSTANCE_TYPES[type];
      expect(spec, type).toBeDefined();
      // The primary network interface counts against the ENI limit.
      expect(spec?.enis).toBe(without + 1);
      expect(spec?.trunkEnis).toBe(withTrunking);
    },
  );

  it("gives no trunk ENIs to families AWS does not support for trunking", () => {
    for (const [type, spec] of Object.entries(INSTANCE_TYPES)) {
      if (type.startsWith("t3.") || type.startsWith("g4dn.")) expect(spec.trunkEnis, type).toBe(0);
    }
  });
});
