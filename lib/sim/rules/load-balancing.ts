import type { RegisteredTaskDef, ServiceRec, Sim, TaskRec } from "../engine/context";
import type { LoadBalancerSpec, LoadBalancerState, ServiceSpec, TargetState } from "../model";
import { m, type Text } from "../text";
import { pvAtLeast, resolvePlatformVersion } from "./fargate";
import { serviceLinkedRoleCall } from "./iam";

/**
 * Load balancing rules, checked at CreateService (R27 legacy role, R30–R36)
 * and when targets register (R35 VPC, AZs and health checks).
 */

type RuleError = { ruleId: string; error: Text };
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
      error: m("engine.loadBalancing.serviceListsTargetGroups", { svcName: svc.name, lbsLength: lbs.length }),
    });
  if (svc.deploymentController === "CODE_DEPLOY") {
    if (lbs.length === 0 || lbs.some((l) => l.type !== "ALB" && l.type !== "NLB")) {
      out.push({
        ruleId: "R34",
        error: m("engine.loadBalancing.codedeployBlueGreenFor", { svcName: svc.name }),
      });
    } else if (lbs.length > 1) {
      // Multiple target groups need the ECS deployment controller:
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/register-multiple-targetgroups.html
      out.push({
        ruleId: "R34",
        error: m("engine.loadBalancing.serviceListsTargetGroups2", {
          svcName: svc.name,
          lbsLength: lbs.length,
        }),
      });
    } else {
      sim.rule(
        "R34",
        "allowed",
        m("engine.loadBalancing.codedeployBlueGreenShifts", { lbsType: lbs[0]?.type }),
      );
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
        error: m("engine.loadBalancing.theServiceRoleParameter", { svcName: svc.name }),
      });
    } else if (svc.deploymentController === "EXTERNAL") {
      out.push({
        ruleId: "R27",
        error: m("engine.loadBalancing.theServiceRoleParameter2"),
      });
    } else if (awsvpc) {
      out.push({
        ruleId: "R27",
        error: m("engine.loadBalancing.theServiceRoleParameter3"),
      });
    } else if (lbs.length > 1) {
      out.push({
        ruleId: "R27",
        error: m("engine.loadBalancing.theServiceRoleParameter4"),
      });
    } else {
      sim.rule("R27", "applied", m("engine.loadBalancing.theLegacyServiceRole", { role: svc.role }));
    }
  }
  for (const lb of lbs) out.push(...oneLoadBalancer(sim, lb, td, awsvpc, fargate, launch));
  if (lbs.length > 0 && lbs.length <= 5 && out.length === 0) {
    sim.rule(
      "R35",
      "allowed",
      m("engine.loadBalancing.usesTargetGroupS", {
        svcName: svc.name,
        lbsLength: lbs.length,
        vpc: lbs[0]?.vpc,
      }),
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
    sim.rule("R33", "denied", m("engine.loadBalancing.aClassicLoadBalancer"));
    return [
      {
        ruleId: "R32",
        error: m("engine.loadBalancing.classicLoadBalancersAre", {
          where,
          p: fargate ? "Fargate" : "awsvpc",
        }),
      },
    ];
  }
  const out: RuleError[] = [];
  const targetType = effectiveTargetType(lb, awsvpc);
  if (lb.type !== "CLB") {
    if (awsvpc && targetType !== "ip") {
      out.push({
        ruleId: "R32",
        error: m("engine.loadBalancing.tasksRegisterByIp", { where, p: fargate ? "Fargate" : "awsvpc" }),
      });
    } else if (!awsvpc && targetType === "ip") {
      out.push({
        ruleId: "R32",
        error: m("engine.loadBalancing.targetTypeIpNeeds", { where, networkMode: td.networkMode }),
      });
    } else {
      sim.rule(
        "R32",
        awsvpc ? "allowed" : "applied",
        m("engine.loadBalancing.usesTargetTypeFor", { where, targetType, networkMode: td.networkMode }),
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
        error: m("engine.loadBalancing.containerHasNoPort", {
          where,
          containerName: lb.containerName,
          containerPort: lb.containerPort,
        }),
      },
    ];
  if (lb.type === "CLB") {
    const fixed = td.networkMode === "host" || (mapping.hostPort !== null && mapping.hostPort !== 0);
    if (!fixed)
      return [
        {
          ruleId: "R33",
          error: m("engine.loadBalancing.aClassicLoadBalancer2", { where }),
        },
      ];
    sim.rule(
      "R33",
      "allowed",
      m("engine.loadBalancing.routesToTheStatic", { where, p: mapping.hostPort ?? mapping.containerPort }),
    );
    return [];
  }
  const http = lb.protocol === "HTTP" || lb.protocol === "HTTPS";
  if (lb.type === "ALB" && !http) {
    out.push({
      ruleId: "R30",
      error: m("engine.loadBalancing.anApplicationLoadBalancer", { where, protocol: lb.protocol }),
    });
  } else if (lb.type === "ALB") {
    sim.rule("R30", "allowed", m("engine.loadBalancing.routesWithPathAnd", { where, protocol: lb.protocol }));
  } else if (http) {
    sim.rule(
      "R30",
      "applied",
      m("engine.loadBalancing.trafficThroughAnWorks", { protocol: lb.protocol, lbType: lb.type }),
    );
  }
  if (lb.endpointService && lb.type !== "NLB" && lb.type !== "GWLB") {
    out.push({
      ruleId: "R31",
      error: m("engine.loadBalancing.aPrivatelinkEndpointService", { where }),
    });
  } else if (lb.staticIp && lb.type !== "NLB") {
    out.push({ ruleId: "R31", error: m("engine.loadBalancing.staticIpAddressesPer", { where }) });
  } else if (lb.type === "NLB") {
    sim.rule(
      "R31",
      "allowed",
      m("engine.loadBalancing.handlesAtHighThroughput", {
        where,
        protocol: lb.protocol,
        p: lb.endpointService ? m("engine.loadBalancing.andBacksAPrivatelink") : "",
      }),
    );
  }
  const udp = lb.protocol === "UDP" || lb.protocol === "TCP_UDP" || mapping.protocol === "udp";
  if (lb.type === "NLB" && udp && fargate) {
    const pv = resolvePlatformVersion(launch.platformVersion, td.spec.os);
    const min = td.spec.os === "windows" ? "1.0.0" : "1.4.0";
    if (!pvAtLeast(pv, min))
      out.push({
        ruleId: "R36",
        error: m("engine.loadBalancing.udpToFargateTasks", { where, min, pv }),
      });
    else sim.rule("R36", "allowed", m("engine.loadBalancing.udpThroughReachesFargate", { where, pv }));
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
      serviceLinkedRoleCall(
        sim,
        m("engine.loadBalancing.registerTarget", { taskId: task.st.id, groupName: group.name }),
        task.st.id,
      );
      sim.deny(
        "R35",
        m("engine.loadBalancing.targetCannotBeRegistered", {
          taskId: task.st.id,
          groupName: group.name,
          vpc: lb.vpc,
          vpc2: sim.scenario.vpc,
        }),
        { subject: task.st.id, kind: "target" },
      );
      continue;
    }
    if (task.st.az && !lb.azs.includes(task.st.az)) {
      target.health = "unused";
      sim.deny(
        "R35",
        m("engine.loadBalancing.targetInIsUnused", { taskId: task.st.id, az: task.st.az, lbName: lb.name }),
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
    serviceLinkedRoleCall(
      sim,
      m("engine.loadBalancing.registerTarget", { taskId: task.st.id, groupName: group.name }),
      task.st.id,
    );
    sim.emit(
      "target",
      m("engine.loadBalancing.registeredInAs", {
        taskId: task.st.id,
        groupName: group.name,
        targetId: target.id,
        port,
      }),
      {
        ruleId: "R27",
        subject: task.st.id,
        dt: 20,
      },
    );
    if (target.health === "unhealthy") {
      sim.emit(
        "health",
        m("engine.loadBalancing.failsTheHealthCheck", { taskId: task.st.id, groupName: group.name }),
        {
          ruleId: "R35",
          subject: task.st.id,
          dt: 40,
        },
      );
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
