import { imageKind, isAllowed } from "../aws/iam";
import type { Sim, TaskRec } from "../engine/context";
import type { ContainerSpec, RoleCall, RoleSpec, TaskDefinitionSpec } from "../model";
import { english, m, type Text } from "../text";

/**
 * IAM on the agent's side: who pulls images, fetches secrets and ships logs
 * (R22–R24), the service-linked role (R27), the infrastructure role for EBS
 * (R28) and EFS IAM authorization (R29).
 */

type Principal = { role: RoleSpec | null; via: RoleCall["via"] };

const ECR_PULL = ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
const LOGS = ["logs:CreateLogStream", "logs:PutLogEvents"];

const TRUSTEE: Record<string, Text> = {
  "ecs-tasks.amazonaws.com": m("engine.iam.ecsTasks"),
  "ecs.amazonaws.com": "ECS",
  "ec2.amazonaws.com": m("engine.iam.ec2Instances"),
};

/**
 * Why a principal cannot assume a role, or null when its trust allows it; the
 * phrase follows the role's name: "trusts ecs.amazonaws.com, not …".
 * A role written as a plain list declares no trust and is usable in any slot.
 */
export function trustError(role: RoleSpec, principal: string): Text | null {
  if (role.trust === null || role.trust === principal) return null;
  const who = TRUSTEE[principal] ?? principal;
  return role.trustFrom
    ? m("engine.iam.declaresNoTrustSo", { trustFrom: role.trustFrom, trust: role.trust, who, principal })
    : m("engine.iam.trustsNotSoCannot", { trust: role.trust, principal, who });
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
function missing(role: RoleSpec | null, actions: string[], principal: string): Text | null {
  if (!role) return m("engine.iam.doesNotExist");
  const trust = trustError(role, principal);
  if (trust) return trust;
  const action = actions.find((a) => !isAllowed(role.actions, a));
  return action ? m("engine.iam.doesNotAllow", { action }) : null;
}

/** RegisterTaskDefinition checks: secrets and registry auth need an execution role (R24); so do private ECR images and awslogs on Fargate (R22). */
export function iamRegistrationErrors(td: TaskDefinitionSpec): Array<{ ruleId: string; error: Text }> {
  const out: Array<{ ruleId: string; error: Text }> = [];
  if (td.executionRole !== null) return out;
  const secret = td.containers.find((c) => c.secrets.length > 0 || c.repositoryCredentials !== null);
  if (secret) {
    const what = secret.secrets.length
      ? `secrets (${secret.secrets.map((s) => s.name).join(", ")})`
      : m("engine.iam.privateRegistryCredentials");
    out.push({
      ruleId: "R24",
      error: m("engine.iam.taskDefinitionUsesBut", { tdFamily: td.family, what }),
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
      error: m("engine.iam.fargateTaskDefinitionUses", { tdFamily: td.family, image: ecr.image }),
    });
  }
  if (
    td.requiresCompatibilities.includes("FARGATE") &&
    td.containers.some((c) => c.logDriver === "awslogs")
  ) {
    out.push({
      ruleId: "R22",
      error: m("engine.iam.fargateTaskDefinitionUses2", { tdFamily: td.family }),
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
        m("engine.iam.taskCannotReadThe", {
          id,
          image: c.image,
          p: exec
            ? m("engine.iam.theExecutionRole", { execName: exec.name, lack })
            : m("engine.iam.theTaskDefinitionHas"),
        }),
        { subject: id, kind: "pull" },
      );
      return false;
    }
    sim.rule(
      "R24",
      "allowed",
      m("engine.iam.theExecutionRoleReads", { execName: exec?.name, image: c.image }),
    );
    sim.emit("pull", m("engine.iam.pulledWithRegistryCredentials", { id, image: c.image }), {
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
        ? m("engine.iam.fargatePullsPrivateEcr", { taskFamily: task.td.spec.family })
        : p.via === "executionRole"
          ? m("engine.iam.theExecutionRole2", { pName: p.role?.name, lack })
          : p.role
            ? m("engine.iam.thereIsNoExecution", { pName: p.role.name, lack })
            : m("engine.iam.thereIsNoExecution2");
    sim.deny(ruleId, m("engine.iam.taskCannotPullCannotpullcontainererror", { id, image: c.image, why }), {
      subject: id,
      kind: "pull",
    });
    return false;
  }
  sim.rule(
    ruleId,
    fargate ? "allowed" : "applied",
    fargate
      ? m("engine.iam.fargatePulledWithThe", { image: c.image, pName: p.role?.name })
      : p.via === "executionRole"
        ? m("engine.iam.theEcAgentPulled", { image: c.image, pName: p.role?.name })
        : m("engine.iam.noExecutionRoleThe", { image: c.image, pName: p.role?.name }),
  );
  sim.emit("pull", m("engine.iam.pulledAs", { id, image: c.image, pName: p.role?.name }), {
    ruleId,
    subject: id,
    dt: 5,
  });
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
        m("engine.iam.taskCannotFetchSecret", {
          taskId: task.st.id,
          sName: s.name,
          p: exec
            ? m("engine.iam.theExecutionRole", { execName: exec.name, lack })
            : m("engine.iam.theTaskDefinitionHas"),
        }),
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
      m("engine.iam.theExecutionRoleFetched", { execName: exec?.name, sName: s.name, action }),
    );
    sim.emit(
      "secrets",
      m("engine.iam.injectedFrom", { taskId: task.st.id, sName: s.name, valueFrom: s.valueFrom }),
      {
        ruleId: "R24",
        subject: task.st.id,
        dt: 6,
      },
    );
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
      m("engine.iam.taskCannotStart", {
        taskId: task.st.id,
        cName: c.name,
        p: p.role
          ? m("engine.iam.theAwslogsDriverRuns", { pName: p.role.name, lack })
          : m("engine.iam.theAwslogsDriverHas"),
      }),
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
    m("engine.iam.logsFromGoTo", {
      cName: c.name,
      pName: p.role?.name,
      p: p.via === "executionRole" ? m("engine.iam.executionRole") : m("engine.iam.instanceRole"),
    }),
  );
  sim.emit(
    "logs",
    m("engine.iam.shipsLogsToCloudwatch", { taskId: task.st.id, cName: c.name, pName: p.role?.name }),
    {
      ruleId,
      subject: task.st.id,
      dt: 8,
    },
  );
  return true;
}

/** ECS's service-linked role does the work for ENIs and target registration (R27). */
export function serviceLinkedRoleCall(sim: Sim, what: Text, subject: string): void {
  const isTarget = english(what).includes("target");
  sim.rule("R27", "applied", m("engine.iam.ecsUsedItsService", { what }));
  sim.recordCall({
    principal: "AWSServiceRoleForECS",
    via: "serviceLinkedRole",
    action: isTarget ? "elasticloadbalancing:RegisterTargets" : "ec2:CreateNetworkInterface",
    service: isTarget ? "Elastic Load Balancing" : "EC2",
    taskId: subject.startsWith("t-") ? subject : null,
    allowed: true,
    ruleId: "R27",
  });
}

/** Why the EBS infrastructure role cannot create and attach a volume (R28), or null. */
export function infrastructureRoleError(sim: Sim, roleName: string | null): Text | null {
  if (roleName === null) return m("engine.iam.theVolumeConfigurationNames");
  const role = sim.role(roleName);
  if (!role) return m("engine.iam.theInfrastructureRoleDoes", { roleName });
  // ECS itself (ecs.amazonaws.com) assumes the infrastructure role, not the tasks:
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html
  const trust = trustError(role, "ecs.amazonaws.com");
  if (trust) return m("engine.iam.theInfrastructureRole", { roleName, trust });
  const lack = missing(role, ["ec2:CreateVolume", "ec2:AttachVolume"], "ecs.amazonaws.com");
  return lack ? m("engine.iam.theInfrastructureRoleAttach", { roleName, lack }) : null;
}

/** EFS with IAM authorization mounts as the task role (R29); returns why it fails, or null. */
export function efsIamError(sim: Sim, task: TaskRec): Text | null {
  const role = sim.role(task.td.spec.taskRole);
  if (!role) return m("engine.iam.efsIamAuthorizationMounts");
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
  return lack ? m("engine.iam.theTaskRole", { roleName: role.name, lack }) : null;
}
