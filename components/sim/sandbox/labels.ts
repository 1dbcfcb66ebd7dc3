/** Words for the sandbox's choices: what a learner reads in each select and checkbox. */
import type { AppCall, SandboxConfig, VolumeKind } from "./config";

export const NETWORK_LABEL: Record<SandboxConfig["networkMode"], string> = {
  default: "Not set (awsvpc on Fargate, bridge on Linux EC2)",
  awsvpc: "awsvpc",
  bridge: "bridge",
  host: "host",
  none: "none",
};

export const STRATEGY_LABEL: Record<SandboxConfig["placementStrategy"], string> = {
  default: "Not set (services spread across AZs)",
  "binpack:memory": "binpack on memory",
  "binpack:cpu": "binpack on CPU",
  "spread:attribute:ecs.availability-zone": "spread across AZs",
  "spread:instanceId": "spread across instances",
  random: "random",
};

export const LB_LABEL: Record<SandboxConfig["loadBalancer"], string> = {
  none: "None",
  ALB: "Application Load Balancer (ALB)",
  NLB: "Network Load Balancer (NLB)",
  CLB: "Classic Load Balancer (CLB)",
  GWLB: "Gateway Load Balancer (GWLB)",
};

export const TARGET_LABEL: Record<SandboxConfig["targetType"], string> = {
  default: "Not set (ip for awsvpc, else instance)",
  ip: "ip",
  instance: "instance",
};

export const VOLUME_LABEL: Record<VolumeKind, string> = {
  host: "Bind mount",
  docker: "Docker volume (EC2 only)",
  efs: "Amazon EFS",
  ebs: "Amazon EBS, configured at launch",
  fsxWindows: "FSx for Windows File Server",
  s3: "S3 bucket (no such volume type)",
  fsxLustre: "FSx for Lustre (no such volume type)",
};

export const CALL_LABEL: Record<AppCall, string> = {
  none: "None",
  "s3:PutObject": "Write an object to S3 (s3:PutObject)",
  "s3:GetObject": "Read an object from S3 (s3:GetObject)",
  "dynamodb:GetItem": "Read a DynamoDB item (dynamodb:GetItem)",
  "dynamodb:PutItem": "Write a DynamoDB item (dynamodb:PutItem)",
  "secretsmanager:GetSecretValue": "Read a secret with the SDK (secretsmanager:GetSecretValue)",
  "ssm:GetParameters": "Read SSM parameters (ssm:GetParameters)",
  imagePull: "Pull the container image",
  shipLogs: "Ship logs to CloudWatch Logs",
  mountVolume: "Mount the first volume",
  readInstanceMetadata: "Read the instance metadata (IMDS)",
};

export function memoryLabel(mib: number): string {
  return mib >= 1024 ? `${mib / 1024} GB (${mib} MiB)` : `${mib} MiB`;
}

export function cpuLabel(units: number): string {
  return `${units / 1024} vCPU (${units})`;
}
