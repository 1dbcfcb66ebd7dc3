/**
 * Scenarios to start from, built from the sandbox's controls (most follow
 * docs/simulator-examples). Each states the verdict and rules it shows; presets.test.ts
 * runs them all, so a preset that stops teaching its lesson fails the build.
 */
import type { Verdict } from "@/lib/sim";
import { DEFAULT_CONFIG, type SandboxConfig } from "./config";

export type Preset = {
  id: string;
  title: string;
  config: SandboxConfig;
  expect: { verdict: Verdict; denied?: string[]; rules?: string[] };
};

/** A quiet base: nothing called, no load balancer, no roles. */
const BASE: SandboxConfig = {
  ...DEFAULT_CONFIG,
  loadBalancer: "none",
  call: "none",
  awslogs: false,
  taskRole: false,
  taskRolePermissions: [],
  executionRole: false,
  executionRolePermissions: [],
};

const EC2: SandboxConfig = { ...BASE, launchType: "EC2", taskCpu: null, taskMemory: 512 };

export const PRESETS: Preset[] = [
  {
    id: "default",
    title: "Fargate service behind an ALB that writes to S3",
    config: DEFAULT_CONFIG,
    expect: { verdict: "ok", rules: ["R25"] },
  },
  {
    id: "fargate-clb",
    title: "Fargate service behind a Classic Load Balancer (R32, R33)",
    config: { ...BASE, loadBalancer: "CLB", desiredCount: 2 },
    expect: { verdict: "error", denied: ["R32", "R33"] },
  },
  {
    id: "pending-memory",
    title: "A task stays PENDING for lack of memory (R03)",
    config: { ...EC2, instanceCount: 2, taskMemory: 4096, desiredCount: 5 },
    expect: { verdict: "partial", denied: ["R03"] },
  },
  {
    id: "binpack",
    title: "Bin packing on memory fills one instance first (R07)",
    config: {
      ...EC2,
      instanceCount: 3,
      taskMemory: 1024,
      desiredCount: 5,
      placementStrategy: "binpack:memory",
    },
    expect: { verdict: "ok", rules: ["R07"] },
  },
  {
    id: "distinct-instance",
    title: "distinctInstance: the third task waits (R10)",
    config: { ...EC2, instanceCount: 2, desiredCount: 3, distinctInstance: true },
    expect: { verdict: "partial", denied: ["R10"] },
  },
  {
    id: "awsvpc-enis",
    title: "awsvpc on EC2 runs out of ENIs (R06)",
    config: { ...EC2, instanceCount: 1, networkMode: "awsvpc", taskMemory: 256, desiredCount: 3 },
    expect: { verdict: "partial", denied: ["R06"] },
  },
  {
    id: "wrong-role",
    title: "S3 permission in the execution role, not the task role (R25)",
    config: {
      ...BASE,
      desiredCount: 1,
      privateImage: true,
      awslogs: true,
      taskRole: true,
      taskRolePermissions: ["dynamodb:GetItem"],
      executionRole: true,
      executionRolePermissions: ["AmazonECSTaskExecutionRolePolicy", "s3:PutObject"],
      call: "s3:PutObject",
    },
    expect: { verdict: "error", denied: ["R25"] },
  },
  {
    id: "secrets-no-execution-role",
    title: "Secrets without an execution role (R24)",
    config: { ...EC2, instanceCount: 1, desiredCount: 1, secret: true },
    expect: { verdict: "error", denied: ["R24"] },
  },
  {
    id: "invalid-fargate-size",
    title: "512 CPU with 8 GB is no Fargate size (R15)",
    config: { ...BASE, taskCpu: 512, taskMemory: 8192 },
    expect: { verdict: "error", denied: ["R15"] },
  },
  {
    id: "s3-volume",
    title: "An S3 bucket as a volume (R39)",
    config: { ...BASE, volumes: ["s3"] },
    expect: { verdict: "error", denied: ["R39"] },
  },
  {
    id: "efs-pv13",
    // Linux 1.3.0 is retired (no new tasks since 2026-03-16), so today the launch is refused for
    // that (R43) before EFS is looked at; docs/simulator-examples/efs-on-fargate-pv13.yaml is
    // dated before the retirement and shows the EFS refusal (R37).
    title: "EFS on Fargate platform version 1.3.0, retired (R43)",
    config: { ...BASE, taskCpu: 512, taskMemory: 1024, volumes: ["efs"], platformVersion: "1.3.0" },
    expect: { verdict: "error", denied: ["R43"] },
  },
  {
    id: "imds-blocked",
    title: "ECS_AWSVPC_BLOCK_IMDS keeps a task from the instance role (R26)",
    config: {
      ...EC2,
      instanceCount: 1,
      desiredCount: 1,
      networkMode: "awsvpc",
      blockImds: true,
      call: "readInstanceMetadata",
    },
    expect: { verdict: "ok", denied: ["R26"] },
  },
  {
    id: "big-service",
    title: "A big service: 300 tasks on 20 instances behind an ALB",
    config: {
      ...EC2,
      instanceCount: 20,
      instanceType: "m5.2xlarge",
      taskCpu: 256,
      taskMemory: 512,
      desiredCount: 300,
      loadBalancer: "ALB",
    },
    expect: { verdict: "ok", rules: ["R05"] },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
