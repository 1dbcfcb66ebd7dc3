/**
 * Frames: what the picture shows at one moment of the timeline, for every task, instance,
 * load balancer and volume. Everything here is pure and derived from the result, so a
 * frame is cheap enough to compute on every tick (300 tasks: well under a millisecond).
 */
import type {
  InstanceState,
  LoadBalancerState,
  RoleCall,
  SimEvent,
  TaskState,
  TaskStatus,
  VolumeState,
} from "@/lib/sim";
import type { Text } from "@/lib/sim/text";
import type { Moment, RefusedLoadBalancer, Timeline } from "./timeline";

export type TaskFrame = {
  task: TaskState;
  state: TaskStatus;
  isPlaced: boolean;
  /** The moment's events are about this task. */
  isCurrent: boolean;
};

export type InstanceFrame = {
  instance: InstanceState;
  status: InstanceState["status"];
  cpuUsed: number;
  memoryUsed: number;
  enisUsed: number;
  ports: string[];
  tasks: TaskFrame[];
  /** Every task that is ever on this instance, in creation order: the picture keeps a place for each. */
  slots: readonly string[];
  /** Some task on it uses awsvpc, so tasks have their own ENIs here. */
  hasTaskEnis: boolean;
  /** What registration said when it did not simply succeed (R01, R02). */
  note: Text | null;
};

export type AzFrame = {
  name: string;
  subnets: string[];
  instances: InstanceFrame[];
  fargate: TaskFrame[];
  /** Every Fargate task that ever runs in this AZ. */
  fargateSlots: readonly string[];
};

export type LoadBalancerFrame = {
  lb: LoadBalancerState;
  targetGroups: Array<{
    name: string;
    service: string;
    targetType: "instance" | "ip" | null;
    protocol: string;
    port: number;
    targets: Array<LoadBalancerState["targetGroups"][number]["targets"][number]>;
  }>;
};

export type VolumeFrame = { volume: VolumeState; mounts: VolumeState["mounts"] };

export type Frame = {
  moment: Moment;
  isFinal: boolean;
  /** Events of this moment, in order. */
  events: SimEvent[];
  azs: AzFrame[];
  /** Tasks with no instance or Fargate capacity yet: PENDING for lack of room, PROVISIONING, or lost. */
  unplaced: TaskFrame[];
  /** Every task that is unplaced at some moment. */
  unplacedSlots: readonly string[];
  counts: Record<TaskStatus, number>;
  tasks: TaskFrame[];
  roleCalls: RoleCall[];
  loadBalancers: LoadBalancerFrame[];
  refusedLoadBalancers: RefusedLoadBalancer[];
  volumes: VolumeFrame[];
};
const NO_SLOTS: readonly string[] = [];

function stateAt(timeline: Timeline, task: TaskState, at: number, isFinal: boolean): TaskStatus | null {
  if (isFinal) return task.state;
  const history = timeline.taskHistory.get(task.id);
  if (!history) return null;
  let state: TaskStatus | null = null;
  for (const entry of history) {
    if (entry.at > at) break;
    state = entry.state;
  }
  return state;
}

const isLive = (state: TaskStatus | null) => state === "PENDING" || state === "RUNNING";

function portsOf(task: TaskState): string[] {
  return task.hostPorts.map((p) => `${p.hostPort}/${p.protocol}`);
}

function instanceFrame(
  timeline: Timeline,
  instance: InstanceState,
  tasks: TaskFrame[],
  at: number,
  isFinal: boolean,
): InstanceFrame {
  let cpu = instance.cpu.used;
  let memory = instance.memory.used;
  let enis = instance.enis.used;
  const ports = new Set(instance.ports);
  const all = timeline.result.finalState.tasks.filter((t) => t.instanceId === instance.id);
  const byId = new Map(tasks.map((t) => [t.task.id, t]));
  for (const task of all) {
    const liveAtEnd = isLive(task.state);
    const frame = byId.get(task.id);
    const liveNow = Boolean(frame?.isPlaced && isLive(frame.state));
    if (liveAtEnd === liveNow) continue;
    const sign = liveNow ? 1 : -1;
    cpu += sign * task.cpu;
    memory += sign * task.memory;
    if (task.networkMode === "awsvpc" && task.eni) enis += sign;
    for (const port of portsOf(task)) {
      if (liveNow) ports.add(port);
      else ports.delete(port);
    }
  }
  const changedAt = timeline.instanceChangedAt.get(instance.id);
  const status =
    !isFinal && changedAt !== undefined && changedAt > at && instance.status !== "UNREGISTERED"
      ? "ACTIVE"
      : instance.status;
  const clamp = (n: number, total: number) => Math.max(0, Math.min(total, n));
  return {
    instance,
    status,
    cpuUsed: clamp(cpu, instance.cpu.total),
    memoryUsed: clamp(memory, instance.memory.total),
    enisUsed: clamp(enis, instance.enis.total),
    ports: [...ports].sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10)),
    tasks,
    slots: timeline.slots.get(`instance:${instance.id}`) ?? NO_SLOTS,
    hasTaskEnis: all.some((t) => t.networkMode === "awsvpc"),
    note: timeline.instanceNote.get(instance.id) ?? null,
  };
}

function clampMoment(timeline: Timeline, index: number): number {
  return Math.max(0, Math.min(timeline.moments.length - 1, Math.trunc(index)));
}

/** The tasks that exist after moment `index`, with their state then, in creation order. */
export function tasksAt(timeline: Timeline, index: number): TaskFrame[] {
  const { moments, result } = timeline;
  const m = clampMoment(timeline, index);
  const moment = moments[m] as Moment;
  const isFinal = m === moments.length - 1;
  const at = moment.to;
  const current = new Set<string>();
  for (let i = moment.from; i <= moment.to; i++) {
    const subject = result.events[i]?.subject;
    if (subject) current.add(subject);
  }
  const tasks: TaskFrame[] = [];
  for (const task of result.finalState.tasks) {
    const state = stateAt(timeline, task, at, isFinal);
    if (!state) continue;
    const placedAt = timeline.placedAt.get(task.id);
    const isPlaced = isFinal
      ? task.instanceId !== null || (task.launchType === "FARGATE" && task.az !== null)
      : placedAt !== undefined && placedAt <= at;
    tasks.push({ task, state, isPlaced, isCurrent: current.has(task.id) });
  }
  return tasks;
}

/** Where the given tasks sit: AZs with their instances (and usage) and Fargate lanes, or unplaced. */
export function placeTasks(
  timeline: Timeline,
  index: number,
  tasks: readonly TaskFrame[],
): {
  azs: AzFrame[];
  unplaced: TaskFrame[];
  unplacedSlots: readonly string[];
  counts: Record<TaskStatus, number>;
} {
  const m = clampMoment(timeline, index);
  const isFinal = m === timeline.moments.length - 1;
  const at = (timeline.moments[m] as Moment).to;
  const { finalState } = timeline.result;
  const counts: Record<TaskStatus, number> = { PROVISIONING: 0, PENDING: 0, RUNNING: 0, STOPPED: 0 };
  const onInstance = new Map<string, TaskFrame[]>();
  const fargateByAz = new Map<string, TaskFrame[]>();
  const unplaced: TaskFrame[] = [];
  for (const frame of tasks) {
    counts[frame.state] += 1;
    const { task } = frame;
    if (frame.isPlaced && task.instanceId) {
      const list = onInstance.get(task.instanceId) ?? [];
      list.push(frame);
      onInstance.set(task.instanceId, list);
    } else if (frame.isPlaced && task.az) {
      const list = fargateByAz.get(task.az) ?? [];
      list.push(frame);
      fargateByAz.set(task.az, list);
    } else unplaced.push(frame);
  }
  const azs: AzFrame[] = finalState.azs.map((az) => ({
    name: az.name,
    subnets: az.subnets,
    instances: finalState.instances
      .filter((i) => i.az === az.name && (isFinal || (timeline.instanceShownAt.get(i.id) ?? 0) <= at))
      .map((i) => instanceFrame(timeline, i, onInstance.get(i.id) ?? [], at, isFinal)),
    fargate: fargateByAz.get(az.name) ?? [],
    fargateSlots: timeline.slots.get(`fargate:${az.name}`) ?? NO_SLOTS,
  }));
  return { azs, unplaced, unplacedSlots: timeline.slots.get("unplaced") ?? NO_SLOTS, counts };
}

/** What the picture shows after the events of moment `index` (clamped to the timeline). */
export function frameAt(timeline: Timeline, index: number): Frame {
  const { moments, result } = timeline;
  const m = clampMoment(timeline, index);
  const moment = moments[m] as Moment;
  const isFinal = m === moments.length - 1;
  const at = moment.to;
  const { finalState } = result;
  const tasks = tasksAt(timeline, m);
  const { azs, unplaced, unplacedSlots, counts } = placeTasks(timeline, m, tasks);
  const visible = new Set(tasks.map((t) => t.task.id));
  const shown = (taskId: string, map: Map<string, number>) => isFinal || (map.get(taskId) ?? Infinity) <= at;
  const loadBalancers: LoadBalancerFrame[] = finalState.loadBalancers
    .filter((lb) =>
      lb.targetGroups.some((g) => isFinal || (timeline.loadBalancerAt.get(g.service) ?? Infinity) <= at),
    )
    .map((lb) => ({
      lb,
      targetGroups: lb.targetGroups.map((g) => ({
        name: g.name,
        service: g.service,
        targetType: g.targetType,
        protocol: g.protocol,
        port: g.port,
        targets: g.targets.filter((target) => shown(target.taskId, timeline.targetAt)),
      })),
    }));
  return {
    moment,
    isFinal,
    events: result.events.slice(moment.from, moment.to + 1),
    azs,
    unplaced,
    unplacedSlots,
    counts,
    tasks,
    roleCalls: finalState.roleCalls.filter((_, i) => isFinal || (timeline.callAt[i] ?? Infinity) <= at),
    loadBalancers,
    refusedLoadBalancers: timeline.refusedLoadBalancers.filter((r) => isFinal || r.at <= at),
    volumes: finalState.volumes
      .filter((volume) => isFinal || volume.taskId === null || visible.has(volume.taskId))
      .map((volume) => ({
        volume,
        mounts: volume.mounts.filter((mount) => shown(mount.taskId, timeline.mountAt)),
      })),
  };
}

/** "2:15" for 135 simulated seconds. */
export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, "0")}`;
}
