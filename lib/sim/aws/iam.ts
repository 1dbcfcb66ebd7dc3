/**
 * IAM as the simulator sees it: managed policies as action lists, and a
 * matcher for IAM action patterns (`s3:*`, `s3:Get*`; case-insensitive, as IAM is).
 */
export const MANAGED_POLICIES: Record<string, string[]> = {
  AmazonECSTaskExecutionRolePolicy: [
    "ecr:GetAuthorizationToken",
    "ecr:BatchCheckLayerAvailability",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
  ],
  AmazonEC2ContainerServiceforEC2Role: [
    "ec2:DescribeTags",
    "ecs:CreateCluster",
    "ecs:DeregisterContainerInstance",
    "ecs:DiscoverPollEndpoint",
    "ecs:Poll",
    "ecs:RegisterContainerInstance",
    "ecs:StartTelemetrySession",
    "ecs:UpdateContainerInstancesState",
    "ecs:Submit*",
    "ecr:GetAuthorizationToken",
    "ecr:BatchCheckLayerAvailability",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage",
    "logs:CreateLogStream",
    "logs:PutLogEvents",
  ],
  AmazonECSInfrastructureRolePolicyForVolumes: [
    "ec2:AttachVolume",
    "ec2:CreateVolume",
    "ec2:CreateTags",
    "ec2:DeleteVolume",
    "ec2:DescribeAvailabilityZones",
    "ec2:DescribeVolumes",
    "ec2:DetachVolume",
    "kms:CreateGrant",
  ],
  AmazonEC2ContainerServiceRole: [
    "ec2:AuthorizeSecurityGroupIngress",
    "ec2:Describe*",
    "elasticloadbalancing:DeregisterInstancesFromLoadBalancer",
    "elasticloadbalancing:DeregisterTargets",
    "elasticloadbalancing:Describe*",
    "elasticloadbalancing:RegisterInstancesWithLoadBalancer",
    "elasticloadbalancing:RegisterTargets",
  ],
  AmazonEC2ContainerRegistryReadOnly: [
    "ecr:GetAuthorizationToken",
    "ecr:BatchCheckLayerAvailability",
    "ecr:GetDownloadUrlForLayer",
    "ecr:GetRepositoryPolicy",
    "ecr:DescribeRepositories",
    "ecr:ListImages",
    "ecr:DescribeImages",
    "ecr:BatchGetImage",
  ],
  AmazonS3FullAccess: ["s3:*", "s3-object-lambda:*"],
  AmazonS3ReadOnlyAccess: ["s3:Get*", "s3:List*", "s3:Describe*"],
  AmazonDynamoDBFullAccess: ["dynamodb:*"],
  AmazonDynamoDBReadOnlyAccess: [
    "dynamodb:BatchGetItem",
    "dynamodb:Describe*",
    "dynamodb:List*",
    "dynamodb:GetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
  ],
  AmazonSSMReadOnlyAccess: ["ssm:Describe*", "ssm:Get*", "ssm:List*"],
  SecretsManagerReadWrite: ["secretsmanager:*"],
  CloudWatchLogsFullAccess: ["logs:*"],
  AmazonElasticFileSystemClientReadWriteAccess: [
    "elasticfilesystem:ClientMount",
    "elasticfilesystem:ClientWrite",
    "elasticfilesystem:DescribeMountTargets",
  ],
};

/** Roles a scenario may name without defining, with the policy AWS's console gives them. */
export const BUILTIN_ROLES: Record<string, { policies: string[]; trust: string }> = {
  ecsInstanceRole: { policies: ["AmazonEC2ContainerServiceforEC2Role"], trust: "ec2.amazonaws.com" },
  ecsTaskExecutionRole: { policies: ["AmazonECSTaskExecutionRolePolicy"], trust: "ecs-tasks.amazonaws.com" },
  ecsInfrastructureRole: {
    policies: ["AmazonECSInfrastructureRolePolicyForVolumes"],
    trust: "ecs.amazonaws.com",
  },
  ecsServiceRole: { policies: ["AmazonEC2ContainerServiceRole"], trust: "ecs.amazonaws.com" },
};

/** True when an IAM action pattern (with `*` and `?`) covers the action. */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === "*") return true;
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (!p.includes("*") && !p.includes("?")) return p === a;
  const re = new RegExp(
    `^${p
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  return re.test(a);
}

/** True when one of the patterns allows the action. Example: `isAllowed(["s3:*"], "s3:PutObject")` → true. */
export function isAllowed(patterns: readonly string[], action: string): boolean {
  return patterns.some((p) => actionMatches(p, action));
}

const SERVICE_NAMES: Record<string, string> = {
  s3: "S3",
  dynamodb: "DynamoDB",
  ecr: "ECR",
  logs: "CloudWatch Logs",
  secretsmanager: "Secrets Manager",
  ssm: "SSM",
  elasticfilesystem: "EFS",
  ec2: "EC2",
  ecs: "ECS",
  sqs: "SQS",
  sns: "SNS",
  kms: "KMS",
  elasticloadbalancing: "Elastic Load Balancing",
};

/** The AWS service an action belongs to, for display. Example: "logs:PutLogEvents" → "CloudWatch Logs". */
export function serviceOf(action: string): string {
  const prefix = action.split(":")[0] ?? action;
  return SERVICE_NAMES[prefix.toLowerCase()] ?? prefix.toUpperCase();
}

/** Strips an IAM role ARN to its name: "arn:aws:iam::123456789012:role/app" → "app". */
export function roleName(ref: string): string {
  const m = /^arn:aws[a-z-]*:iam::\d*:role\/(?:.*\/)?([^/]+)$/.exec(ref);
  return m?.[1] ?? ref;
}

export type ImageKind = "ecr-private" | "public" | "private-registry";

/** Classifies an image reference by where it is pulled from. */
export function imageKind(image: string, hasRepositoryCredentials: boolean): ImageKind {
  if (/^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image)) return "ecr-private";
  return hasRepositoryCredentials ? "private-registry" : "public";
}
