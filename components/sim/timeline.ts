/**
 * The timeline behind the view: a run's events grouped into *moments* (the events that
 * share one simulated second), indexed once so each frame (frames.ts) is a cheap lookup.
 * Pure and derived from the result.
 */
import type { RoleCall, SimEvent, SimResult, TaskStatus } from "@/lib/sim";
import type { Text } from "@/lib/sim/text";

/** Time between two moments while the timeline plays. */
export const PLAY_INTERVAL_MS = 900;
export type Moment = {
  index: number;
  t: number;
  step: number;
  /** Index of the moment's first and last event in `result.events`. */
  from: number;
  to: number;
};
export type RefusedLoadBalancer = {
  service: string;
  type: string;
  name: string;
  message: string;
  /** The same words as a message of the `sim` catalog, for the page's language. */
  msg: Text;
  ruleId: string;
};

export type Timeline = {
  result: SimResult;
  moments: Moment[];
  taskHistory: Map<string, Array<{ at: number; state: TaskStatus }>>;
  placedAt: Map<string, number>;
  instanceShownAt: Map<string, number>;
  instanceChangedAt: Map<string, number>;
  instanceNote: Map<string, Text>;
  targetAt: Map<string, number>;
  mountAt: Map<string, number>;
  callAt: number[];
  loadBalancerAt: Map<string, number>;
  refusedLoadBalancers: Array<RefusedLoadBalancer & { at: number }>;
  /**
   * The tasks each container ever holds ("instance:i-1", "fargate:us-east-1a", "unplaced"),
   * so the picture can keep a fixed place for each and a moment never moves the rest.
   */
  slots: Map<string, string[]>;
};
const STATE_OF_KIND: Partial<Record<SimEvent["kind"], TaskStatus>> = {
  place: "PENDING",
  provision: "PROVISIONING",
  pending: "PENDING",
  running: "RUNNING",
  stopped: "STOPPED",
};

const CALL_KINDS = new Set<SimEvent["kind"]>([
  "call",
  "pull",
  "secrets",
  "logs",
  "mount",
  "imds",
  "instance",
  "target",
  "provision",
  "place",
]);

const LB_RULES = new Set(["R30", "R31", "R32", "R33", "R34", "R35", "R36"]);

function firstIndex(map: Map<string, number>, key: string, at: number): void {
  if (!map.has(key)) map.set(key, at);
}
/** Groups the events into moments: consecutive events at the same simulated second. */
export function momentsOf(events: readonly SimEvent[]): Moment[] {
  const moments: Moment[] = [];
  events.forEach((e, i) => {
    const last = moments[moments.length - 1];
    if (last && last.t === e.t && last.step === e.step) last.to = i;
    else moments.push({ index: moments.length, t: e.t, step: e.step, from: i, to: i });
  });
  if (moments.length === 0) moments.push({ index: 0, t: 0, step: 0, from: 0, to: -1 });
  return moments;
}
/** Indexes a result once, so each frame is a cheap lookup. */
export function buildTimeline(result: SimResult): Timeline {
  const { events, finalState } = result;
  const taskIds = new Set(finalState.tasks.map((t) => t.id));
  const instanceIds = new Set(finalState.instances.map((i) => i.id));
  const serviceNames = new Set(finalState.services.map((s) => s.name));
  const specServices = new Set<string>();
  const timeline: Timeline = {
    result,
    moments: momentsOf(events),
    taskHistory: new Map(),
    placedAt: new Map(),
    instanceShownAt: new Map(),
    instanceChangedAt: new Map(),
    instanceNote: new Map(),
    targetAt: new Map(),
    mountAt: new Map(),
    callAt: [],
    loadBalancerAt: new Map(),
    refusedLoadBalancers: [],
    slots: new Map(),
  };
  const fargate = new Set(finalState.tasks.filter((t) => t.launchType === "FARGATE").map((t) => t.id));
  events.forEach((e, i) => {
    const subject = e.subject ?? "";
    if (taskIds.has(subject)) {
      const state = STATE_OF_KIND[e.kind];
      if (state) {
        const list = timeline.taskHistory.get(subject) ?? [];
        list.push({ at: i, state });
        timeline.taskHistory.set(subject, list);
      }
      const isPlacement =
        e.kind === "place" ||
        (e.kind === "provision" && fargate.has(subject) && / provisioned on /.test(e.message));
      if (isPlacement) firstIndex(timeline.placedAt, subject, i);
      if (e.kind === "target") firstIndex(timeline.targetAt, subject, i);
      if (e.kind === "mount") firstIndex(timeline.mountAt, subject, i);
    }
    if (instanceIds.has(subject) && (e.kind === "instance" || e.kind === "drain")) {
      if (!timeline.instanceShownAt.has(subject)) {
        timeline.instanceShownAt.set(subject, i);
        if (!/ registered in cluster /.test(e.message) || e.ruleId === "R02") {
          timeline.instanceNote.set(subject, e.msg ?? e.message);
        }
      } else if (e.step > 0) timeline.instanceChangedAt.set(subject, i);
    }
    if (e.kind === "service" || e.kind === "reject") {
      if (serviceNames.has(subject)) firstIndex(timeline.loadBalancerAt, subject, i);
      if (e.ruleId && LB_RULES.has(e.ruleId) && /refused/.test(e.message) && !specServices.has(subject)) {
        specServices.add(subject);
        const lb = /\b(ALB|NLB|CLB|GWLB) ([\w.-]+)/.exec(e.message);
        timeline.refusedLoadBalancers.push({
          service: subject,
          type: lb?.[1] ?? "Load balancer",
          name: lb?.[2] ?? `${subject} load balancer`,
          message: e.message,
          msg: e.msg ?? e.message,
          ruleId: e.ruleId,
          at: i,
        });
      }
    }
  });
  timeline.callAt = finalState.roleCalls.map((call) => revealIndex(events, call));
  const slot = (key: string, id: string) => {
    const list = timeline.slots.get(key) ?? [];
    list.push(id);
    timeline.slots.set(key, list);
  };
  for (const task of finalState.tasks) {
    if (task.instanceId) slot(`instance:${task.instanceId}`, task.id);
    else if (task.launchType === "FARGATE" && task.az) slot(`fargate:${task.az}`, task.id);
    const first = timeline.taskHistory.get(task.id)?.[0]?.at ?? 0;
    const placed = timeline.placedAt.get(task.id);
    const isEverUnplaced =
      placed === undefined
        ? task.instanceId === null && !(task.launchType === "FARGATE" && task.az)
        : first < placed;
    if (isEverUnplaced) slot("unplaced", task.id);
  }
  return timeline;
}
/** The event that shows a role call: the task's matching event in the call's step, else the step's end. */
function revealIndex(events: readonly SimEvent[], call: RoleCall): number {
  let lastOfStep = -1;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!e || e.step !== call.step) continue;
    lastOfStep = i;
    const sameSubject = call.taskId === null || e.subject === call.taskId;
    if (sameSubject && CALL_KINDS.has(e.kind)) return i;
  }
  return lastOfStep >= 0 ? lastOfStep : events.length - 1;
}
