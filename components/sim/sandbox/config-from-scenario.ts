/**
 * Reading a parsed scenario back into the sandbox's controls. Lossy by design: the sandbox
 * keeps a scenario as written unless the controls reproduce it exactly (load-scenario.ts).
 */
import type { Scenario } from "@/lib/sim";
import { MANAGED_POLICIES } from "@/lib/sim/aws/iam";
import {
  APP_CALLS,
  type AppCall,
  DEFAULT_CONFIG,
  PERMISSIONS,
  type Permission,
  PLACEMENT_STRATEGIES,
  PLATFORM_VERSIONS,
  type SandboxConfig,
  sanitizeConfig,
  VOLUME_KINDS,
} from "./config";

function strategyName(
  s: Scenario["services"][number]["placementStrategy"],
): SandboxConfig["placementStrategy"] {
  if (s?.length !== 1 || !s[0]) return "default";
  const first = s[0];
  const name = first.type === "random" ? "random" : `${first.type}:${first.field}`;
  return (PLACEMENT_STRATEGIES as readonly string[]).includes(name)
    ? (name as SandboxConfig["placementStrategy"])
    : "default";
}

function permissionsOf(scenario: Scenario, role: string | null): Permission[] {
  const spec = role ? scenario.roles[role] : undefined;
  if (!spec) return [];
  // Actions a managed policy brought in are not permissions the author named: take one
  // occurrence of each away, and what is left was written out (even if a policy covers it).
  const left = [...spec.actions];
  for (const action of spec.managedPolicies.flatMap((m) => MANAGED_POLICIES[m] ?? [])) {
    const at = left.indexOf(action);
    if (at >= 0) left.splice(at, 1);
  }
  const named = new Set([...spec.managedPolicies, ...left]);
  return PERMISSIONS.filter((p) => named.has(p));
}

function callOf(scenario: Scenario): AppCall {
  const app = scenario.steps.find(
    (s) =>
      s.op === "call" ||
      s.op === "imagePull" ||
      s.op === "shipLogs" ||
      s.op === "mountVolume" ||
      s.op === "readInstanceMetadata",
  );
  if (!app) return "none";
  if (app.op !== "call") return app.op;
  return (APP_CALLS as readonly string[]).includes(app.action) ? (app.action as AppCall) : "none";
}

/**
 * The controls closest to a parsed scenario. Lossy by design: the sandbox keeps the
 * scenario as written unless `configToYaml` of this result parses to the same scenario.
 */
export function configFromScenario(scenario: Scenario): SandboxConfig {
  const td = scenario.taskDefinitions[0];
  const svc = scenario.services[0];
  const container = td?.containers[0];
  const firstInstance = scenario.instances[0];
  const launchType =
    svc?.launchType ??
    (scenario.instances.length > 0 ? "EC2" : (td?.requiresCompatibilities[0] ?? "FARGATE"));
  const lb = svc?.loadBalancers[0];
  const constraints = [...(svc?.placementConstraints ?? []), ...(td?.placementConstraints ?? [])];
  const memberOf = constraints.find((x) => x.type === "memberOf");
  const volumeKinds = (td?.volumes ?? []).map((v) => (v.type === "host" ? "host" : v.type));
  const bridgePort = container?.portMappings[0]?.hostPort;
  const config: SandboxConfig = {
    launchType,
    networkMode: td?.networkMode ?? "default",
    // On Fargate the instance controls keep their defaults, ready for a switch to EC2.
    instanceCount: scenario.instances.length || (launchType === "FARGATE" ? DEFAULT_CONFIG.instanceCount : 0),
    instanceType: firstInstance?.type ?? DEFAULT_CONFIG.instanceType,
    instanceProfile: firstInstance ? firstInstance.instanceProfile !== null : true,
    blockImds: firstInstance?.agent.blockImdsForAwsvpc ?? false,
    taskCpu: td?.cpu ?? null,
    taskMemory: td?.memory ?? null,
    desiredCount: svc?.desiredCount ?? 1,
    placementStrategy: strategyName(svc?.placementStrategy ?? null),
    distinctInstance: constraints.some((x) => x.type === "distinctInstance"),
    memberOf: memberOf?.type === "memberOf" ? memberOf.expression : "",
    loadBalancer: lb ? lb.type : "none",
    targetType: lb?.targetType ?? "default",
    staticHostPort: bridgePort !== null && bridgePort !== undefined && bridgePort > 0,
    platformVersion: (PLATFORM_VERSIONS as readonly string[]).includes(svc?.platformVersion ?? "")
      ? (svc?.platformVersion as SandboxConfig["platformVersion"])
      : "LATEST",
    volumes: VOLUME_KINDS.filter((k) => volumeKinds.includes(k)),
    privateImage: container ? /\.dkr\.ecr\./.test(container.image) : false,
    secret: (container?.secrets.length ?? 0) > 0,
    awslogs: container?.logDriver === "awslogs",
    taskRole: Boolean(td?.taskRole),
    taskRolePermissions: permissionsOf(scenario, td?.taskRole ?? null),
    executionRole: Boolean(td?.executionRole),
    executionRolePermissions: permissionsOf(scenario, td?.executionRole ?? null),
    call: callOf(scenario),
  };
  return sanitizeConfig(config);
}
