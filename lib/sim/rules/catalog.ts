/**
 * The 43 ECS rules the simulator decides, with a learner-facing title and the
 * AWS page that states each one (see /work/shared/ecs-rules.md).
 */
const D = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/";
const A = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/";
const CFN_LB =
  "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-service-loadbalancer.html";

export type RuleInfo = { id: string; title: string; doc: string };

const entries: Array<[string, string, string]> = [
  ["R01", 'The agent joins the cluster named by ECS_CLUSTER, else "default"', `${D}ecs-agent-config.html`],
  ["R02", "An instance needs a container instance role to register", `${D}instance_IAM_role.html`],
  [
    "R03",
    "Placement filters by resources, then constraints, then strategy",
    `${D}task-placement-strategies.html`,
  ],
  ["R04", "A Linux EC2 task definition defaults to bridge networking", `${D}task-networking.html`],
  ["R05", "Dynamic host ports let many copies share an instance", `${D}alb.html`],
  [
    "R06",
    "awsvpc tasks on EC2 use one instance ENI each, unless trunking",
    `${D}container-instance-eni.html`,
  ],
  ["R07", "binpack picks the instance with the least of the resource left", `${A}API_PlacementStrategy.html`],
  ["R08", "spread balances tasks over a field; random uses none", `${A}API_PlacementStrategy.html`],
  ["R09", "Services spread by Availability Zone unless told otherwise", `${D}task-placement-strategies.html`],
  [
    "R10",
    "distinctInstance puts each task of a group on its own instance",
    `${D}task-placement-constraints.html`,
  ],
  ["R11", "memberOf keeps only instances matching a cluster query", `${D}task-placement-constraints.html`],
  [
    "R12",
    "DAEMON runs one task per eligible instance, EC2 and ECS deployments only",
    `${D}ecs_service-options.html`,
  ],
  [
    "R13",
    "Scale-in chooses which task to stop by the placement strategy",
    `${D}task-placement-strategies.html`,
  ],
  [
    "R14",
    "ASG capacity providers: managed scaling and termination protection",
    `${D}cluster-auto-scaling.html`,
  ],
  ["R15", "Fargate tasks need a valid task CPU and memory pair", `${D}task-cpu-memory-error.html`],
  ["R16", "Fargate tasks use awsvpc networking in your subnets", `${A}API_TaskDefinition.html`],
  [
    "R17",
    "Fargate takes no placement strategy or constraint; it spreads over AZs itself",
    `${D}task-placement.html`,
  ],
  ["R18", "On Fargate you scale by task count; each task is its own boundary", `${D}AWS_Fargate.html`],
  [
    "R19",
    "A capacity provider strategy fills the base, then splits by weight",
    `${A}API_CapacityProviderStrategyItem.html`,
  ],
  [
    "R20",
    "Fargate Spot: two-minute warning, SIGTERM, no automatic fallback",
    `${D}fargate-capacity-providers.html`,
  ],
  [
    "R21",
    "Service Auto Scaling changes the desired count, never the instances",
    `${D}service-auto-scaling.html`,
  ],
  [
    "R22",
    "Fargate needs the task execution role for ECR pulls and awslogs",
    `${D}task_execution_IAM_role.html`,
  ],
  [
    "R23",
    "Without an execution role, EC2 tasks pull and log with the instance role",
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_ECS.html",
  ],
  [
    "R24",
    "Secrets and private-registry credentials need the execution role",
    `${D}task_execution_IAM_role.html`,
  ],
  [
    "R25",
    "Application calls use the task role, never the execution role",
    "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/security-iam-roles.html",
  ],
  [
    "R26",
    "EC2 containers can reach the instance role through IMDS unless blocked",
    `${D}ec2-security-considerations.html`,
  ],
  [
    "R27",
    "ECS acts through its service-linked role; the legacy service role is limited",
    `${D}using-service-linked-roles.html`,
  ],
  ["R28", "EBS volumes for tasks need an ECS infrastructure role", `${D}infrastructure_IAM_role.html`],
  [
    "R29",
    "EFS IAM authorization uses the task role; it and access points need transit encryption",
    `${A}API_EFSAuthorizationConfig.html`,
  ],
  [
    "R30",
    "HTTP and HTTPS services belong behind an Application Load Balancer",
    `${D}service-load-balancing.html`,
  ],
  ["R31", "Use a Network Load Balancer for extreme TCP/UDP, static IPs or PrivateLink", `${D}nlb.html`],
  ["R32", "awsvpc and Fargate targets need target type ip; no Classic Load Balancer", CFN_LB],
  [
    "R33",
    "A Classic Load Balancer serves only EC2 tasks without awsvpc, on static ports",
    `${A}API_LoadBalancer.html`,
  ],
  ["R34", "CodeDeploy blue/green needs an Application or Network Load Balancer", CFN_LB],
  ["R35", "Service load balancing: five target groups, matching AZs and VPC, health checks", `${D}alb.html`],
  ["R36", "UDP through an NLB to Fargate needs platform version 1.4.0", `${D}nlb.html`],
  [
    "R37",
    "EFS works on EC2 and Fargate 1.4.0+, Linux only, shared across tasks",
    `${D}using_data_volumes.html`,
  ],
  ["R38", "FSx for Windows File Server works for Windows tasks on EC2 only", `${D}wfsx-volumes.html`],
  ["R39", "There is no ECS volume type for S3 or FSx for Lustre", `${A}API_Volume.html`],
  ["R40", "Bind mounts live as long as the task; Fargate gives 20–200 GiB", `${D}fargate-task-storage.html`],
  ["R41", "Docker volumes work on EC2 only (Windows: local driver)", `${A}API_Volume.html`],
  ["R42", "EBS: one volume per task, configured at launch, REPLICA services only", `${D}ebs-volumes.html`],
  [
    "R43",
    "Retired Fargate platform versions launch nothing after their retirement date",
    `${D}platform-versions-retired.html`,
  ],
];

/** Every rule by id. Example: `RULES.R32.doc` is the CloudFormation page for ECS load balancers. */
export const RULES: Record<string, RuleInfo> = Object.fromEntries(
  entries.map(([id, title, doc]) => [id, { id, title, doc }]),
);

/** Rule ids in order, R01 … R43. */
export const RULE_IDS: string[] = entries.map(([id]) => id);
