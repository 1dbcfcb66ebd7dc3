/**
 * The sandbox's controls as plain data, and the scenario they stand for. The controls
 * describe one task definition and one service; `configToYaml` turns them into the
 * `sim` block an author would write (config-from-scenario.ts reads one back).
 */
import { Document, isScalar, isSeq, visit } from "yaml";
import type { ScenarioInput } from "@/lib/sim";
import { INSTANCE_TYPES } from "@/lib/sim/aws/instance-types";

export const INSTANCE_TYPE_NAMES = Object.keys(INSTANCE_TYPES);

export const NETWORK_MODES = ["default", "awsvpc", "bridge", "host", "none"] as const;
export const FARGATE_CPU = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;
export const TASK_MEMORY = [512, 1024, 2048, 3072, 4096, 8192, 16384, 30720] as const;
export const PLACEMENT_STRATEGIES = [
  "default",
  "binpack:memory",
  "binpack:cpu",
  "spread:attribute:ecs.availability-zone",
  "spread:instanceId",
  "random",
] as const;
export const LOAD_BALANCERS = ["none", "ALB", "NLB", "CLB", "GWLB"] as const;
export const TARGET_TYPES = ["default", "ip", "instance"] as const;
export const PLATFORM_VERSIONS = ["LATEST", "1.4.0", "1.3.0"] as const;
export const VOLUME_KINDS = ["host", "docker", "efs", "ebs", "fsxWindows", "s3", "fsxLustre"] as const;
export const PERMISSIONS = [
  "AmazonECSTaskExecutionRolePolicy",
  "s3:PutObject",
  "s3:GetObject",
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "secretsmanager:GetSecretValue",
  "ssm:GetParameters",
  "logs:PutLogEvents",
] as const;
export const APP_CALLS = [
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
] as const;

export type VolumeKind = (typeof VOLUME_KINDS)[number];
export type Permission = (typeof PERMISSIONS)[number];
export type AppCall = (typeof APP_CALLS)[number];

export type SandboxConfig = {
  launchType: "EC2" | "FARGATE";
  networkMode: (typeof NETWORK_MODES)[number];
  instanceCount: number;
  instanceType: string;
  instanceProfile: boolean;
  blockImds: boolean;
  /** Task-level CPU units and memory MiB; null leaves them unset (allowed on EC2 only). */
  taskCpu: number | null;
  taskMemory: number | null;
  desiredCount: number;
  placementStrategy: (typeof PLACEMENT_STRATEGIES)[number];
  distinctInstance: boolean;
  /** A cluster query for a memberOf constraint; "" for none. */
  memberOf: string;
  loadBalancer: (typeof LOAD_BALANCERS)[number];
  targetType: (typeof TARGET_TYPES)[number];
  /** Bridge mode only: a dynamic (0) or a static (80) host port. */
  staticHostPort: boolean;
  platformVersion: (typeof PLATFORM_VERSIONS)[number];
  volumes: VolumeKind[];
  privateImage: boolean;
  secret: boolean;
  awslogs: boolean;
  taskRole: boolean;
  taskRolePermissions: Permission[];
  executionRole: boolean;
  executionRolePermissions: Permission[];
  call: AppCall;
};

export const LIMITS = { instanceCount: 50, desiredCount: 500 } as const;

export const DEFAULT_CONFIG: SandboxConfig = {
  launchType: "FARGATE",
  networkMode: "default",
  instanceCount: 2,
  instanceType: "m5.large",
  instanceProfile: true,
  blockImds: false,
  taskCpu: 256,
  taskMemory: 512,
  desiredCount: 2,
  placementStrategy: "default",
  distinctInstance: false,
  memberOf: "",
  loadBalancer: "ALB",
  targetType: "default",
  staticHostPort: false,
  platformVersion: "LATEST",
  volumes: [],
  privateImage: false,
  secret: false,
  awslogs: true,
  taskRole: true,
  taskRolePermissions: ["s3:PutObject"],
  executionRole: true,
  executionRolePermissions: ["AmazonECSTaskExecutionRolePolicy"],
  call: "s3:PutObject",
};

const FAMILY = "web";
const CONTAINER = "app";
const ECR_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1";
const SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-password";

type VolumeInput = NonNullable<NonNullable<ScenarioInput["taskDefinition"]>["volumes"]>[number];

/** The volume each checkbox adds, with the name its mount point uses. */
const VOLUMES: Record<VolumeKind, VolumeInput> = {
  host: { name: "scratch", type: "host" },
  docker: { name: "cache", type: "docker", driver: "local", scope: "shared" },
  efs: { name: "shared", type: "efs", fileSystemId: "fs-12345678", transitEncryption: true },
  ebs: { name: "data", configuredAtLaunch: true },
  fsxWindows: { name: "winshare", type: "fsxWindows", fileSystemId: "fs-w1", domain: "corp.example.com" },
  s3: { name: "bucket", type: "s3", bucket: "my-bucket" },
  fsxLustre: { name: "lustre", type: "fsxLustre", fileSystemId: "fs-l1" },
};

export const VOLUME_NAMES: Record<VolumeKind, string> = {
  host: "scratch",
  docker: "cache",
  efs: "shared",
  ebs: "data",
  fsxWindows: "winshare",
  s3: "bucket",
  fsxLustre: "lustre",
};

function effectiveNetworkMode(c: SandboxConfig): string {
  if (c.networkMode !== "default") return c.networkMode;
  return c.launchType === "FARGATE" ? "awsvpc" : "bridge";
}

function portMapping(
  c: SandboxConfig,
): NonNullable<
  NonNullable<NonNullable<ScenarioInput["taskDefinition"]>["containers"]>[number]["portMappings"]
> {
  if (effectiveNetworkMode(c) !== "bridge") return [80];
  return [{ containerPort: 80, hostPort: c.staticHostPort ? 80 : 0 }];
}

function stepFor(c: SandboxConfig): NonNullable<ScenarioInput["steps"]> {
  switch (c.call) {
    case "none":
      return [];
    case "imagePull":
    case "shipLogs":
    case "readInstanceMetadata":
      return [{ [c.call]: FAMILY }];
    case "mountVolume": {
      const first = c.volumes[0];
      return [{ mountVolume: first ? { from: FAMILY, volume: VOLUME_NAMES[first] } : { from: FAMILY } }];
    }
    default:
      return [{ call: { action: c.call, from: `${FAMILY}/${CONTAINER}` } }];
  }
}

/** The scenario the controls describe, as the object an author would write in YAML. */
export function configToInput(c: SandboxConfig): ScenarioInput {
  const isEc2 = c.launchType === "EC2";
  const roles: Record<string, string[]> = {};
  if (c.taskRole) roles.appRole = [...c.taskRolePermissions];
  if (c.executionRole) roles.execRole = [...c.executionRolePermissions];
  const volumes = VOLUME_KINDS.filter((k) => c.volumes.includes(k));
  const input: ScenarioInput = { launchType: c.launchType };
  if (isEc2 && c.instanceCount > 0) {
    input.instances = [
      {
        count: c.instanceCount,
        type: c.instanceType,
        ...(c.instanceProfile ? {} : { instanceProfile: null }),
        ...(c.blockImds ? { agent: { ECS_AWSVPC_BLOCK_IMDS: true } } : {}),
      },
    ];
  }
  if (Object.keys(roles).length > 0) input.roles = roles;
  input.taskDefinition = {
    family: FAMILY,
    ...(c.networkMode === "default" ? {} : { networkMode: c.networkMode }),
    ...(c.taskCpu === null ? {} : { cpu: c.taskCpu }),
    ...(c.taskMemory === null ? {} : { memory: c.taskMemory }),
    ...(c.taskRole ? { taskRoleArn: "appRole" } : {}),
    ...(c.executionRole ? { executionRoleArn: "execRole" } : {}),
    ...(volumes.length ? { volumes: volumes.map((k) => VOLUMES[k]) } : {}),
    containers: [
      {
        name: CONTAINER,
        ...(c.privateImage ? { image: ECR_IMAGE } : {}),
        portMappings: portMapping(c),
        ...(c.secret ? { secrets: [{ name: "DB_PASSWORD", valueFrom: SECRET_ARN }] } : {}),
        ...(c.awslogs ? { logConfiguration: "awslogs" } : {}),
        ...(volumes.length
          ? {
              mountPoints: volumes.map((k) => ({
                sourceVolume: VOLUME_NAMES[k],
                containerPath: `/mnt/${VOLUME_NAMES[k]}`,
              })),
            }
          : {}),
      },
    ],
  };
  const constraints = [
    ...(c.distinctInstance ? ["distinctInstance"] : []),
    ...(c.memberOf.trim() ? [`memberOf:${c.memberOf.trim()}`] : []),
  ];
  input.service = {
    name: FAMILY,
    desiredCount: c.desiredCount,
    ...(c.platformVersion === "LATEST" ? {} : { platformVersion: c.platformVersion }),
    ...(c.placementStrategy === "default" ? {} : { placementStrategy: [c.placementStrategy] }),
    ...(constraints.length ? { placementConstraints: constraints } : {}),
    ...(c.loadBalancer === "none"
      ? {}
      : {
          loadBalancers: [
            { type: c.loadBalancer, ...(c.targetType === "default" ? {} : { targetType: c.targetType }) },
          ],
        }),
    ...(volumes.includes("ebs")
      ? { volumeConfigurations: [{ name: "data", roleArn: "ecsInfrastructureRole", sizeGiB: 20 }] }
      : {}),
  };
  const steps = stepFor(c);
  if (steps.length) input.steps = steps;
  return input;
}

/** YAML as an author writes it: block maps, short lists of scalars on one line. */
export function toYaml(input: ScenarioInput): string {
  const doc = new Document(input);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item)) || node.items.length === 0) node.flow = true;
    },
    Map(_, node, path) {
      // Small leaf maps (a port mapping, a volume, a step) read best on one line.
      const isLeaf = node.items.every((pair) => isScalar(pair.value));
      if (path.length > 1 && isLeaf && (node.items.length <= 4 || isSeq(path[path.length - 1]))) {
        node.flow = true;
      }
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function configToYaml(c: SandboxConfig): string {
  return toYaml(configToInput(c));
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(n)));
}

/** Clamps numbers and drops unknown values, so a config from anywhere is safe to render. */
export function sanitizeConfig(c: SandboxConfig): SandboxConfig {
  const pick = <T extends string>(value: T, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value) ? value : fallback;
  return {
    ...c,
    instanceCount: clamp(c.instanceCount, 0, LIMITS.instanceCount),
    desiredCount: clamp(c.desiredCount, 0, LIMITS.desiredCount),
    instanceType: INSTANCE_TYPE_NAMES.includes(c.instanceType) ? c.instanceType : DEFAULT_CONFIG.instanceType,
    placementStrategy: pick(c.placementStrategy, PLACEMENT_STRATEGIES, "default"),
    volumes: VOLUME_KINDS.filter((k) => c.volumes.includes(k)),
    taskRolePermissions: PERMISSIONS.filter((p) => c.taskRolePermissions.includes(p)),
    executionRolePermissions: PERMISSIONS.filter((p) => c.executionRolePermissions.includes(p)),
  };
}
