import type { InstanceRec, RegisteredTaskDef, ServiceRec, Sim, TaskRec, Via } from "../engine/context";
import { isPlaced, setFailure, stopTask } from "../engine/lifecycle";
import { allocate, hostPortNeeds, type PortNeed, taskNeeds } from "../engine/resources";
import type { AsgProvider, LaunchOptions, PlacementConstraint, PlacementStrategy } from "../model";
import {
  assignProviders,
  type LaunchPlan,
  type PlanError,
  resolveLaunchPlan,
  scaleOut,
} from "../rules/capacity";
import {
  fargateLaunchError,
  fargateSubnet,
  platformVersionRetiredError,
  resolvePlatformVersion,
} from "../rules/fargate";
import { injectSecrets, pullImage, serviceLinkedRoleCall, setupLogs } from "../rules/iam";
import { registerTargets } from "../rules/load-balancing";
import { place, queryError } from "../rules/placement";
import { storageLaunchError } from "../rules/storage";
import { mountVolumes } from "../rules/storage-mount";
import { m, type Text } from "../text";

/**
 * RunTask and the service scheduler share this path: validate the launch,
 * create tasks, place them (EC2 placement or Fargate AZ balance), then start
 * them: image pulls, secrets, logs and volumes, then RUNNING and targets.
 */

/** API-level validation of a launch; an error refuses the whole call. */
export function validateLaunch(
  sim: Sim,
  td: RegisteredTaskDef,
  opts: LaunchOptions,
  daemon: boolean,
): { plan: LaunchPlan } | PlanError {
  const plan = resolveLaunchPlan(sim, opts, td, sim.refusedProviders);
  if ("error" in plan) return plan;
  // A retired platform version is refused before anything it could or could not do (R43).
  const retired =
    plan.launchType === "FARGATE" ? platformVersionRetiredError(sim, opts.platformVersion, td.spec.os) : null;
  if (retired) return retired;
  const fargate = fargateLaunchError(td, opts, plan);
  if (fargate) return fargate;
  for (const c of [...td.spec.placementConstraints, ...opts.placementConstraints]) {
    const e = c.type === "memberOf" ? queryError(c.expression) : null;
    if (e)
      return {
        ruleId: "R11",
        error: m("engine.launch.memberofIsNotA", { p: c.type === "memberOf" ? c.expression : "", e }),
      };
  }
  if (td.networkMode === "awsvpc" && opts.subnets.length === 0) {
    return { ruleId: "R16", error: m("engine.launch.awsvpcTasksNeedSubnets") };
  }
  const storage = storageLaunchError(td, {
    launchType: plan.launchType,
    platformVersion: opts.platformVersion,
    volumeConfigurations: opts.volumeConfigurations,
    daemon,
  });
  if (storage) return storage;
  return { plan };
}

export type LaunchRequest = {
  td: RegisteredTaskDef;
  plan: LaunchPlan;
  opts: LaunchOptions;
  service: ServiceRec | null;
  group: string;
  strategy: PlacementStrategy[];
  constraints: PlacementConstraint[];
};

/** Creates n task records in PROVISIONING, with providers assigned by the strategy (R19). */
export function createTasks(sim: Sim, req: LaunchRequest, n: number): TaskRec[] {
  const { td, plan } = req;
  const existing = new Map<string, number>();
  for (const t of sim.liveTasks((x) => x.st.group === req.group)) {
    if (t.via.provider) existing.set(t.via.provider, (existing.get(t.via.provider) ?? 0) + 1);
  }
  const providers = plan.strategy ? assignProviders(plan.strategy, existing, n) : [];
  const needs = taskNeeds(td.spec);
  return Array.from({ length: n }, (_, k) => {
    const via: Via = {
      launchType: plan.launchType,
      provider: providers[k] ?? (plan.launchType === "FARGATE" ? "FARGATE" : null),
    };
    const rec: TaskRec = {
      st: {
        id: sim.nextTaskId(),
        family: td.spec.family,
        revision: td.revision,
        group: req.group,
        service: req.service?.spec.name ?? null,
        launchType: plan.launchType,
        capacityProvider: plan.strategy ? via.provider : null,
        state: "PROVISIONING",
        instanceId: null,
        az: null,
        subnet: null,
        eni: null,
        ip: null,
        hostPorts: [],
        cpu: needs.cpu,
        memory: needs.memory,
        gpu: needs.gpu,
        networkMode: td.networkMode,
        platformVersion:
          plan.launchType === "FARGATE" ? resolvePlatformVersion(req.opts.platformVersion, td.spec.os) : null,
        failureReason: null,
      },
      td,
      needs,
      via,
      service: req.service,
      subnets: req.opts.subnets,
      strategy: req.strategy,
      constraints: req.constraints,
      volumeConfigs: req.opts.volumeConfigurations,
    };
    sim.addTask(rec);
    return rec;
  });
}

/** What one batch of placements shares: the active instances, and host ports per task definition. */
type Batch = { active: InstanceRec[]; ports: Map<RegisteredTaskDef, PortNeed[]>; pinned: InstanceRec | null };

function newBatch(sim: Sim, pinned: InstanceRec | null): Batch {
  return { active: sim.activeInstances(), ports: new Map(), pinned };
}

function candidatesFor(batch: Batch, task: TaskRec): InstanceRec[] {
  if (batch.pinned) return batch.pinned.st.status === "ACTIVE" ? [batch.pinned] : [];
  const provider = task.via.provider;
  return provider ? batch.active.filter((i) => i.spec.capacityProvider === provider) : batch.active;
}

function portsFor(batch: Batch, task: TaskRec): PortNeed[] {
  let ports = batch.ports.get(task.td);
  if (!ports) {
    ports = hostPortNeeds(task.td.spec, task.td.networkMode);
    batch.ports.set(task.td, ports);
  }
  return ports;
}

function asgProvider(sim: Sim, name: string | null): AsgProvider | null {
  const p = sim.scenario.cluster.capacityProviders.find((x) => x.name === name);
  return p?.kind === "asg" ? p : null;
}

/** Places one task; returns false and records why when nothing fits. */
function placeOne(sim: Sim, task: TaskRec, batch: Batch): boolean {
  if (task.via.launchType === "FARGATE") {
    const subnet = fargateSubnet(sim, task);
    if (!subnet) return false;
    task.st.subnet = subnet;
    task.st.az = sim.scenario.subnets.find((s) => s.id === subnet)?.az ?? null;
    task.st.eni = sim.nextEni();
    task.st.ip = sim.nextIp(subnet);
    sim.rule("R18", "applied", m("engine.launch.eachFargateTaskRuns"));
    serviceLinkedRoleCall(
      sim,
      m("engine.launch.attachEniTo", { eni: task.st.eni, taskId: task.st.id }),
      task.st.id,
    );
    sim.emit(
      "provision",
      m("engine.launch.provisionedOnInWith", {
        taskId: task.st.id,
        p: task.via.provider ?? "FARGATE",
        az: task.st.az,
        eni: task.st.eni,
        ip: task.st.ip,
      }),
      {
        ruleId: "R17",
        subject: task.st.id,
      },
    );
    return true;
  }
  const ports = portsFor(batch, task);
  const result = place(sim, task, candidatesFor(batch, task), ports);
  if (!result.inst) {
    const waits = asgProvider(sim, task.via.provider) !== null;
    task.st.state = waits ? "PROVISIONING" : "PENDING";
    setFailure(task, m("engine.launch.failure", { reason: result.reason, ruleId: result.ruleId }));
    const verb = m(waits ? "engine.verb.provisioning" : "engine.verb.pending");
    sim.rule(
      result.ruleId,
      "denied",
      m("engine.launch.task", { taskId: task.st.id, verb, reason: result.reason }),
    );
    for (const other of result.also ?? [])
      sim.rule(
        other.ruleId,
        "denied",
        m("engine.launch.task", { taskId: task.st.id, verb, reason: other.reason }),
      );
    sim.emit(
      waits ? "provision" : "pending",
      m("engine.launch.message", { taskId: task.st.id, verb, reason: result.reason }),
      {
        ruleId: result.ruleId,
        subject: task.st.id,
      },
    );
    return false;
  }
  const inst = result.inst;
  allocate(sim, task, inst, ports);
  setFailure(task, null);
  if (ports.length) recordPorts(sim, task, ports);
  if (task.st.networkMode === "awsvpc") {
    task.st.eni = sim.nextEni();
    task.st.ip = sim.nextIp(inst.spec.subnet);
    sim.rule("R06", "applied", () => {
      const e = inst.st.enis;
      return e.trunking
        ? m("engine.launch.usesATrunkBranch", {
            taskId: task.st.id,
            instId: inst.spec.id,
            used: e.used,
            total: e.total,
          })
        : m("engine.launch.usesOneOfS", {
            taskId: task.st.id,
            instId: inst.spec.id,
            used: e.used,
            total: e.total,
          });
    });
    serviceLinkedRoleCall(
      sim,
      m("engine.launch.attachEniTo", { eni: task.st.eni, taskId: task.st.id }),
      task.st.id,
    );
  }
  sim.emit(
    "place",
    m("engine.launch.placedOn", { taskId: task.st.id, instId: inst.spec.id, az: inst.spec.az }),
    {
      ruleId: "R03",
      subject: task.st.id,
    },
  );
  return true;
}

function recordPorts(sim: Sim, task: TaskRec, ports: PortNeed[]): void {
  const dynamic = ports.find((p) => p.hostPort === null);
  const fixed = ports.find((p) => p.hostPort !== null);
  if (dynamic) {
    const got = task.st.hostPorts.find(
      (p) => p.container === dynamic.container && p.containerPort === dynamic.containerPort,
    );
    sim.rule(
      "R05",
      "applied",
      m("engine.launch.hostportGotDynamicHost", { taskId: task.st.id, hostPort: got?.hostPort }),
    );
  }
  if (fixed) {
    sim.rule(
      "R05",
      "applied",
      m("engine.launch.fixedHostPortOne", {
        hostPort: fixed.hostPort,
        protocol: fixed.protocol,
        taskFamily: task.st.family,
      }),
      "fixed",
    );
  }
}

/** Container start-up for one task: pulls, secrets, logs, volumes. Returns why it failed, or null. */
function startFailure(sim: Sim, task: TaskRec): Text | null {
  for (const c of task.td.spec.containers) {
    if (!pullImage(sim, task, c)) return `CannotPullContainerError: ${c.image}`;
    if (!injectSecrets(sim, task, c))
      return m("engine.launch.resourceinitializationerrorSecretsFor", { cName: c.name });
    if (!setupLogs(sim, task, c))
      return m("engine.launch.cannotstartcontainererrorAwslogsFor", { cName: c.name });
  }
  return mountVolumes(sim, task) ? null : m("engine.launch.volumeMountFailed");
}

/**
 * Starts placed tasks phase by phase, so the timeline reads in order:
 * PENDING, start-up checks, STOPPED or RUNNING, then target registration.
 * Returns the tasks that failed their load balancer health checks.
 */
function start(sim: Sim, tasks: TaskRec[]): TaskRec[] {
  for (const t of tasks) {
    t.st.state = "PENDING";
    sim.emit("pending", m("engine.launch.pending", { tId: t.st.id }), { subject: t.st.id, dt: 2 });
  }
  const failures = tasks.map((t) => startFailure(sim, t));
  const started: TaskRec[] = [];
  tasks.forEach((t, i) => {
    const failure = failures[i];
    if (failure) stopTask(sim, t, failure, { dt: 10 });
    else started.push(t);
  });
  for (const t of started) {
    t.st.state = "RUNNING";
    sim.emit(
      "running",
      m("engine.launch.running", {
        tId: t.st.id,
        p: m("engine.launch.onHost", { host: t.st.instanceId ?? t.via.provider ?? "FARGATE" }),
      }),
      {
        subject: t.st.id,
        dt: 15,
      },
    );
  }
  return started.filter((t) => t.service && !registerTargets(sim, t.service, t));
}

/**
 * Places and starts tasks. ASG-provider tasks that do not fit wait in
 * PROVISIONING while managed scaling adds instances (R14).
 * Returns the tasks that reached RUNNING and failed their health checks.
 */
export function placeAndStart(sim: Sim, tasks: TaskRec[], pinned: InstanceRec | null = null): TaskRec[] {
  const batch = newBatch(sim, pinned);
  const waiting: TaskRec[] = [];
  for (const t of tasks) if (!isPlaced(t) && !placeOne(sim, t, batch)) waiting.push(t);
  const byProvider = new Map<string, TaskRec[]>();
  for (const t of waiting) {
    const p = asgProvider(sim, t.via.provider);
    if (p?.managedScaling) byProvider.set(p.name, [...(byProvider.get(p.name) ?? []), t]);
  }
  for (const [name, list] of byProvider) {
    const p = asgProvider(sim, name);
    if (p && scaleOut(sim, p, list) > 0) {
      const grown = newBatch(sim, null);
      for (const t of list) placeOne(sim, t, grown);
    }
  }
  return start(
    sim,
    tasks.filter((t) => t.st.state !== "STOPPED" && t.st.state !== "RUNNING" && isPlaced(t)),
  );
}
