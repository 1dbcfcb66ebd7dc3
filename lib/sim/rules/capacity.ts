import { INSTANCE_TYPES } from "../aws/instance-types";
import type { RegisteredTaskDef, Sim, TaskRec } from "../engine/context";
import { newInstanceRec } from "../engine/resources";
import type { AsgProvider, InstanceSpec, LaunchType, StrategyItem } from "../model";
import { m, type Text } from "../text";
import { registerInstance } from "./cluster";

/**
 * Capacity providers: Auto Scaling group providers with managed scaling and
 * termination protection (R14), and how a strategy splits tasks (R19).
 */

export type LaunchPlan = { launchType: LaunchType; strategy: StrategyItem[] | null };
export type PlanError = { error: Text; ruleId: string };

/** Validates ASG providers at cluster setup; a refused provider cannot be used. */
export function setupCapacityProviders(sim: Sim, refused: Set<string>): void {
  for (const p of sim.scenario.cluster.capacityProviders) {
    if (p.kind !== "asg") continue;
    if (p.managedTerminationProtection && (!p.managedScaling || !p.scaleInProtection)) {
      refused.add(p.name);
      const missing = !p.managedScaling
        ? m("engine.capacity.managedScaling")
        : m("engine.capacity.scaleInProtectionOn");
      sim.deny("R14", m("engine.capacity.capacityProviderIsRefused", { pName: p.name, missing }), {
        kind: "cluster",
        subject: p.name,
      });
      continue;
    }
    if (p.managedScaling) {
      sim.rule(
        "R14",
        "applied",
        m("engine.capacity.managedScalingOnEcs", { pName: p.name, targetCapacity: p.targetCapacity }),
      );
      sim.emit(
        "cluster",
        m("engine.capacity.targetTrackingOnCapacityproviderreservation", {
          pName: p.name,
          targetCapacity: p.targetCapacity,
        }),
        {
          ruleId: "R14",
          subject: p.name,
        },
      );
    } else {
      sim.emit("cluster", m("engine.capacity.managedScalingIsOff", { pName: p.name }), {
        ruleId: "R14",
        subject: p.name,
      });
    }
  }
}

/** Decides launch type or strategy for RunTask/CreateService, with AWS's validation (R19). */
export function resolveLaunchPlan(
  sim: Sim,
  opts: { launchType: LaunchType | null; capacityProviderStrategy: StrategyItem[] | null },
  td: RegisteredTaskDef,
  refused: Set<string>,
): LaunchPlan | PlanError {
  const cluster = sim.scenario.cluster;
  if (opts.launchType && opts.capacityProviderStrategy) {
    return { ruleId: "R19", error: m("engine.capacity.launchtypeAndCapacityproviderstrategyCannot") };
  }
  const strategy =
    opts.capacityProviderStrategy ??
    (opts.launchType ? null : cluster.defaultStrategy.length ? cluster.defaultStrategy : null);
  let launchType: LaunchType = opts.launchType ?? "EC2";
  if (strategy?.length) {
    const providers = strategy.map((s) => cluster.capacityProviders.find((p) => p.name === s.provider));
    const missing = strategy.find((s, i) => !providers[i] || refused.has(s.provider));
    if (missing)
      return {
        ruleId: "R19",
        error: m("engine.capacity.capacityProviderIsNot", {
          provider: missing.provider,
          clusterName: cluster.name,
        }),
      };
    if (strategy.filter((s) => s.base > 0).length > 1) {
      return { ruleId: "R19", error: m("engine.capacity.onlyOneCapacityProvider") };
    }
    const kinds = new Set(providers.map((p) => p?.kind));
    if (kinds.size > 1) {
      return {
        ruleId: "R19",
        error: m("engine.capacity.aCapacityProviderStrategy"),
      };
    }
    if (strategy.every((s) => s.weight === 0)) {
      return {
        ruleId: "R19",
        error: m("engine.capacity.atLeastOneCapacity"),
      };
    }
    launchType = kinds.has("fargate") ? "FARGATE" : "EC2";
    sim.rule("R19", "applied", () => describeStrategy(strategy));
  }
  if (!td.spec.requiresCompatibilities.includes(launchType)) {
    return {
      ruleId: launchType === "FARGATE" ? "R16" : "R03",
      error: m("engine.capacity.taskDefinitionIsNot", {
        tdFamily: td.spec.family,
        launchType,
        requiresCompatibilities: td.spec.requiresCompatibilities.join(", "),
      }),
    };
  }
  return { launchType, strategy: strategy?.length ? strategy : null };
}

function describeStrategy(items: StrategyItem[]): Text {
  if (items.length === 1) return m("engine.capacity.allTasksUseCapacity", { provider: items[0]?.provider });
  const base = items.find((s) => s.base > 0);
  const weights = items.map((s) => `${s.provider} ${s.weight}`).join(" : ");
  return base
    ? m("engine.capacity.theFirstTaskS", { base: base.base, provider: base.provider, weights })
    : m("engine.capacity.tasksAreSplitBy", { weights });
}

/**
 * Providers for n new tasks: fill the base first, then the provider furthest
 * below its weight share (ties go to the one listed first).
 */
export function assignProviders(
  items: StrategyItem[],
  existing: ReadonlyMap<string, number>,
  n: number,
): string[] {
  const counts = new Map(items.map((s) => [s.provider, existing.get(s.provider) ?? 0]));
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const base = items.find((s) => s.base > (counts.get(s.provider) ?? 0));
    let chosen = base;
    if (!chosen) {
      let best = Number.POSITIVE_INFINITY;
      for (const s of items) {
        if (s.weight === 0) continue;
        const share = ((counts.get(s.provider) ?? 0) - s.base) / s.weight;
        if (share < best) {
          best = share;
          chosen = s;
        }
      }
    }
    const name = chosen?.provider ?? items[0]?.provider ?? "";
    counts.set(name, (counts.get(name) ?? 0) + 1);
    out.push(name);
  }
  return out;
}

/**
 * Managed scaling (R14): instances needed M = instances in use + new ones to
 * fit the waiting tasks; the group grows to ceil(M × 100 / targetCapacity),
 * capped at maxSize. Returns how many instances were added.
 */
export function scaleOut(sim: Sim, provider: AsgProvider, waiting: TaskRec[]): number {
  const type = INSTANCE_TYPES[provider.instanceType];
  if (!type || waiting.length === 0) return 0;
  const members = sim.instances.filter(
    (i) => i.spec.capacityProvider === provider.name && i.st.status === "ACTIVE",
  );
  const cap = { cpu: type.vcpu * 1024, memory: type.memoryGiB * 1024, enis: Math.max(0, type.enis - 1) };
  const bins: Array<{ cpu: number; memory: number; enis: number }> = [];
  for (const t of waiting) {
    const eni = t.st.networkMode === "awsvpc" ? 1 : 0;
    if (t.needs.cpu > cap.cpu || t.needs.memory > cap.memory) continue;
    let bin = bins.find((b) => b.cpu >= t.needs.cpu && b.memory >= t.needs.memory && b.enis >= eni);
    if (!bin) {
      bin = { ...cap };
      bins.push(bin);
    }
    bin.cpu -= t.needs.cpu;
    bin.memory -= t.needs.memory;
    bin.enis -= eni;
  }
  const inUse = members.filter((i) => i.st.taskIds.length > 0).length;
  const needed = inUse + bins.length;
  const current = members.length;
  const reservation = current === 0 ? 200 : Math.round((needed / current) * 100);
  const target = Math.min(provider.maxSize, Math.ceil((needed * 100) / provider.targetCapacity));
  const add = Math.max(0, target - current);
  sim.rule(
    "R14",
    "applied",
    m("engine.capacity.capacityproviderreservationNeededRunningAgainst", {
      needed,
      current,
      reservation,
      targetCapacity: provider.targetCapacity,
      target,
      maxSize: provider.maxSize,
    }),
    "scale-out",
  );
  if (add === 0) {
    sim.emit(
      "scale",
      m("engine.capacity.isAtItsMaximum", {
        providerName: provider.name,
        maxSize: provider.maxSize,
        waitingLength: waiting.length,
      }),
      {
        ruleId: "R14",
        subject: provider.name,
      },
    );
    return 0;
  }
  // Instances take a while to boot and register; later events of this step follow them.
  sim.t += 30;
  sim.emit(
    "scale",
    m("engine.capacity.capacityproviderreservationLaunchesInstanceS", {
      reservation,
      targetCapacity: provider.targetCapacity,
      providerName: provider.name,
      add,
    }),
    {
      ruleId: "R14",
      subject: provider.name,
    },
  );
  const azs = sim.scenario.azs;
  for (let k = 0; k < add; k++) {
    const az = azs[(current + k) % azs.length] ?? azs[0] ?? "";
    const spec: InstanceSpec = {
      id: sim.nextAsgInstanceId(provider.name),
      type: provider.instanceType,
      az,
      subnet: sim.scenario.subnets.find((s) => s.az === az)?.id ?? "",
      os: "linux",
      arch: type.arch,
      cpu: cap.cpu,
      memory: cap.memory,
      gpu: type.gpu,
      eniLimit: type.enis,
      trunkEnis: type.trunkEnis,
      trunking: false,
      ecsCluster: sim.scenario.cluster.name,
      agent: { blockImdsForAwsvpc: false },
      iptablesBlockImds: false,
      instanceProfile: "ecsInstanceRole",
      ecsOptimizedAmi: true,
      domainJoined: false,
      capacityProvider: provider.name,
      attributes: {},
    };
    const rec = newInstanceRec(spec);
    sim.instances.push(rec);
    sim.instanceById.set(spec.id, rec);
    registerInstance(sim, rec);
  }
  return add;
}
