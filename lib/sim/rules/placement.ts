import type { InstanceRec, Sim, TaskRec } from "../engine/context";
import { fieldValue, type PortNeed, portKey } from "../engine/resources";
import type { PlacementConstraint, PlacementStrategy } from "../model";
import { pick } from "../rng";
import { m, type Text } from "../text";
import { compileQuery, QueryError } from "./query-language";

/**
 * EC2 task placement (R03, R05–R11) and scale-in choice (R13): filter by
 * resources, then by constraints (binding), then narrow by each strategy in
 * order (best effort), then break ties with the seeded rng.
 */
export type Placement =
  | { inst: InstanceRec }
  | {
      inst: null;
      reason: Text;
      ruleId: string;
      /** Other constraints that also removed candidates (R10/R11), besides ruleId. */
      also?: Array<{ ruleId: string; reason: Text }>;
    };

export const AZ_SPREAD: PlacementStrategy = { type: "spread", field: "attribute:ecs.availability-zone" };

export function describeStrategy(s: PlacementStrategy): string {
  return s.type === "random" ? "random" : `${s.type}(${s.field})`;
}

type ConstraintTest = {
  ruleId: string;
  ok: (i: InstanceRec) => boolean;
  reason: () => Text;
  /** The reason when this constraint removed `n` of the instances that fit, and others removed the rest. */
  partial: (n: number) => Text;
};

function constraintCheck(c: PlacementConstraint, group: string): ConstraintTest {
  if (c.type === "distinctInstance") {
    return {
      ruleId: "R10",
      ok: (i) => (i.groups.get(group) ?? 0) === 0,
      reason: () => m("engine.placement.distinctinstanceEveryEligibleInstance", { group }),
      partial: (n) => m("engine.placement.distinctPartial", { count: n, group }),
    };
  }
  const query = compileQuery(c.expression);
  return {
    ruleId: "R11",
    ok: (i) =>
      query({
        id: i.spec.id,
        attributes: i.st.attributes,
        runningTasksCount: i.st.taskIds.length,
        groups: i.groups,
      }),
    reason: () => m("engine.placement.noInstanceThatFits", { expression: c.expression }),
    partial: (n) => m("engine.placement.memberOfPartial", { count: n, expression: c.expression }),
  };
}

type Request = { task: TaskRec; portKeys: string[]; awsvpc: boolean; constraints: ConstraintTest[] };

/**
 * The first filter an instance fails, in ECS's order: resources (OS, arch,
 * CPU, memory, GPU, ports, ENIs), then constraints; -1 when it passes all.
 * One plain function rather than a list of closures: it runs for every
 * instance and every task.
 */
function firstFailure(inst: InstanceRec, r: Request): number {
  const { needs, td } = r.task;
  const s = inst.st;
  if (inst.spec.os !== td.spec.os) return 0;
  if (inst.spec.arch !== td.spec.arch) return 1;
  if (s.cpu.free < needs.cpu) return 2;
  if (s.memory.free < needs.memory) return 3;
  if (needs.gpu > 0 && s.gpu.free < needs.gpu) return 4;
  for (const k of r.portKeys) if (inst.ports.has(k)) return 5;
  if (r.awsvpc && s.enis.free <= 0) return 6;
  for (let c = 0; c < r.constraints.length; c++) if (!r.constraints[c]?.ok(inst)) return 7 + c;
  return -1;
}

function failureReason(stage: number, r: Request): { ruleId: string; reason: Text } {
  const { needs, td } = r.task;
  switch (stage) {
    case 0:
      return { ruleId: "R03", reason: m("engine.placement.noRegisteredInstanceRuns", { os: td.spec.os }) };
    case 1:
      return { ruleId: "R03", reason: m("engine.placement.noRegisteredInstance", { arch: td.spec.arch }) };
    case 2:
      return { ruleId: "R03", reason: m("engine.placement.noInstanceHasCpu", { cpu: needs.cpu }) };
    case 3:
      return { ruleId: "R03", reason: m("engine.placement.noInstanceHasMib", { memory: needs.memory }) };
    case 4:
      return { ruleId: "R03", reason: m("engine.placement.noInstanceHasFree", { gpu: needs.gpu }) };
    case 5:
      return {
        ruleId: "R05",
        reason: m("engine.placement.hostPortIsAlready", { portKeys: r.portKeys.join(", ") }),
      };
    case 6:
      return {
        ruleId: "R06",
        reason: m("engine.placement.noInstanceHasA"),
      };
    default: {
      const c = r.constraints[stage - 7];
      return {
        ruleId: c?.ruleId ?? "R03",
        reason: c?.reason() ?? m("engine.placement.noInstanceMeetsConstraints"),
      };
    }
  }
}

/** Whether an instance meets all constraints of a task group (R10, R11); used for DAEMON eligibility. */
export function constraintsAllow(
  constraints: PlacementConstraint[],
  group: string,
  inst: InstanceRec,
): boolean {
  return constraints.every((c) => constraintCheck(c, group).ok(inst));
}

/** Checks a memberOf expression; returns an error message or null. */
export function queryError(expression: string): string | null {
  try {
    compileQuery(expression);
    return null;
  } catch (e) {
    return e instanceof QueryError ? e.message : String(e);
  }
}

/** Picks an instance for one task, or says which rule left none. */
export function place(sim: Sim, task: TaskRec, candidates: InstanceRec[], ports: PortNeed[]): Placement {
  if (candidates.length === 0) {
    return {
      inst: null,
      ruleId: "R03",
      reason: m("engine.placement.noContainerInstanceIs", { name: sim.scenario.cluster.name }),
    };
  }
  const req: Request = {
    task,
    portKeys: ports.flatMap((p) => (p.hostPort === null ? [] : [portKey(p.hostPort, p.protocol)])),
    awsvpc: task.st.networkMode === "awsvpc",
    constraints: task.constraints.map((c) => constraintCheck(c, task.st.group)),
  };
  let survivors: InstanceRec[] = [];
  let furthest = 0;
  for (const inst of candidates) {
    const stage = firstFailure(inst, req);
    if (stage < 0) survivors.push(inst);
    else if (stage > furthest) furthest = stage;
  }
  if (survivors.length === 0) {
    return furthest >= 7 && req.constraints.length > 1
      ? constraintBlame(candidates, req)
      : { inst: null, ...failureReason(furthest, req) };
  }
  sim.rule("R03", "applied", () =>
    m("engine.placement.candidatesForOfInstances", {
      taskId: task.st.id,
      survivorsLength: survivors.length,
      candidatesLength: candidates.length,
    }),
  );
  for (const c of task.constraints) {
    sim.rule(c.type === "distinctInstance" ? "R10" : "R11", "applied", () =>
      c.type === "distinctInstance"
        ? m("engine.placement.distinctinstanceKeptToOne", { group: task.st.group })
        : m("engine.placement.memberofLimitedPlacementTo", { expression: c.expression }),
    );
  }
  for (const s of task.strategy) {
    if (survivors.length <= 1) break;
    survivors = narrow(sim, task, survivors, s);
  }
  return { inst: pick(sim.rng, survivors) as InstanceRec };
}

/**
 * Which constraints left no candidate, independent of the order they are
 * written in: every constraint is checked on every instance that has the
 * resources, and each one that removed some is reported, the one that
 * removed the most first (ties keep the written order). With 3 c5 instances
 * full of the group and 2 m5, [distinctInstance, memberOf(c5.*)] blames
 * distinctInstance (3) before memberOf (2).
 */
function constraintBlame(candidates: InstanceRec[], req: Request): Placement {
  const fitting = candidates.filter((i) => firstFailure(i, { ...req, constraints: [] }) < 0);
  const blamed = req.constraints
    .map((c, index) => ({ c, index, n: fitting.filter((i) => !c.ok(i)).length }))
    .filter((b) => b.n > 0)
    .sort((a, b) => b.n - a.n || a.index - b.index);
  const [first, ...rest] = blamed;
  if (!first) return { inst: null, ruleId: "R03", reason: m("engine.placement.noInstanceMeetsThe") };
  if (rest.length === 0) return { inst: null, ruleId: first.c.ruleId, reason: first.c.reason() };
  const parts = blamed.map((b) => ({ ruleId: b.c.ruleId, reason: b.c.partial(b.n) }));
  return {
    inst: null,
    ruleId: first.c.ruleId,
    // Each blamed constraint's words, joined as one message so the interface can translate each.
    reason: parts
      .map((p) => p.reason)
      .reduce((first, second) => m("engine.placement.reasonsJoined", { first, second })),
    also: parts.slice(1).filter((p) => p.ruleId !== first.c.ruleId),
  };
}

/** Keeps the instances with the lowest score, in one pass (this runs for every task). */
function lowest(
  list: InstanceRec[],
  score: (i: InstanceRec) => number,
): { kept: InstanceRec[]; best: number } {
  let best = Number.POSITIVE_INFINITY;
  let kept: InstanceRec[] = [];
  for (const inst of list) {
    const v = score(inst);
    if (v < best) {
      best = v;
      kept = [inst];
    } else if (v === best) kept.push(inst);
  }
  return { kept, best };
}

function narrow(sim: Sim, task: TaskRec, list: InstanceRec[], s: PlacementStrategy): InstanceRec[] {
  if (s.type === "random") {
    sim.rule("R08", "applied", m("engine.placement.randomPlacementPicksAny"));
    return [pick(sim.rng, list) as InstanceRec];
  }
  if (s.type === "binpack") {
    const need = s.field === "cpu" ? task.needs.cpu : task.needs.memory;
    const { kept, best } = lowest(list, (i) => (s.field === "cpu" ? i.st.cpu.free : i.st.memory.free) - need);
    sim.rule("R07", "applied", () => {
      const unit = s.field === "cpu" ? m("engine.placement.cpuUnits") : "MiB";
      return m("engine.placement.binpackPutOnWhich", {
        field: s.field,
        taskId: task.st.id,
        keptId: kept[0]?.spec.id,
        best,
        unit,
        listLength: list.length,
      });
    });
    return kept;
  }
  const counts = sim.spreadCounts(task.st.group, s.field);
  const { kept, best: least } = lowest(list, (i) => counts.get(fieldValue(i, s.field)) ?? 0);
  const isDefault = task.service !== null && task.service.spec.placementStrategy === null;
  sim.rule(isDefault ? "R09" : "R08", "applied", () =>
    isDefault
      ? m("engine.placement.noPlacementStrategyOn", { taskName: task.service?.spec.name })
      : m("engine.placement.spreadSentToWhich", {
          field: s.field,
          taskId: task.st.id,
          p: fieldValue(kept[0] as InstanceRec, s.field),
          group: task.st.group,
          least,
        }),
  );
  return kept;
}

/**
 * Which task scale-in stops (R13): binpack frees the instance that will have
 * the most of the resource left; spread keeps the field balanced (random
 * within the fullest value); Fargate keeps AZs balanced.
 */
export function chooseToStop(
  sim: Sim,
  tasks: TaskRec[],
  strategy: PlacementStrategy[],
): { task: TaskRec; why: Text } {
  const first = strategy[0];
  const freeAfter = (t: TaskRec, field: "cpu" | "memory") => {
    const inst = t.st.instanceId ? sim.instanceById.get(t.st.instanceId) : undefined;
    return inst ? inst.st[field].free + t.needs[field] : 0;
  };
  if (first?.type === "binpack" && tasks.every((t) => t.st.instanceId)) {
    const best = Math.max(...tasks.map((t) => freeAfter(t, first.field)));
    const task = pick(
      sim.rng,
      tasks.filter((t) => freeAfter(t, first.field) === best),
    ) as TaskRec;
    return {
      task,
      why: m("engine.placement.binpackScaleInStops", {
        field: first.field,
        taskId: task.st.id,
        instanceId: task.st.instanceId,
        best,
      }),
    };
  }
  if (first?.type === "random") {
    const task = pick(sim.rng, tasks) as TaskRec;
    return { task, why: m("engine.placement.randomScaleInStops", { taskId: task.st.id }) };
  }
  const field = first?.type === "spread" ? first.field : "attribute:ecs.availability-zone";
  const keyOf = (t: TaskRec) => {
    const inst = t.st.instanceId ? sim.instanceById.get(t.st.instanceId) : undefined;
    return inst ? fieldValue(inst, field) : (t.st.az ?? "");
  };
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  const most = Math.max(...counts.values());
  const task = pick(
    sim.rng,
    tasks.filter((t) => counts.get(keyOf(t)) === most),
  ) as TaskRec;
  return {
    task,
    why: m("engine.placement.spreadScaleInStops", { taskId: task.st.id, p: keyOf(task), most }),
  };
}
