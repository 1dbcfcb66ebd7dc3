import { imageKind, isAllowed } from "../aws/iam";
import type { Sim, TaskRec } from "../engine/context";
import type { ContainerSpec, RoleCall, RoleSpec, TaskDefinitionSpec } from "../model";

/**
 * IAM on the agent's side: who pulls images, fetches secrets and ships logs
 * (R22–R24), the service-linked role (R27), the infrastructure role for EBS
 * (R28) and EFS IAM authorization (R29).
 */

type Principal = { role: RoleSpec | null; via: RoleCall["via"] };

const ECR_PULL = ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
const LOGS = ["logs:CreateLogStream", "logs:PutLogEvents"];

const TRUSTEE: Record<string, string> = {
  "ecs-tasks.amazonaws.com": "ECS tasks",
  "ecs.amazonaws.com": "ECS",
  "ec2.amazonaws.com": "EC2 instances",
};

/**
 * Why a principal cannot assume a role, or null when its trust allows it; the
 * phrase follows the role's name: "trusts ecs.amazonaws.com, not …".
 * A role written as a plain list declares no trust and is usable in any slot.
 */
export function trustError(role: RoleSpec, principal: string): string | null {
  if (role.trust === null || role.trust === principal) return null;
  const who = TRUSTEE[principal] ?? principal;
  return role.trustFrom
    ? `declares no trust, so the simulator gave it the trust of its first use, ${role.trustFrom} (${role.trust}); ${who} (${principal}) cannot assume it. Use a separate role, or give it \`trust: ${principal}\``
    : `trusts ${role.trust}, not ${principal}, so ${who} cannot assume it (fix its trust policy)`;
}

/** The credentials the agent uses for a task: the execution role, else (EC2 only) the instance role. */
function agentPrincipal(sim: Sim, task: TaskRec): Principal {
  const exec = sim.role(task.td.spec.executionRole);
  if (exec) return { role: exec, via: "executionRole" };
  if (task.via.launchType === "FARGATE") return { role: null, via: "none" };
  const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
  return { role: sim.role(inst?.spec.instanceProfile ?? null), via: "instanceProfile" };
}

/** Why a role cannot do the actions for a principal, as a phrase after its name ("does not allow s3:GetObject"), or null. */
function missing(role: RoleSpec | null, actions: string[], principal: string): string | null {
  if (!role) return "does not exist";
  const trust = trustError(role, principal);
  if (trust) return trust;
  const action = actions.find((a) => !isAllowed(role.actions, a));
  return action ? `does not allow ${action}` : null;
}

/** RegisterTaskDefinition checks: secrets and registry auth need an execution role (R24); so do private ECR images and awslogs on Fargate (R22). */
export function iamRegistrationErrors(td: TaskDefinitionSpec): Array<{ ruleId: string; error: string }> {
  const out: Array<{ ruleId: string; error: string }> = [];
  if (td.executionRole !== null) return out;
  const secret = td.containers.find((c) => c.secrets.length > 0 || c.repositoryCredentials !== null);
  if (secret) {
    const what = secret.secrets.length
      ? `secrets (${secret.secrets.map((s) => s.name).join(", ")})`
      : "private registry credentials";
    out.push({
      ruleId: "R24",
      error: `Task definition ${td.family} uses ${what} but has no executionRoleArn: ECS fetches them with the task execution role (ClientException)`,
    });
  }
  // Fargate refuses the definition itself, not the task: "Fargate requires task definition to
  // have execution role ARN to support ECR images" (ClientException from RegisterTaskDefinition).
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
  const ecr = td.containers.find(
    (c) => imageKind(c.image, c.repositoryCredentials !== null) === "ecr-private",
  );
  if (td.requiresCompatibilities.includes("FARGATE") && ecr) {
    out.push({
      ruleId: "R22",
      error: `Fargate task definition ${td.family} uses the private ECR image ${ecr.image} without an execution role: "Fargate requires task definition to have execution role ARN to support ECR images" (ClientException)`,
    });
  }
  if (
    td.requiresCompatibilities.includes("FARGATE") &&
    td.containers.some((c) => c.logDriver === "awslogs")
  ) {
    out.push({
      ruleId: "R22",
      error: `Fargate task definition ${td.family} uses the awslogs driver without an execution role (ClientException)`,
    });
  }
  return out;
}

/** Image pull for one container; false stops the task with CannotPullContainerError. */
export function pullImage(sim: Sim, task: TaskRec, c: ContainerSpec): boolean {
  const kind = imageKind(c.image, c.repositoryCredentials !== null);
  if (kind === "public") return true;
  const id = task.st.id;
  if (kind === "private-registry") {
    const exec = sim.role(task.td.spec.executionRole);
    const lack = missing(exec, ["secretsmanager:GetSecretValue"], "ecs-tasks.amazonaws.com");
    sim.recordCall({
      principal: exec?.name ?? "(none)",
      via: exec ? "executionRole" : "none",
      action: "secretsmanager:GetSecretValue",
      service: "Secrets Manager",
      taskId: id,
      allowed: lack === null,
      ruleId: "R24",
    });
    if (lack) {
      sim.deny(
        "R24",
        `Task ${id} cannot read the registry credentials for ${c.image}: ${exec ? `the execution role ${exec.name} ${lack}` : "the task definition has no execution role"}`,
        { subject: id, kind: "pull" },
      );
      return false;
    }
    sim.rule(
      "R24",
      "allowed",
      `The execution role ${exec?.name} reads the private registry credentials for ${c.image}`,
    );
    sim.emit("pull", `${id} pulled ${c.image} with registry credentials read by the execution role`, {
      ruleId: "R24",
      subject: id,
      dt: 5,
    });
    return true;
  }
  const p = agentPrincipal(sim, task);
  const fargate = task.via.launchType === "FARGATE";
  const ruleId = fargate ? "R22" : "R23";
  const trustee = p.via === "instanceProfile" ? "ec2.amazonaws.com" : "ecs-tasks.amazonaws.com";
  const lack = missing(p.role, ECR_PULL, trustee);
  sim.recordCall({
    principal: p.role?.name ?? "(none)",
    via: p.via,
    action: "ecr:GetDownloadUrlForLayer",
    service: "ECR",
    taskId: id,
    allowed: lack === null,
    ruleId,
  });
  if (lack) {
    const why =
      p.via === "none"
        ? `Fargate pulls private ECR images with the task execution role, and ${task.td.spec.family} has none`
        : p.via === "executionRole"
          ? `the execution role ${p.role?.name} ${lack}`
          : p.role
            ? `there is no execution role, so the agent uses the instance role ${p.role.name}, which ${lack}`
            : "there is no execution role and the instance has no instance role";
    sim.deny(ruleId, `Task ${id} cannot pull ${c.image}: ${why} (CannotPullContainerError)`, {
      subject: id,
      kind: "pull",
    });
    return false;
  }
  sim.rule(
    ruleId,
    fargate ? "allowed" : "applied",
    fargate
      ? `Fargate pulled ${c.image} with the execution role ${p.role?.name}`
      : p.via === "executionRole"
        ? `The EC2 agent pulled ${c.image} with the execution role ${p.role?.name}; the instance role is used only when there is none`
        : `No execution role: the EC2 agent pulled ${c.image} with the instance role ${p.role?.name}`,
  );
  sim.emit("pull", `${id} pulled ${c.image} as ${p.role?.name}`, { ruleId, subject: id, dt: 5 });
  return true;
}

/** Injects `secrets` with the execution role (R24); false stops the task. */
export function injectSecrets(sim: Sim, task: TaskRec, c: ContainerSpec): boolean {
  const exec = sim.role(task.td.spec.executionRole);
  for (const s of c.secrets) {
    const action = /^arn:aws[a-z-]*:secretsmanager:/.test(s.valueFrom)
      ? "secretsmanager:GetSecretValue"
      : "ssm:GetParameters";
    const lack = missing(exec, [action], "ecs-tasks.amazonaws.com");
    sim.recordCall({
      principal: exec?.name ?? "(none)",
      via: exec ? "executionRole" : "none",
      action,
      service: action.startsWith("ssm") ? "SSM" : "Secrets Manager",
      taskId: task.st.id,
      allowed: lack === null,
      ruleId: "R24",
    });
    if (lack) {
      sim.deny(
        "R24",
        `Task ${task.st.id} cannot fetch secret ${s.name}: ${exec ? `the execution role ${exec.name} ${lack}` : "the task definition has no execution role"} (ResourceInitializationError)`,
        {
          subject: task.st.id,
          kind: "secrets",
        },
      );
      return false;
    }
    sim.rule(
      "R24",
      "allowed",
      `The execution role ${exec?.name} fetched ${s.name} with ${action} and ECS injected it as an environment variable`,
    );
    sim.emit("secrets", `${task.st.id}: ${s.name} injected from ${s.valueFrom}`, {
      ruleId: "R24",
      subject: task.st.id,
      dt: 6,
    });
  }
  return true;
}

/** Sets up the awslogs driver (R22 on Fargate, R23 on EC2); false stops the task. */
export function setupLogs(sim: Sim, task: TaskRec, c: ContainerSpec): boolean {
  if (c.logDriver !== "awslogs") return true;
  const p = agentPrincipal(sim, task);
  const fargate = task.via.launchType === "FARGATE";
  const ruleId = fargate ? "R22" : "R23";
  const lack = missing(
    p.role,
    LOGS,
    p.via === "instanceProfile" ? "ec2.amazonaws.com" : "ecs-tasks.amazonaws.com",
  );
  sim.recordCall({
    principal: p.role?.name ?? "(none)",
    via: p.via,
    action: "logs:PutLogEvents",
    service: "CloudWatch Logs",
    taskId: task.st.id,
    allowed: lack === null,
    ruleId,
  });
  if (lack) {
    sim.deny(
      ruleId,
      `Task ${task.st.id} cannot start ${c.name}: ${p.role ? `the awslogs driver runs as ${p.role.name}, which ${lack}` : "the awslogs driver has no role to run as"}`,
      {
        subject: task.st.id,
        kind: "logs",
      },
    );
    return false;
  }
  sim.rule(
    ruleId,
    fargate ? "allowed" : "applied",
    `Logs from ${c.name} go to CloudWatch Logs as ${p.role?.name} (${p.via === "executionRole" ? "execution role" : "instance role"})`,
  );
  sim.emit("logs", `${task.st.id}/${c.name} ships logs to CloudWatch Logs as ${p.role?.name}`, {
    ruleId,
    subject: task.st.id,
    dt: 8,
  });
  return true;
}

/** ECS's service-linked role does the work for ENIs and target registration (R27). */
export function serviceLinkedRoleCall(sim: Sim, what: string, subject: string): void {
  sim.rule(
    "R27",
    "applied",
    `ECS used its service-linked role AWSServiceRoleForECS (created automatically) to ${what}`,
  );
  sim.recordCall({
    principal: "AWSServiceRoleForECS",
    via: "serviceLinkedRole",
    action: what.includes("target") ? "elasticloadbalancing:RegisterTargets" : "ec2:CreateNetworkInterface",
    service: what.includes("target") ? "Elastic Load Balancing" : "EC2",
    taskId: subject.startsWith("t-") ? subject : null,
    allowed: true,
    ruleId: "R27",
  });
}

/** Why the EBS infrastructure role cannot create and attach a volume (R28), or null. */
export function infrastructureRoleError(sim: Sim, roleName: string | null): string | null {
  if (roleName === null) return "the volume configuration names no infrastructure role (roleArn)";
  const role = sim.role(roleName);
  if (!role) return `the infrastructure role ${roleName} does not exist`;
  // ECS itself (ecs.amazonaws.com) assumes the infrastructure role, not the tasks:
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html
  const trust = trustError(role, "ecs.amazonaws.com");
  if (trust) return `the infrastructure role ${roleName} ${trust}`;
  const lack = missing(role, ["ec2:CreateVolume", "ec2:AttachVolume"], "ecs.amazonaws.com");
  return lack
    ? `the infrastructure role ${roleName} ${lack} (attach AmazonECSInfrastructureRolePolicyForVolumes)`
    : null;
}

/** EFS with IAM authorization mounts as the task role (R29); returns why it fails, or null. */
export function efsIamError(sim: Sim, task: TaskRec): string | null {
  const role = sim.role(task.td.spec.taskRole);
  if (!role) return "EFS IAM authorization mounts with the task role, and the task has none";
  const lack = missing(role, ["elasticfilesystem:ClientMount"], "ecs-tasks.amazonaws.com");
  sim.recordCall({
    principal: role.name,
    via: "taskRole",
    action: "elasticfilesystem:ClientMount",
    service: "EFS",
    taskId: task.st.id,
    allowed: lack === null,
    ruleId: "R29",
  });
  return lack ? `the task role ${role.name} ${lack}` : null;
}
