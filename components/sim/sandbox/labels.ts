/**
 * Words for the sandbox's choices: what a learner reads in each select and checkbox. The
 * words live in the `sim` catalog under ui.options.<group>.<value> (a value's `:` and `.`
 * become `_`, as a catalog key cannot hold them); this file keeps the values in their order.
 */
import type { AppCall, SandboxConfig, VolumeKind } from "./config";

// i18n-keys: sim.ui.options.*
type OptionsText = (key: string) => string;

/** The catalog key of an option's value: "binpack:memory" → "binpack_memory". */
export const optionKey = (value: string) => value.replace(/[^A-Za-z0-9-]/g, "_");

function labelsOf<K extends string>(values: readonly K[], group: string, t: OptionsText): Record<K, string> {
  return Object.fromEntries(values.map((v) => [v, t(`${group}.${optionKey(v)}`)])) as Record<K, string>;
}

const NETWORK_VALUES: ReadonlyArray<SandboxConfig["networkMode"]> = [
  "default",
  "awsvpc",
  "bridge",
  "host",
  "none",
];
const STRATEGY_VALUES: ReadonlyArray<SandboxConfig["placementStrategy"]> = [
  "default",
  "binpack:memory",
  "binpack:cpu",
  "spread:attribute:ecs.availability-zone",
  "spread:instanceId",
  "random",
];
const LB_VALUES: ReadonlyArray<SandboxConfig["loadBalancer"]> = ["none", "ALB", "NLB", "CLB", "GWLB"];
const TARGET_VALUES: ReadonlyArray<SandboxConfig["targetType"]> = ["default", "ip", "instance"];
const VOLUME_VALUES: ReadonlyArray<VolumeKind> = [
  "host",
  "docker",
  "efs",
  "ebs",
  "fsxWindows",
  "s3",
  "fsxLustre",
];
const CALL_VALUES: ReadonlyArray<AppCall> = [
  "none",
  "s3:PutObject",
  "s3:GetObject",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "secretsmanager:GetSecretValue",
  "ssm:GetParameters",
  "imagePull",
  "shipLogs",
  "mountVolume",
  "readInstanceMetadata",
];

/** Each select's and checkbox's labels in the page's language; `t` reads sim.ui.options. */
export function optionLabels(t: OptionsText) {
  return {
    network: labelsOf(NETWORK_VALUES, "network", t),
    strategy: labelsOf(STRATEGY_VALUES, "strategy", t),
    lb: labelsOf(LB_VALUES, "lb", t),
    target: labelsOf(TARGET_VALUES, "target", t),
    volume: labelsOf(VOLUME_VALUES, "volume", t),
    call: labelsOf(CALL_VALUES, "call", t),
  };
}

export function memoryLabel(mib: number): string {
  return mib >= 1024 ? `${mib / 1024} GB (${mib} MiB)` : `${mib} MiB`;
}

export function cpuLabel(units: number): string {
  return `${units / 1024} vCPU (${units})`;
}
