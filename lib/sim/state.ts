/**
 * What a run produces: the state the simulator evolves, the events of its
 * timeline and the result with its verdict. Plain data, JSON-safe.
 */

import type {
  ClusterSpec,
  CpuArch,
  LaunchType,
  LbProtocol,
  LoadBalancerType,
  NetworkMode,
  OsFamily,
  PlacementConstraint,
  PlacementStrategy,
  Protocol,
  StrategyItem,
  TaskStatus,
  Verdict,
  VolumeType,
} from "./model";
import type { Msg } from "./text";

export type Amount = { total: number; used: number; free: number };

export type InstanceState = {
  id: string;
  type: string;
  az: string;
  os: OsFamily;
  arch: CpuArch;
  /** ACTIVE and DRAINING instances are registered; FAILED ones were lost; UNREGISTERED never joined. */
  status: "ACTIVE" | "DRAINING" | "FAILED" | "UNREGISTERED";
  /** The cluster the agent registered in, or null when it could not register. */
  cluster: string | null;
  instanceProfile: string | null;
  capacityProvider: string | null;
  attributes: Record<string, string>;
  cpu: Amount;
  memory: Amount;
  gpu: Amount;
  /** Host ports in use, as "80/tcp"; reserved agent ports included. */
  ports: string[];
  enis: Amount & { trunking: boolean };
  taskIds: string[];
};

export type TaskState = {
  id: string;
  family: string;
  revision: number;
  group: string;
  service: string | null;
  launchType: LaunchType;
  capacityProvider: string | null;
  state: TaskStatus;
  instanceId: string | null;
  az: string | null;
  subnet: string | null;
  eni: string | null;
  ip: string | null;
  hostPorts: Array<{ container: string; containerPort: number; hostPort: number; protocol: Protocol }>;
  cpu: number;
  memory: number;
  gpu: number;
  networkMode: NetworkMode;
  platformVersion: string | null;
  failureReason: string | null;
  /** `failureReason` as a message key and parameters. */
  failureMsg?: Msg;
};

export type ServiceState = {
  name: string;
  taskDefinition: string;
  status: "ACTIVE" | "REJECTED";
  schedulingStrategy: "REPLICA" | "DAEMON";
  launchType: LaunchType | null;
  capacityProviderStrategy: StrategyItem[] | null;
  placementStrategy: PlacementStrategy[];
  placementConstraints: PlacementConstraint[];
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  deploymentController: "ECS" | "CODE_DEPLOY" | "EXTERNAL";
  loadBalancers: string[];
  autoScaling: { min: number; max: number; policy: string; metric: string; target: number } | null;
};

export type TargetState = {
  id: string;
  port: number;
  taskId: string;
  health: "initial" | "healthy" | "unhealthy" | "unused" | "draining";
};

export type LoadBalancerState = {
  name: string;
  type: LoadBalancerType;
  azs: string[];
  vpc: string;
  targetGroups: Array<{
    name: string;
    service: string;
    targetType: "instance" | "ip" | null;
    protocol: LbProtocol;
    port: number;
    targets: TargetState[];
  }>;
};

export type MountState = {
  taskId: string;
  container: string;
  path: string;
  status: "ok" | "failed";
  reason: string | null;
};

export type VolumeState = {
  id: string;
  name: string;
  type: VolumeType;
  family: string;
  /** EBS volumes belong to one task and one AZ. */
  taskId: string | null;
  az: string | null;
  source: string | null;
  mounts: MountState[];
};

export type RoleCall = {
  step: number;
  principal: string;
  via: "taskRole" | "executionRole" | "instanceProfile" | "infrastructureRole" | "serviceLinkedRole" | "none";
  action: string;
  service: string;
  taskId: string | null;
  allowed: boolean;
  ruleId: string;
};

export type TaskDefinitionState = {
  family: string;
  revision: number;
  status: "ACTIVE" | "REJECTED";
  networkMode: NetworkMode | null;
};

export type SimState = {
  region: string;
  vpc: string;
  cluster: ClusterSpec;
  azs: Array<{ name: string; subnets: string[] }>;
  instances: InstanceState[];
  taskDefinitions: TaskDefinitionState[];
  tasks: TaskState[];
  services: ServiceState[];
  loadBalancers: LoadBalancerState[];
  volumes: VolumeState[];
  roleCalls: RoleCall[];
};

export type EventKind =
  | "cluster"
  | "instance"
  | "register"
  | "reject"
  | "service"
  | "place"
  | "provision"
  | "pending"
  | "running"
  | "stopped"
  | "eni"
  | "pull"
  | "secrets"
  | "logs"
  | "mount"
  | "target"
  | "health"
  | "scale"
  | "drain"
  | "spot"
  | "autoscale"
  | "call"
  | "imds"
  | "info";

export type SimEvent = {
  step: number;
  t: number;
  kind: EventKind;
  message: string;
  /** The message key and parameters of `message`, for the interface's catalogs (lib/sim/text.ts). */
  msg?: Msg;
  ruleId?: string;
  subject?: string;
};

export type RuleOutcome = "allowed" | "denied" | "applied";

export type AppliedRule = {
  id: string;
  title: string;
  doc: string;
  outcome: RuleOutcome;
  detail: string;
  /** `detail` as a message key and parameters; the title's key is `rules.<id>.title`. */
  detailMsg?: Msg;
};

export type SimResult = {
  verdict: { status: Verdict; summary: string; summaryMsg?: Msg };
  rules: AppliedRule[];
  events: SimEvent[];
  finalState: SimState;
};

/**
 * A scenario error at a 1-based position: `message` and `hint` in English (the CLI, the tests),
 * `msg` and `hintMsg` the same words as `sim` catalog keys, so the sandbox can say them in the
 * reader's language.
 */
export type SimError = {
  line: number;
  column: number;
  message: string;
  hint?: string;
  msg?: Msg;
  hintMsg?: Msg;
};
