import type { CpuArch } from "../model";

/**
 * A small table of EC2 instance types, enough for exam scenarios. Memory is the
 * nominal size; an author who wants the agent's smaller registered figure can
 * set `memory` on the instance. `trunkEnis` is the awsvpc task ENI count with
 * ENI trunking on (0: the type does not support trunking), from the "Task limit with ENI
 * trunking" column of
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html;
 * `enis` is that page's limit without trunking plus the primary interface.
 */
export type InstanceType = {
  vcpu: number;
  memoryGiB: number;
  enis: number;
  trunkEnis: number;
  gpu: number;
  arch: CpuArch;
};

const t = (
  vcpu: number,
  memoryGiB: number,
  enis: number,
  trunkEnis: number,
  gpu = 0,
  arch: CpuArch = "x86_64",
) => ({
  vcpu,
  memoryGiB,
  enis,
  trunkEnis,
  gpu,
  arch,
});

export const INSTANCE_TYPES: Record<string, InstanceType> = {
  "t3.micro": t(2, 1, 2, 0),
  "t3.small": t(2, 2, 3, 0),
  "t3.medium": t(2, 4, 3, 0),
  "t3.large": t(2, 8, 3, 0),
  "t3.xlarge": t(4, 16, 4, 0),
  "m5.large": t(2, 8, 3, 10),
  "m5.xlarge": t(4, 16, 4, 20),
  "m5.2xlarge": t(8, 32, 4, 40),
  "m5.4xlarge": t(16, 64, 8, 60),
  "c5.large": t(2, 4, 3, 10),
  "c5.xlarge": t(4, 8, 4, 20),
  "c5.2xlarge": t(8, 16, 4, 40),
  "r5.large": t(2, 16, 3, 10),
  "r5.xlarge": t(4, 32, 4, 20),
  "m6g.large": t(2, 8, 3, 10, 0, "arm64"),
  "c6g.large": t(2, 4, 3, 10, 0, "arm64"),
  "g4dn.xlarge": t(4, 16, 3, 0, 1),
};

/** The default instance type when a scenario names none. */
export const DEFAULT_INSTANCE_TYPE = "m5.large";
