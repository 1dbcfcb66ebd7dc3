import { z } from "zod";
import {
  count,
  launchFields,
  launchType,
  name,
  placementConstraintSchema,
  serviceVolumeConfigurationSchema,
  sizeValue,
  strategyItem,
  toggle,
} from "./common-schema";
import { stepSchema } from "./step-schema";

/**
 * The scenario as an author writes it (YAML). Objects are strict so a typo is
 * an error with a "did you mean" hint; shorthands are expanded by preprocess
 * steps so zod reports problems against the long form. Defaults that depend on
 * other parts of the scenario are filled later by `normalize`.
 */

const asgProvider = z.strictObject({
  name,
  instanceType: z.string().optional(),
  maxSize: count(10000).default(10),
  managedScaling: toggle.default(true),
  targetCapacity: z.number().int().min(1).max(100).default(100),
  managedTerminationProtection: toggle.default(false),
  scaleInProtection: toggle.default(false),
});

/** What a capacity provider that is neither form is told (parse.ts gives its catalog key). */
export const CAPACITY_PROVIDER_ERROR =
  "Expected FARGATE, FARGATE_SPOT or an Auto Scaling group provider { name, instanceType, … }";

const capacityProvider = z.union([z.enum(["FARGATE", "FARGATE_SPOT"]), asgProvider], {
  error: CAPACITY_PROVIDER_ERROR,
});

const instance = z.strictObject({
  id: z.string().optional(),
  count: z.number().int().min(1).max(1000).default(1),
  type: z.string().optional(),
  az: z.string().optional(),
  cpu: z.number().int().positive().optional(),
  memory: z.number().int().positive().optional(),
  gpu: count(16).optional(),
  eniLimit: z.number().int().min(1).max(50).optional(),
  trunking: z.boolean().default(false),
  os: z.enum(["linux", "windows"]).default("linux"),
  arch: z.enum(["x86_64", "arm64"]).optional(),
  ecsCluster: z.string().nullable().optional(),
  agent: z.strictObject({ ECS_AWSVPC_BLOCK_IMDS: z.boolean().default(false) }).optional(),
  iptablesBlockImds: z.boolean().default(false),
  instanceProfile: z.string().nullable().default("ecsInstanceRole"),
  ami: z.enum(["ecs-optimized", "plain"]).default("ecs-optimized"),
  domainJoined: z.boolean().default(false),
  capacityProvider: z.string().optional(),
  attributes: z.record(z.string(), z.string()).default({}),
});

const role = z.preprocess(
  (v) => (Array.isArray(v) ? { allow: v } : v),
  z.strictObject({ allow: z.array(z.string().min(1)).default([]), trust: z.string().optional() }),
);

const portMapping = z.preprocess(
  (v) => (typeof v === "number" ? { containerPort: v } : v),
  z.strictObject({
    containerPort: z.number().int().min(1).max(65535),
    hostPort: z.number().int().min(0).max(65535).optional(),
    protocol: z.enum(["tcp", "udp"]).default("tcp"),
  }),
);

const secret = z.preprocess(
  (v) =>
    typeof v === "string" ? { name: v.split(/[:/]/).pop()?.toUpperCase() || "SECRET", valueFrom: v } : v,
  z.strictObject({ name, valueFrom: z.string().min(1) }),
);

const container = z.strictObject({
  name: z.string().optional(),
  image: z.string().default("public.ecr.aws/nginx/nginx:latest"),
  cpu: z.number().int().min(0).default(0),
  memory: z.number().int().positive().optional(),
  memoryReservation: z.number().int().positive().optional(),
  gpu: count(16).default(0),
  essential: z.boolean().default(true),
  portMappings: z.array(portMapping).default([]),
  secrets: z.array(secret).default([]),
  logConfiguration: z
    .preprocess(
      (v) => (typeof v === "string" ? { logDriver: v } : v),
      z.strictObject({ logDriver: z.string() }),
    )
    .optional(),
  repositoryCredentials: z
    .preprocess(
      (v) => (typeof v === "string" ? { credentialsParameter: v } : v),
      z.strictObject({ credentialsParameter: z.string() }),
    )
    .optional(),
  mountPoints: z
    .array(z.strictObject({ sourceVolume: name, containerPath: z.string().default("/data") }))
    .default([]),
  stopTimeout: z.number().int().min(0).optional(),
});

const volume = z.preprocess(
  (v) => {
    if (typeof v !== "object" || v === null || Array.isArray(v) || "type" in v) return v;
    return {
      ...v,
      type: (v as { configuredAtLaunch?: unknown }).configuredAtLaunch === true ? "ebs" : "host",
    };
  },
  z.discriminatedUnion("type", [
    z.strictObject({ name, type: z.literal("host"), sourcePath: z.string().optional() }),
    z.strictObject({
      name,
      type: z.literal("docker"),
      driver: z.string().default("local"),
      scope: z.enum(["task", "shared"]).default("task"),
    }),
    z.strictObject({
      name,
      type: z.literal("efs"),
      fileSystemId: z.string().default("fs-1"),
      transitEncryption: toggle.default(false),
      iamAuthorization: toggle.default(false),
      accessPointId: z.string().optional(),
    }),
    z.strictObject({
      name,
      type: z.literal("fsxWindows"),
      fileSystemId: z.string().default("fs-win-1"),
      domain: z.string().optional(),
    }),
    z.strictObject({ name, type: z.literal("ebs"), configuredAtLaunch: z.literal(true).optional() }),
    z.strictObject({ name, type: z.literal("s3"), bucket: z.string().optional() }),
    z.strictObject({ name, type: z.literal("fsxLustre"), fileSystemId: z.string().optional() }),
  ]),
);

const taskDefinition = z.strictObject({
  family: z.string().optional(),
  requiresCompatibilities: z.array(launchType).min(1).optional(),
  networkMode: z.enum(["bridge", "host", "awsvpc", "none", "default"]).optional(),
  cpu: sizeValue("vcpu").optional(),
  memory: sizeValue("gb").optional(),
  os: z.enum(["linux", "windows"]).default("linux"),
  arch: z.enum(["x86_64", "arm64"]).default("x86_64"),
  containers: z.array(container).min(1).prefault([{}]),
  taskRoleArn: z.string().optional(),
  executionRoleArn: z.string().optional(),
  volumes: z.array(volume).default([]),
  placementConstraints: z.array(placementConstraintSchema).default([]),
  ephemeralStorage: z.number().int().min(1).optional(),
});

const loadBalancer = z.strictObject({
  type: z.enum(["ALB", "NLB", "CLB", "GWLB"]).default("ALB"),
  name: z.string().optional(),
  targetType: z.enum(["instance", "ip"]).optional(),
  targetGroup: z.string().optional(),
  containerName: z.string().optional(),
  containerPort: z.number().int().min(1).max(65535).optional(),
  protocol: z.enum(["HTTP", "HTTPS", "TCP", "UDP", "TCP_UDP", "TLS", "GENEVE"]).optional(),
  azs: z.array(z.string()).optional(),
  vpc: z.string().optional(),
  healthCheck: z.enum(["passing", "failing"]).default("passing"),
  endpointService: z.boolean().default(false),
  staticIp: z.boolean().default(false),
});

const METRICS: Record<string, string> = {
  cpu: "ECSServiceAverageCPUUtilization",
  memory: "ECSServiceAverageMemoryUtilization",
  requests: "ALBRequestCountPerTarget",
};

const autoScaling = z.strictObject({
  policy: z.enum(["targetTracking", "step", "scheduled", "predictive"]).default("targetTracking"),
  metric: z
    .preprocess(
      (v) => (typeof v === "string" ? (METRICS[v] ?? v) : v),
      z.enum([
        "ECSServiceAverageCPUUtilization",
        "ECSServiceAverageMemoryUtilization",
        "ALBRequestCountPerTarget",
      ]),
    )
    .default("ECSServiceAverageCPUUtilization"),
  target: z.number().positive().default(50),
  min: count(10000).default(1),
  max: count(10000).default(10),
  stepAdjustment: z.number().int().min(1).default(1),
});

const service = z.strictObject({
  name: z.string().optional(),
  taskDefinition: z.string().optional(),
  schedulingStrategy: z.enum(["REPLICA", "DAEMON"]).default("REPLICA"),
  desiredCount: count(10000).default(1),
  ...launchFields,
  volumeConfigurations: z.array(serviceVolumeConfigurationSchema).optional(),
  loadBalancers: z.array(loadBalancer).default([]),
  deploymentController: z.enum(["ECS", "CODE_DEPLOY", "EXTERNAL"]).default("ECS"),
  role: z.string().optional(),
  autoScaling: autoScaling.optional(),
});

const cluster = z.strictObject({
  name: z.string().default("default"),
  capacityProviders: z.array(capacityProvider).default(["FARGATE", "FARGATE_SPOT"]),
  defaultStrategy: z.array(strategyItem).default([]),
});

const expectation = z.strictObject({
  verdict: z.enum(["ok", "error", "partial"]).optional(),
  rules: z.array(z.string().regex(/^R\d{2}$/, "Rule ids look like R07")).default([]),
  denied: z.array(z.string().regex(/^R\d{2}$/, "Rule ids look like R07")).default([]),
  tasks: z
    .strictObject({
      PROVISIONING: count(100000).optional(),
      PENDING: count(100000).optional(),
      RUNNING: count(100000).optional(),
      STOPPED: count(100000).optional(),
    })
    .optional(),
});

export const scenarioSchema = z.strictObject({
  title: z.string().optional(),
  description: z.string().optional(),
  seed: z.number().int().optional(),
  date: z
    .string()
    .regex(
      /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
      "must be a day written YYYY-MM-DD, such as 2026-03-01",
    )
    .optional(),
  region: z.string().default("us-east-1"),
  vpc: z.string().default("vpc-1"),
  azs: z.array(z.string()).min(1).optional(),
  subnets: z
    .array(z.strictObject({ id: name, az: name }))
    .min(1)
    .optional(),
  launchType: launchType.optional(),
  cluster: cluster.default({
    name: "default",
    capacityProviders: ["FARGATE", "FARGATE_SPOT"],
    defaultStrategy: [],
  }),
  instances: z.array(instance).default([]),
  roles: z.record(z.string(), role).default({}),
  taskDefinition: taskDefinition.optional(),
  taskDefinitions: z.array(taskDefinition).optional(),
  service: service.optional(),
  services: z.array(service).optional(),
  steps: z.array(stepSchema).optional(),
  expect: expectation.optional(),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type ParsedTaskDefinition = z.output<typeof taskDefinition>;
export type ParsedService = z.output<typeof service>;
export type ParsedInstance = z.output<typeof instance>;
export type ParsedContainer = z.output<typeof container>;
export type ParsedLoadBalancer = z.output<typeof loadBalancer>;
