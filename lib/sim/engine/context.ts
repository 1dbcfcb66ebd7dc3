import { BUILTIN_ROLES, MANAGED_POLICIES } from "../aws/iam";
import type {
  AppliedRule,
  EbsLaunchConfig,
  EventKind,
  InstanceSpec,
  InstanceState,
  LoadBalancerState,
  NetworkMode,
  PlacementConstraint,
  PlacementStrategy,
  RoleCall,
  RoleSpec,
  RuleOutcome,
  Scenario,
  ServiceSpec,
  ServiceState,
  SimEvent,
  TaskDefinitionSpec,
  TaskDefinitionState,
  TaskState,
  VolumeState,
} from "../model";
import type { Rng } from "../rng";
import { RULES } from "../rules/catalog";
import { english, isMsg, m, type Text } from "../text";
import { fieldValue } from "./resources";

export type Needs = { cpu: number; memory: number; gpu: number };

export type InstanceRec = {
  spec: InstanceSpec;
  st: InstanceState;
  /** Host ports in use ("80/tcp"), reserved agent ports included. */
  ports: Set<string>;
  /** Active tasks per task group on this instance, for spread and distinctInstance. */
  groups: Map<string, number>;
  /** Spread field values (instanceId, attribute:…), computed once. */
  fieldCache: Map<string, string>;
};

export type RegisteredTaskDef = { spec: TaskDefinitionSpec; revision: number; networkMode: NetworkMode };

/** How a task was launched: the provider decides EC2 candidates or Fargate. */
export type Via = { launchType: "EC2" | "FARGATE"; provider: string | null };

export type TaskRec = {
  st: TaskState;
  td: RegisteredTaskDef;
  needs: Needs;
  via: Via;
  service: ServiceRec | null;
  subnets: string[];
  strategy: PlacementStrategy[];
  constraints: PlacementConstraint[];
  volumeConfigs: EbsLaunchConfig[];
};

export type ServiceRec = {
  spec: ServiceSpec;
  st: ServiceState;
  td: RegisteredTaskDef;
  strategy: PlacementStrategy[];
};

export type Problem = { severity: "error" | "partial"; message: Text };

/**
 * The mutable world of one run. Everything the engine decides goes through
 * here, so the event list, the rule list and the verdict stay consistent.
 */
export class Sim {
  readonly scenario: Scenario;
  readonly rng: Rng;
  readonly events: SimEvent[] = [];
  readonly rules: AppliedRule[] = [];
  private readonly ruleKeys = new Set<string>();
  readonly problems: Problem[] = [];
  readonly instances: InstanceRec[] = [];
  readonly instanceById = new Map<string, InstanceRec>();
  readonly tasks: TaskRec[] = [];
  readonly taskById = new Map<string, TaskRec>();
  readonly services = new Map<string, ServiceRec>();
  readonly taskDefs = new Map<string, RegisteredTaskDef>();
  readonly taskDefStates: TaskDefinitionState[] = [];
  readonly loadBalancers: LoadBalancerState[] = [];
  readonly volumes: VolumeState[] = [];
  readonly volumeIndex = new Map<string, VolumeState>();
  readonly roleCalls: RoleCall[] = [];
  /** Capacity providers refused at setup (R14); strategies naming them fail. */
  readonly refusedProviders = new Set<string>();
  /** Facts worth a line in an "ok" summary (a call allowed, IMDS blocked, …). */
  readonly highlights: Text[] = [];
  /** Index of the operation being run: 0 is cluster setup, then 1 … n for the steps. */
  stepNo = 0;
  /** Simulated seconds since the scenario began. */
  t = 0;
  private lastT = 0;
  private seq = { task: 0, eni: 0, volume: 0, asg: 0 };
  private readonly ipNext = new Map<string, number>();
  private readonly spreadIndex = new Map<string, Map<string, Map<string, number>>>();
  private readonly fargateIndex = new Map<string, Map<string, number>>();

  /** The day the scenario happens on (YYYY-MM-DD): its own `date`, else the caller's today. */
  readonly date: string;

  constructor(scenario: Scenario, rng: Rng, today: string) {
    this.scenario = scenario;
    this.rng = rng;
    this.date = scenario.date ?? today;
  }

  emit(kind: EventKind, message: Text, opts: { ruleId?: string; subject?: string; dt?: number } = {}): void {
    // Never earlier than the previous event: the timeline is played in order.
    const t = Math.max(this.lastT, this.t + (opts.dt ?? 0));
    this.lastT = t;
    const e: SimEvent = { step: this.stepNo, t, kind, message: english(message) };
    if (isMsg(message)) e.msg = message;
    if (opts.ruleId) e.ruleId = opts.ruleId;
    if (opts.subject) e.subject = opts.subject;
    this.events.push(e);
  }

  /**
   * Records that a rule decided something. The first detail per rule, outcome
   * and facet is kept, so 2,000 placements make one entry, while a rule with
   * two distinct lessons (R14: the policy, then a scale-out) makes two.
   */
  rule(id: string, outcome: RuleOutcome, detail: Text | (() => Text), facet = ""): void {
    const key = `${id}:${outcome}:${facet}`;
    if (this.ruleKeys.has(key)) return;
    this.ruleKeys.add(key);
    const info = RULES[id];
    if (!info) throw new Error(`Unknown rule ${id}`);
    const text = typeof detail === "function" ? detail() : detail;
    const rule: AppliedRule = { id, title: info.title, doc: info.doc, outcome, detail: english(text) };
    if (isMsg(text)) rule.detailMsg = text;
    this.rules.push(rule);
  }

  /** A rule refused something: record it, emit it, and count it against the verdict. */
  deny(
    id: string,
    message: Text,
    opts: { subject?: string; severity?: "error" | "partial"; kind?: EventKind } = {},
  ) {
    this.rule(id, "denied", message);
    this.emit(opts.kind ?? "reject", m("engine.context.message", { message, id }), {
      ruleId: id,
      subject: opts.subject,
    });
    this.problem(opts.severity ?? "error", m("engine.context.message", { message, id }));
  }

  highlight(text: Text): void {
    this.highlights.push(text);
  }

  problem(severity: "error" | "partial", message: Text): void {
    this.problems.push({ severity, message });
  }

  /** A role by name; built-in roles (ecsInstanceRole, …) exist even when the scenario does not define them. */
  role(name: string | null): RoleSpec | null {
    if (name === null) return null;
    const defined = this.scenario.roles[name];
    if (defined) return defined;
    const builtin = BUILTIN_ROLES[name];
    if (!builtin) return null;
    return {
      name,
      actions: builtin.policies.flatMap((p) => MANAGED_POLICIES[p] ?? []),
      managedPolicies: builtin.policies,
      trust: builtin.trust,
    };
  }

  recordCall(call: Omit<RoleCall, "step" | "service"> & { service: string }): void {
    this.roleCalls.push({ step: this.stepNo, ...call });
  }

  nextTaskId(): string {
    this.seq.task += 1;
    return `t-${this.seq.task}`;
  }

  nextEni(): string {
    this.seq.eni += 1;
    return `eni-${String(this.seq.eni).padStart(4, "0")}`;
  }

  nextVolumeId(): string {
    this.seq.volume += 1;
    return `vol-${String(this.seq.volume).padStart(4, "0")}`;
  }

  nextAsgInstanceId(provider: string): string {
    this.seq.asg += 1;
    return `i-${provider}-${this.seq.asg}`;
  }

  /** A private IP in the subnet: 10.0.<subnet index>.<n>, handed out in order. */
  nextIp(subnetId: string): string {
    const index = Math.max(
      0,
      this.scenario.subnets.findIndex((s) => s.id === subnetId),
    );
    const n = this.ipNext.get(subnetId) ?? 10;
    this.ipNext.set(subnetId, n + 1);
    return `10.0.${index}.${n}`;
  }

  /**
   * Tasks of a group per value of a spread field, kept up to date as tasks
   * are placed and released, so spread does not rescan the cluster per task.
   */
  spreadCounts(group: string, field: string): Map<string, number> {
    let byField = this.spreadIndex.get(group);
    if (!byField) {
      byField = new Map();
      this.spreadIndex.set(group, byField);
    }
    let counts = byField.get(field);
    if (!counts) {
      counts = new Map();
      for (const inst of this.instances) {
        const n = inst.groups.get(group) ?? 0;
        if (n === 0) continue;
        const v = fieldValue(inst, field);
        counts.set(v, (counts.get(v) ?? 0) + n);
      }
      byField.set(field, counts);
    }
    return counts;
  }

  /** Keeps spreadCounts in step with a task placed (+1) on or released (-1) from an instance. */
  countPlacement(group: string, inst: InstanceRec, delta: number): void {
    const byField = this.spreadIndex.get(group);
    if (!byField) return;
    for (const [field, counts] of byField) {
      const v = fieldValue(inst, field);
      counts.set(v, (counts.get(v) ?? 0) + delta);
    }
  }

  /** Live Fargate tasks per AZ for a group and provider (R17 balances each provider on its own). */
  fargateAzCounts(group: string, provider: string | null): Map<string, number> {
    const key = `${group}|${provider ?? "FARGATE"}`;
    let counts = this.fargateIndex.get(key);
    if (!counts) {
      counts = new Map();
      this.fargateIndex.set(key, counts);
    }
    return counts;
  }

  addTask(rec: TaskRec): void {
    this.tasks.push(rec);
    this.taskById.set(rec.st.id, rec);
  }

  /** Instances registered in the scenario's cluster and accepting tasks. */
  activeInstances(): InstanceRec[] {
    return this.instances.filter(
      (i) => i.st.status === "ACTIVE" && i.st.cluster === this.scenario.cluster.name,
    );
  }

  /** Tasks that still count toward a group or service: not STOPPED. */
  liveTasks(filter: (t: TaskRec) => boolean = () => true): TaskRec[] {
    return this.tasks.filter((t) => t.st.state !== "STOPPED" && filter(t));
  }
}
