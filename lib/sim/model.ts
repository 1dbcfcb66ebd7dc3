/**
 * Types of the ECS simulator: the normalised scenario it reads, the state it
 * evolves and the result it returns. Plain data only, so a result can be
 * serialised to JSON, compared with deep equality and sent to the browser.
 */

/** A rule id from ecs-rules.md, "R01" … "R43". */
export type RuleId = `R${string}`;

export type LaunchType = "EC2" | "FARGATE";
export type NetworkMode = "bridge" | "host" | "awsvpc" | "none" | "default";
export type OsFamily = "linux" | "windows";
export type CpuArch = "x86_64" | "arm64";
export type Protocol = "tcp" | "udp";

export type FargateProvider = { kind: "fargate"; name: "FARGATE" | "FARGATE_SPOT" };
export type AsgProvider = {
  kind: "asg";
  name: string;
  instanceType: string;
  maxSize: number;
  managedScaling: boolean;
  targetCapacity: number;
  managedTerminationProtection: boolean;
  /** The ASG's own "protect new instances from scale-in" setting. */
  scaleInProtection: boolean;
};
export type CapacityProvider = FargateProvider | AsgProvider;

export type StrategyItem = { provider: string; base: number; weight: number };

export type ClusterSpec = {
  name: string;
  capacityProviders: CapacityProvider[];
  defaultStrategy: StrategyItem[];
};

export type Subnet = { id: string; az: string };

export type AgentFlags = {
  /** ECS_AWSVPC_BLOCK_IMDS: awsvpc tasks cannot reach the instance metadata service. */
  blockImdsForAwsvpc: boolean;
};

export type InstanceSpec = {
  id: string;
  type: string;
  az: string;
  subnet: string;
  os: OsFamily;
  arch: CpuArch;
  /** Registered CPU units (1 vCPU = 1024). */
  cpu: number;
  /** Registered memory in MiB. */
  memory: number;
  gpu: number;
  /** ENIs the instance type allows, the primary one included. */
  eniLimit: number;
  /** ENIs for awsvpc tasks when trunking is on (0 when the type cannot trunk). */
  trunkEnis: number;
  trunking: boolean;
  /** ECS_CLUSTER written by user data; null when user data does not set it. */
  ecsCluster: string | null;
  agent: AgentFlags;
  /** An iptables rule in user data that blocks IMDS for bridge-mode containers. */
  iptablesBlockImds: boolean;
  /** Role name of the instance profile, or null for none. */
  instanceProfile: string | null;
  /** ECS-optimized AMIs run the agent; a plain AMI does not. */
  ecsOptimizedAmi: boolean;
  domainJoined: boolean;
  capacityProvider: string | null;
  /** Custom attributes; the ecs.* built-ins are added by the engine. */
  attributes: Record<string, string>;
};

export type RoleSpec = {
  name: string;
  /** Allowed actions, managed policies already expanded; may hold wildcards such as `s3:*`. */
  actions: string[];
  /** Managed policy names the role was given, kept for display. */
  managedPolicies: string[];
  /**
   * Trusted service principal. A role written without `trust` (a plain list,
   * or `allow:` alone) gets the principal of the first slot that uses it, and
   * `trustFrom` names that slot; null when no slot uses it.
   */
  trust: string | null;
  /** For a role without a declared trust: the first use its trust was taken from, e.g. "the instance profile of i-1". */
  trustFrom?: string;
};

export type PortMapping = { containerPort: number; hostPort: number | null; protocol: Protocol };
export type SecretRef = { name: string; valueFrom: string };
export type MountPoint = { sourceVolume: string; containerPath: string };

export type ContainerSpec = {
  name: string;
  image: string;
  cpu: number;
  memory: number | null;
  memoryReservation: number | null;
  gpu: number;
  essential: boolean;
  portMappings: PortMapping[];
  secrets: SecretRef[];
  logDriver: string | null;
  /** Secrets Manager ARN holding private-registry credentials. */
  repositoryCredentials: string | null;
  mountPoints: MountPoint[];
  stopTimeout: number | null;
};

export type VolumeSpec =
  | { name: string; type: "host"; sourcePath: string | null }
  | { name: string; type: "docker"; driver: string; scope: "task" | "shared" }
  | {
      name: string;
      type: "efs";
      fileSystemId: string;
      transitEncryption: boolean;
      iamAuthorization: boolean;
      accessPointId: string | null;
    }
  | { name: string; type: "fsxWindows"; fileSystemId: string; domain: string | null }
  | { name: string; type: "ebs" }
  | { name: string; type: "s3"; bucket: string | null }
  | { name: string; type: "fsxLustre"; fileSystemId: string | null };

export type VolumeType = VolumeSpec["type"];

export type PlacementConstraint = { type: "distinctInstance" } | { type: "memberOf"; expression: string };
export type PlacementStrategy =
  | { type: "binpack"; field: "cpu" | "memory" }
  | { type: "spread"; field: string }
  | { type: "random" };

export type TaskDefinitionSpec = {
  family: string;
  requiresCompatibilities: LaunchType[];
  /** null when the author did not set it; the engine applies the documented default. */
  networkMode: NetworkMode | null;
  cpu: number | null;
  memory: number | null;
  os: OsFamily;
  arch: CpuArch;
  containers: ContainerSpec[];
  taskRole: string | null;
  executionRole: string | null;
  volumes: VolumeSpec[];
  placementConstraints: PlacementConstraint[];
  ephemeralStorageGiB: number | null;
};

export type LoadBalancerType = "ALB" | "NLB" | "CLB" | "GWLB";
export type LbProtocol = "HTTP" | "HTTPS" | "TCP" | "UDP" | "TCP_UDP" | "TLS" | "GENEVE";

export type LoadBalancerSpec = {
  name: string;
  type: LoadBalancerType;
  /** null: ip for awsvpc tasks, instance otherwise. */
  targetType: "instance" | "ip" | null;
  targetGroup: string;
  containerName: string;
  containerPort: number;
  protocol: LbProtocol;
  azs: string[];
  vpc: string;
  healthCheck: "passing" | "failing";
  endpointService: boolean;
  staticIp: boolean;
};

export type EbsLaunchConfig = {
  name: string;
  role: string | null;
  sizeGiB: number;
  deleteOnTermination: boolean;
};

export type AutoScalingSpec = {
  policy: "targetTracking" | "step" | "scheduled" | "predictive";
  metric:
    | "ECSServiceAverageCPUUtilization"
    | "ECSServiceAverageMemoryUtilization"
    | "ALBRequestCountPerTarget";
  target: number;
  min: number;
  max: number;
  /** Step policy: tasks added when the metric is above target (removed when below). */
  stepAdjustment: number;
};

export type LaunchOptions = {
  launchType: LaunchType | null;
  capacityProviderStrategy: StrategyItem[] | null;
  placementStrategy: PlacementStrategy[] | null;
  placementConstraints: PlacementConstraint[];
  platformVersion: string;
  subnets: string[];
  securityGroups: string[];
  volumeConfigurations: EbsLaunchConfig[];
};

export type ServiceSpec = LaunchOptions & {
  name: string;
  taskDefinition: string;
  schedulingStrategy: "REPLICA" | "DAEMON";
  desiredCount: number;
  loadBalancers: LoadBalancerSpec[];
  deploymentController: "ECS" | "CODE_DEPLOY" | "EXTERNAL";
  /** Legacy service `role` parameter (a role name), or null. */
  role: string | null;
  autoScaling: AutoScalingSpec | null;
};

export type RunTaskStep = LaunchOptions & {
  op: "runTask";
  taskDefinition: string;
  count: number;
  group: string | null;
};

export type UpdateServiceStep = {
  op: "updateService";
  service: string;
  desiredCount: number | null;
  taskDefinition: string | null;
  placementStrategy: PlacementStrategy[] | null;
  placementConstraints: PlacementConstraint[] | null;
  volumeConfigurations: EbsLaunchConfig[] | null;
  platformVersion: string | null;
};

export type Step =
  | { op: "registerTaskDefinition"; family: string }
  | RunTaskStep
  | { op: "createService"; service: string }
  | UpdateServiceStep
  | { op: "scale"; service: string; desiredCount: number }
  | { op: "failInstance"; instance: string }
  | { op: "drainInstance"; instance: string }
  | { op: "spotInterruption"; target: string | null }
  | { op: "changeLoad"; service: string; value: number; duringDeployment: boolean }
  | { op: "call"; action: string; from: string }
  | { op: "imagePull"; from: string }
  | { op: "shipLogs"; from: string }
  | { op: "mountVolume"; from: string; volume: string | null }
  | { op: "readInstanceMetadata"; from: string };

export type StepOp = Step["op"];

export type Verdict = "ok" | "error" | "partial";
export type TaskStatus = "PROVISIONING" | "PENDING" | "RUNNING" | "STOPPED";

export type Expectation = {
  verdict: Verdict | null;
  rules: string[];
  denied: string[];
  tasks: Partial<Record<TaskStatus, number>>;
};

/** A validated scenario with every default filled in. */
export type Scenario = {
  title: string | null;
  seed: number | null;
  /** The day the scenario happens on (YYYY-MM-DD), or null: the caller's `today` decides. */
  date: string | null;
  region: string;
  vpc: string;
  azs: string[];
  subnets: Subnet[];
  cluster: ClusterSpec;
  instances: InstanceSpec[];
  roles: Record<string, RoleSpec>;
  taskDefinitions: TaskDefinitionSpec[];
  services: ServiceSpec[];
  steps: Step[];
  expect: Expectation | null;
};

export type * from "./state";
