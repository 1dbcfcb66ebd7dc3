import type { RegisteredTaskDef, ServiceRec, Sim, TaskRec } from "../engine/context";
import type { LoadBalancerSpec, LoadBalancerState, ServiceSpec, TargetState } from "../model";
import { pvAtLeast, resolvePlatformVersion } from "./fargate";
import { serviceLinkedRoleCall } from "./iam";

/**
 * Load balancing rules, checked at CreateService (R27 legacy role, R30–R36)
 * and when targets register (R35 VPC, AZs and health checks).
 */

type RuleError = { ruleId: string; error: string };
type Launch = { launchType: "EC2" | "FARGATE"; platformVersion: string };

export function effectiveTargetType(lb: LoadBalancerSpec, awsvpc: boolean): "instance" | "ip" {
  return lb.targetType ?? (awsvpc ? "ip" : "instance");
}

/** CreateService checks for load balancers and the service role; records the rules that allowed them. */
export function loadBalancerErrors(
  sim: Sim,
  svc: ServiceSpec,
  td: RegisteredTaskDef,
  launch: Launch,
): RuleError[] {
  const lbs = svc.loadBalancers;
  const awsvpc = td.networkMode === "awsvpc";
  const fargate = launch.launchType === "FARGATE";
  const out: RuleError[] = [];
  if (lbs.length > 5)
    out.push({
      ruleId: "R35",
      error: `Service ${svc.name} lists ${lbs.length} target groups; a service may have at most 5`,
    });
  if (svc.deploymentController === "CODE_DEPLOY") {
    if (lbs.length === 0 || lbs.some((l) => l.type !== "ALB" && l.type !== "NLB")) {
      out.push({
        ruleId: "R34",
        error: `CodeDeploy blue/green for ${svc.name} needs an Application or Network Load Balancer`,
      });
    } else if (lbs.length > 1) {
      // Multiple target groups need the ECS deployment controller:
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/register-multiple-targetgroups.html
      out.push({
        ruleId: "R34",
        error: `Service ${svc.name} lists ${lbs.length} target groups, but a service with several target groups must use the ECS deployment controller; with CodeDeploy the service names one target group and CodeDeploy's deployment group holds the second (green) one`,
      });
    } else {
      sim.rule("R34", "allowed", `CodeDeploy blue/green shifts traffic through the ${lbs[0]?.type}`);
    }
  }
  if (svc.role !== null) {
    // CreateService `role`: "If you specify the role parameter, you must also specify a load
    // balancer"; the service-linked role is required with awsvpc, an external deployment
    // controller or multiple target groups.
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
    if (lbs.length === 0) {
      out.push({
        ruleId: "R27",
        error: `The service role parameter is only for a service with a load balancer, and ${svc.name} has none; leave role out and ECS uses its service-linked role`,
      });
    } else if (svc.deploymentController === "EXTERNAL") {
      out.push({
        ruleId: "R27",
        error: `The service role parameter cannot be used with the EXTERNAL deployment controller; ECS uses its service-linked role AWSServiceRoleForECS`,
      });
    } else if (awsvpc) {
      out.push({
        ruleId: "R27",
        error: `The service role parameter cannot be used with awsvpc tasks; ECS uses its service-linked role AWSServiceRoleForECS`,
      });
    } else if (lbs.length > 1) {
      out.push({
        ruleId: "R27",
        error: "The service role parameter cannot be used with multiple target groups",
      });
    } else {
      sim.rule(
        "R27",
        "applied",
        `The legacy service role ${svc.role} is accepted here, but today ECS uses its service-linked role instead`,
      );
    }
  }
  for (const lb of lbs) out.push(...oneLoadBalancer(sim, lb, td, awsvpc, fargate, launch));
  if (lbs.length > 0 && lbs.length <= 5 && out.length === 0) {
    sim.rule(
      "R35",
      "allowed",
      `${svc.name} uses ${lbs.length} target group(s) (max 5) in ${lbs[0]?.vpc}, the tasks' VPC`,
    );
  }
  return out;
}

function oneLoadBalancer(
  sim: Sim,
  lb: LoadBalancerSpec,
  td: RegisteredTaskDef,
  awsvpc: boolean,
  fargate: boolean,
  launch: Launch,
): RuleError[] {
  const where = `${lb.type} ${lb.name}`;
  // The load balancer type and target type come first: a wrong one is the lesson, whatever the ports.
  if (lb.type === "CLB" && (fargate || awsvpc)) {
    sim.rule(
      "R33",
      "denied",
      "A Classic Load Balancer serves only EC2 tasks in bridge or host mode, registered by instance",
    );
    return [
      {
        ruleId: "R32",
        error: `${where}: Classic Load Balancers are not supported for ${fargate ? "Fargate" : "awsvpc"} tasks`,
      },
    ];
  }
  const out: RuleError[] = [];
  const targetType = effectiveTargetType(lb, awsvpc);
  if (lb.type !== "CLB") {
    if (awsvpc && targetType !== "ip") {
      out.push({
        ruleId: "R32",
        error: `${where}: ${fargate ? "Fargate" : "awsvpc"} tasks register by IP, so the target group must use target type ip`,
      });
    } else if (!awsvpc && targetType === "ip") {
      out.push({
        ruleId: "R32",
        error: `${where}: target type ip needs awsvpc tasks; ${td.networkMode} tasks register by instance`,
      });
    } else {
      sim.rule(
        "R32",
        awsvpc ? "allowed" : "applied",
        `${where} uses target type ${targetType} for ${td.networkMode} tasks`,
      );
    }
  }
  const container = td.spec.containers.find((c) => c.name === lb.containerName);
  const mapping = container?.portMappings.find((p) => p.containerPort === lb.containerPort);
  if (!mapping)
    return [
      ...out,
      {
        ruleId: "R35",
        error: `${where}: container ${lb.containerName} has no port mapping for ${lb.containerPort}`,
      },
    ];
  if (lb.type === "CLB") {
    const fixed = td.networkMode === "host" || (mapping.hostPort !== null && mapping.hostPort !== 0);
    if (!fixed)
      return [
        {
          ruleId: "R33",
          error: `${where}: a Classic Load Balancer needs a static host port; hostPort 0 is dynamic`,
        },
      ];
    sim.rule(
      "R33",
      "allowed",
      `${where} routes to the static host port ${mapping.hostPort ?? mapping.containerPort} of EC2 tasks (loadBalancerName, no target group)`,
    );
    return [];
  }
  const http = lb.protocol === "HTTP" || lb.protocol === "HTTPS";
  if (lb.type === "ALB" && !http) {
    out.push({
      ruleId: "R30",
      error: `${where}: an Application Load Balancer listens on HTTP/HTTPS, not ${lb.protocol}; use an NLB`,
    });
  } else if (lb.type === "ALB") {
    sim.rule(
      "R30",
      "allowed",
      `${where} routes ${lb.protocol} with path and host rules, to dynamic ports and to EC2 or Fargate tasks`,
    );
  } else if (http) {
    sim.rule(
      "R30",
      "applied",
      `${lb.protocol} traffic through an ${lb.type} works, but an ALB is the recommended choice for HTTP/HTTPS`,
    );
  }
  if (lb.endpointService && lb.type !== "NLB" && lb.type !== "GWLB") {
    out.push({
      ruleId: "R31",
      error: `${where}: a PrivateLink endpoint service needs a Network or Gateway Load Balancer`,
    });
  } else if (lb.staticIp && lb.type !== "NLB") {
    out.push({ ruleId: "R31", error: `${where}: static IP addresses per AZ need a Network Load Balancer` });
  } else if (lb.type === "NLB") {
    sim.rule(
      "R31",
      "allowed",
      `${where} handles ${lb.protocol} at high throughput with static IPs${lb.endpointService ? " and backs a PrivateLink endpoint service" : ""}`,
    );
  }
  const udp = lb.protocol === "UDP" || lb.protocol === "TCP_UDP" || mapping.protocol === "udp";
  if (lb.type === "NLB" && udp && fargate) {
    const pv = resolvePlatformVersion(launch.platformVersion, td.spec.os);
    const min = td.spec.os === "windows" ? "1.0.0" : "1.4.0";
    if (!pvAtLeast(pv, min))
      out.push({
        ruleId: "R36",
        error: `${where}: UDP to Fargate tasks needs platform version ${min}; this launch uses ${pv}`,
      });
    else sim.rule("R36", "allowed", `UDP through ${where} reaches Fargate tasks on platform version ${pv}`);
  }
  return out;
}

/** Creates the load balancer and target group records a service uses. */
export function attachLoadBalancers(sim: Sim, svc: ServiceRec): void {
  for (const lb of svc.spec.loadBalancers) {
    let state = sim.loadBalancers.find((l) => l.name === lb.name);
    if (!state) {
      state = { name: lb.name, type: lb.type, azs: lb.azs, vpc: lb.vpc, targetGroups: [] };
      sim.loadBalancers.push(state);
    }
    state.targetGroups.push({
      name: lb.type === "CLB" ? lb.name : lb.targetGroup,
      service: svc.spec.name,
      targetType: lb.type === "CLB" ? null : effectiveTargetType(lb, svc.td.networkMode === "awsvpc"),
      protocol: lb.protocol,
      port: lb.containerPort,
      targets: [],
    });
  }
}

function groupOf(
  sim: Sim,
  lb: LoadBalancerSpec,
  service: string,
): LoadBalancerState["targetGroups"][number] | undefined {
  const name = lb.type === "CLB" ? lb.name : lb.targetGroup;
  return sim.loadBalancers
    .find((l) => l.name === lb.name)
    ?.targetGroups.find((g) => g.name === name && g.service === service);
}

/** Registers a running task's targets; returns false when registration or a health check fails (R35). */
export function registerTargets(sim: Sim, svc: ServiceRec, task: TaskRec): boolean {
  let healthy = true;
  for (const lb of svc.spec.loadBalancers) {
    const group = groupOf(sim, lb, svc.spec.name);
    if (!group) continue;
    const byIp = group.targetType === "ip";
    const port = byIp
      ? lb.containerPort
      : (task.st.hostPorts.find(
          (p) => p.container === lb.containerName && p.containerPort === lb.containerPort,
        )?.hostPort ?? lb.containerPort);
    const target: TargetState = {
      id: byIp ? (task.st.ip ?? "") : (task.st.instanceId ?? ""),
      port,
      taskId: task.st.id,
      health: "healthy",
    };
    if (lb.type !== "CLB" && lb.vpc !== sim.scenario.vpc) {
      // CreateService accepts the target group; Elastic Load Balancing refuses each target:
      // RegisterTargets fails with InvalidTarget ("not in the same VPC as the target group").
      // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html
      healthy = false;
      serviceLinkedRoleCall(sim, `register ${task.st.id} as a target of ${group.name}`, task.st.id);
      sim.deny(
        "R35",
        `Target ${task.st.id} cannot be registered in ${group.name}: the target group is in ${lb.vpc} and the task in ${sim.scenario.vpc} (RegisterTargets: InvalidTarget, not in the same VPC as the target group)`,
        { subject: task.st.id, kind: "target" },
      );
      continue;
    }
    if (task.st.az && !lb.azs.includes(task.st.az)) {
      target.health = "unused";
      sim.deny(
        "R35",
        `Target ${task.st.id} in ${task.st.az} is unused: ${lb.name} is not enabled in that AZ`,
        {
          subject: task.st.id,
          severity: "partial",
          kind: "target",
        },
      );
    } else if (lb.healthCheck === "failing") {
      target.health = "unhealthy";
      healthy = false;
    }
    group.targets.push(target);
    serviceLinkedRoleCall(sim, `register ${task.st.id} as a target of ${group.name}`, task.st.id);
    sim.emit("target", `${task.st.id} registered in ${group.name} as ${target.id}:${port}`, {
      ruleId: "R27",
      subject: task.st.id,
      dt: 20,
    });
    if (target.health === "unhealthy") {
      sim.emit("health", `${task.st.id} fails the health check of ${group.name}`, {
        ruleId: "R35",
        subject: task.st.id,
        dt: 40,
      });
    }
  }
  return healthy;
}

/** Deregisters a stopped task's targets. */
export function deregisterTargets(sim: Sim, task: TaskRec): void {
  for (const lb of sim.loadBalancers) {
    for (const g of lb.targetGroups) g.targets = g.targets.filter((t) => t.taskId !== task.st.id);
  }
}
