import { MANAGED_POLICIES } from "../aws/iam";
import { DEFAULT_INSTANCE_TYPE, INSTANCE_TYPES } from "../aws/instance-types";
import type { CapacityProvider, ClusterSpec, InstanceSpec, StrategyItem, Subnet } from "../model";
import { m } from "../text";
import type { NormalizeContext } from "./normalize-context";
import type { ParsedScenario } from "./schema";
import { didYouMean } from "./suggest";

/** Region, AZs, subnets: explicit lists win, else they are inferred, else two AZs. */
export function normalizeNetwork(
  input: ParsedScenario,
  ctx: NormalizeContext,
): { azs: string[]; subnets: Subnet[] } {
  const unique = (xs: string[]) => [...new Set(xs)];
  const instanceAzs = unique(input.instances.flatMap((i) => (i.az ? [i.az] : [])));
  const azs =
    input.azs ??
    (input.subnets ? unique(input.subnets.map((s) => s.az)) : undefined) ??
    (instanceAzs.length ? instanceAzs : [`${input.region}a`, `${input.region}b`]);
  const suffix = (az: string) => (az.startsWith(input.region) ? az.slice(input.region.length) : az);
  const subnets = input.subnets ?? azs.map((az) => ({ id: `subnet-${suffix(az)}`, az }));
  subnets.forEach((s, i) => {
    if (!azs.includes(s.az))
      ctx.issue(["subnets", i, "az"], m("scenario.subnetAzNotAmong", { id: s.id, az: s.az }));
  });
  return { azs, subnets };
}

export function normalizeCluster(input: ParsedScenario, ctx: NormalizeContext): ClusterSpec {
  const c = input.cluster;
  const providers: CapacityProvider[] = c.capacityProviders.map((p, i) => {
    if (p === "FARGATE" || p === "FARGATE_SPOT") return { kind: "fargate", name: p };
    const instanceType = p.instanceType ?? DEFAULT_INSTANCE_TYPE;
    if (!INSTANCE_TYPES[instanceType]) {
      ctx.issue(
        ["cluster", "capacityProviders", i, "instanceType"],
        m("scenario.unknownInstanceType", { type: instanceType }),
        didYouMean(instanceType, Object.keys(INSTANCE_TYPES)),
      );
    }
    return {
      kind: "asg",
      name: p.name,
      instanceType,
      maxSize: p.maxSize,
      managedScaling: p.managedScaling,
      targetCapacity: p.targetCapacity,
      managedTerminationProtection: p.managedTerminationProtection,
      scaleInProtection: p.scaleInProtection,
    };
  });
  const strategy: StrategyItem[] = c.defaultStrategy.map((s) => ({ ...s }));
  return { name: c.name, capacityProviders: providers, defaultStrategy: strategy };
}

/** Expands `count`, fills the type's figures, and names instances i-1, i-2, … */
export function normalizeInstances(
  input: ParsedScenario,
  azs: string[],
  subnets: Subnet[],
  cluster: ClusterSpec,
  ctx: NormalizeContext,
): InstanceSpec[] {
  const out: InstanceSpec[] = [];
  const seen = new Set<string>();
  input.instances.forEach((inst, i) => {
    const path = ["instances", i];
    const typeName = inst.type ?? DEFAULT_INSTANCE_TYPE;
    const type = INSTANCE_TYPES[typeName];
    if (!type && (inst.cpu === undefined || inst.memory === undefined)) {
      ctx.issue(
        [...path, "type"],
        m("scenario.unknownInstanceTypeOrSize", { type: typeName }),
        didYouMean(typeName, Object.keys(INSTANCE_TYPES)),
      );
    }
    if (inst.az !== undefined && !azs.includes(inst.az)) {
      ctx.issue([...path, "az"], m("scenario.instanceAzNotAmong", { az: inst.az, azs: azs.join(", ") }));
    }
    if (inst.capacityProvider !== undefined) {
      const cp = cluster.capacityProviders.find((p) => p.name === inst.capacityProvider);
      if (cp?.kind !== "asg") {
        ctx.issue(
          [...path, "capacityProvider"],
          m("scenario.notAsgProvider", { name: inst.capacityProvider }),
        );
      }
    }
    const profile = ctx.role(inst.instanceProfile, [...path, "instanceProfile"], {
      principal: "ec2.amazonaws.com",
      slot: `the instance profile of ${inst.id ?? `i-${out.length + 1}`}`,
    });
    for (let k = 0; k < inst.count; k++) {
      const id = inst.id ? (inst.count > 1 ? `${inst.id}-${k + 1}` : inst.id) : `i-${out.length + 1}`;
      if (seen.has(id)) ctx.issue([...path, "id"], m("scenario.instanceIdTwice", { id }));
      seen.add(id);
      const az = inst.az ?? azs[out.length % azs.length] ?? azs[0] ?? "";
      out.push({
        id,
        type: typeName,
        az,
        subnet: subnets.find((s) => s.az === az)?.id ?? "",
        os: inst.os,
        arch: inst.arch ?? type?.arch ?? "x86_64",
        cpu: inst.cpu ?? (type ? type.vcpu * 1024 : 0),
        memory: inst.memory ?? (type ? type.memoryGiB * 1024 : 0),
        gpu: inst.gpu ?? type?.gpu ?? 0,
        eniLimit: inst.eniLimit ?? type?.enis ?? 3,
        trunkEnis: type?.trunkEnis ?? 0,
        trunking: inst.trunking,
        ecsCluster: inst.ecsCluster === undefined ? cluster.name : inst.ecsCluster,
        agent: { blockImdsForAwsvpc: inst.agent?.ECS_AWSVPC_BLOCK_IMDS ?? false },
        iptablesBlockImds: inst.iptablesBlockImds,
        instanceProfile: profile,
        ecsOptimizedAmi: inst.ami === "ecs-optimized",
        domainJoined: inst.domainJoined,
        capacityProvider: inst.capacityProvider ?? null,
        attributes: { ...inst.attributes },
      });
    }
  });
  return out;
}

/** Turns `roles:` into action sets; managed policy names expand to their actions. */
export function normalizeRoles(input: ParsedScenario, ctx: NormalizeContext): void {
  for (const [name, role] of Object.entries(input.roles)) {
    const actions: string[] = [];
    const managed: string[] = [];
    role.allow.forEach((entry, i) => {
      const policy = MANAGED_POLICIES[entry];
      if (policy) {
        managed.push(entry);
        actions.push(...policy);
      } else if (entry.includes(":") || entry === "*") {
        actions.push(entry);
      } else {
        ctx.issue(
          ["roles", name, "allow", i],
          m("scenario.notActionOrPolicy", { entry }),
          didYouMean(entry, Object.keys(MANAGED_POLICIES)),
        );
      }
    });
    ctx.roles[name] = { name, actions, managedPolicies: managed, trust: role.trust ?? null };
  }
}
