import { platformRetirement } from "../aws/platform-versions";
import type { RegisteredTaskDef, Sim, TaskRec } from "../engine/context";
import type { LaunchOptions, OsFamily, TaskDefinitionSpec } from "../model";
import { m, type Text } from "../text";
import type { LaunchPlan } from "./capacity";

/**
 * Fargate rules: task sizes (R15), awsvpc and subnets (R16), no placement
 * controls (R17), isolation (R18), Fargate Spot limits (R20) and retired platform versions (R43).
 */

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** Valid task memory (MiB) per task CPU (units); the last two need platform version 1.4.0. */
export const FARGATE_SIZES: ReadonlyArray<{ cpu: number; memory: number[]; needsPv14: boolean }> = [
  { cpu: 256, memory: [512, 1024, 2048], needsPv14: false },
  { cpu: 512, memory: range(1024, 4096, 1024), needsPv14: false },
  { cpu: 1024, memory: range(2048, 8192, 1024), needsPv14: false },
  { cpu: 2048, memory: range(4096, 16384, 1024), needsPv14: false },
  { cpu: 4096, memory: range(8192, 30720, 1024), needsPv14: false },
  { cpu: 8192, memory: range(16384, 61440, 4096), needsPv14: true },
  { cpu: 16384, memory: range(32768, 122880, 8192), needsPv14: true },
];

const gb = (mib: number) => `${mib / 1024} GB`;

/**
 * Why a Fargate task size is invalid, or null. The API's words come first: RegisterTaskDefinition
 * answers "Invalid 'cpu' setting for task." (ClientException); "No Fargate configuration exists for
 * given values" is how Terraform reports it (task-cpu-memory-error.html).
 * Example: (512, 8192) → "Invalid 'cpu' setting for task (ClientException): 512 CPU allows …".
 */
export function fargateSizeError(cpu: number | null, memory: number | null): Text | null {
  if (cpu === null || memory === null) return m("engine.fargate.fargateTaskDefinitionsNeed");
  const row = FARGATE_SIZES.find((r) => r.cpu === cpu);
  if (!row) {
    return m("engine.fargate.invalidCpuSettingFor", { cpu, p: FARGATE_SIZES.map((r) => r.cpu).join(", ") });
  }
  if (!row.memory.includes(memory)) {
    const first = row.memory[0] ?? 0;
    const last = row.memory[row.memory.length - 1] ?? 0;
    const step = (row.memory[1] ?? first) - first;
    const allowed =
      row.cpu === 256 ? m("engine.fargate.mibGbOrGb") : `${gb(first)} to ${gb(last)} in ${gb(step)} steps`;
    return m("engine.fargate.invalidCpuSettingFor2", { cpu, memory, allowed });
  }
  return null;
}

/** "LATEST" resolved: 1.4.0 on Linux, 1.0.0 on Windows. */
export function resolvePlatformVersion(pv: string, os: OsFamily): string {
  return pv === "LATEST" ? (os === "windows" ? "1.0.0" : "1.4.0") : pv;
}

/**
 * R43: a Fargate launch on a platform version retired by the simulated day is refused; before
 * that day it is accepted (and the rule says when it retires). Returns the error, or null.
 */
export function platformVersionRetiredError(
  sim: Sim,
  pv: string,
  os: OsFamily,
): { ruleId: string; error: Text } | null {
  const resolved = resolvePlatformVersion(pv, os);
  const r = platformRetirement(resolved, os, sim.scenario.region);
  if (!r) return null;
  if (sim.date >= r.retired) {
    return {
      ruleId: "R43",
      error: m("engine.fargate.fargatePlatformVersionIs", {
        resolved,
        region: sim.scenario.region,
        retired: r.retired,
        stopped: r.stopped,
        date: sim.date,
      }),
    };
  }
  sim.rule(
    "R43",
    "allowed",
    m("engine.fargate.onPlatformVersionStill", {
      date: sim.date,
      resolved,
      region: sim.scenario.region,
      retired: r.retired,
      stopped: r.stopped,
    }),
  );
  return null;
}

/** Compares dotted versions: pvAtLeast("1.3.0", "1.4.0") → false. */
export function pvAtLeast(pv: string, min: string): boolean {
  const a = pv.split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** RegisterTaskDefinition checks for Fargate-compatible definitions (R15, R20). */
export function fargateRegistrationErrors(td: TaskDefinitionSpec): Array<{ ruleId: string; error: Text }> {
  if (!td.requiresCompatibilities.includes("FARGATE")) return [];
  const out: Array<{ ruleId: string; error: Text }> = [];
  const size = fargateSizeError(td.cpu, td.memory);
  if (size) out.push({ ruleId: "R15", error: size });
  // Windows on Fargate: at least 1 vCPU and at most 4 vCPU (the 8 and 16 vCPU rows are Linux only).
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html
  if (!size && td.os === "windows" && td.cpu !== null && (td.cpu < 1024 || td.cpu > 4096)) {
    out.push({
      ruleId: "R15",
      error: m("engine.fargate.windowsTasksOnFargate", {
        cpu: td.cpu,
        p: td.cpu < 1024 ? "below 1 vCPU" : m("engine.fargate.availableToLinuxTasks"),
      }),
    });
  }
  // gpu is not a valid container parameter on Fargate.
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
  const gpu = td.containers.find((c) => c.gpu > 0);
  if (gpu) {
    out.push({
      ruleId: "R15",
      error: m("engine.fargate.containerAsksForGpu", { gpuName: gpu.name, gpu: gpu.gpu }),
    });
  }
  const slow = td.containers.find((c) => (c.stopTimeout ?? 0) > 120);
  if (slow) {
    out.push({
      ruleId: "R20",
      error: m("engine.fargate.containerAsksForA", { slowName: slow.name, stopTimeout: slow.stopTimeout }),
    });
  }
  return out;
}

/** RunTask/CreateService checks for a Fargate launch (R15, R16, R17, R20). */
export function fargateLaunchError(
  td: RegisteredTaskDef,
  opts: LaunchOptions,
  plan: LaunchPlan,
): { ruleId: string; error: Text } | null {
  if (plan.launchType !== "FARGATE") return null;
  const spec = td.spec;
  if (
    opts.placementStrategy?.length ||
    opts.placementConstraints.length ||
    spec.placementConstraints.length
  ) {
    return {
      ruleId: "R17",
      error: m("engine.fargate.fargateTakesNoPlacement"),
    };
  }
  if (opts.subnets.length === 0) {
    return {
      ruleId: "R16",
      error: m("engine.fargate.aFargateTaskNeeds"),
    };
  }
  const pv = resolvePlatformVersion(opts.platformVersion, spec.os);
  const row = FARGATE_SIZES.find((r) => r.cpu === spec.cpu);
  if (row?.needsPv14 && !pvAtLeast(pv, "1.4.0")) {
    return {
      ruleId: "R15",
      error: m("engine.fargate.cpuUnitsOnFargate", { cpu: spec.cpu, pv }),
    };
  }
  const spot = plan.strategy?.some((s) => s.provider === "FARGATE_SPOT" && (s.weight > 0 || s.base > 0));
  if (spot && spec.os === "windows") return { ruleId: "R20", error: m("engine.fargate.fargateSpotDoesNot") };
  if (spot && spec.arch === "arm64" && !pvAtLeast(pv, "1.4.0")) {
    return {
      ruleId: "R20",
      error: m("engine.fargate.fargateSpotRunsArm", { pv }),
    };
  }
  return null;
}

/**
 * The subnet for a Fargate task: the AZ with the fewest tasks of the same
 * group on the same provider (FARGATE and FARGATE_SPOT are balanced apart, R17).
 */
export function fargateSubnet(sim: Sim, task: TaskRec): string | null {
  const subnets = task.subnets
    .map((id) => sim.scenario.subnets.find((s) => s.id === id))
    .filter((s): s is { id: string; az: string } => s !== undefined);
  if (subnets.length === 0) return null;
  const counts = sim.fargateAzCounts(task.st.group, task.via.provider);
  let best = subnets[0] as { id: string; az: string };
  for (const s of subnets) if ((counts.get(s.az) ?? 0) < (counts.get(best.az) ?? 0)) best = s;
  counts.set(best.az, (counts.get(best.az) ?? 0) + 1);
  sim.rule("R17", "applied", () =>
    m("engine.fargate.fargatePlacedInBalancing", {
      taskId: task.st.id,
      az: best.az,
      p: task.via.provider ?? "FARGATE",
    }),
  );
  return best.id;
}
