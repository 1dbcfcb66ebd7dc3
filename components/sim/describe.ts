/**
 * The text alternative: the same facts as the picture, in sentences, for the moment shown.
 * Pure, so a test can check that what is drawn is also said.
 */
import type { LoadBalancerState, Scenario, SimResult, Step, TaskStatus } from "@/lib/sim";
import { type Msg, m, type Text } from "@/lib/sim/text";
import { type Frame, formatClock, type TaskFrame } from "./frames";
import type { RoleLink, RoleRow } from "./roles";
import type { VolumeRow } from "./volumes";

export type Description = Array<{ title: string; items: string[] }>;

/** A step of the scenario in words: "Create service web". Step 0 is the cluster's setup. */
export function stepLabel(scenario: Scenario, step: number): Msg {
  // i18n-keys: sim.ui.step.*
  if (step === 0) return m("ui.step.setup");
  const s: Step | undefined = scenario.steps[step - 1];
  if (!s) return m("ui.step.other", { step });
  switch (s.op) {
    case "registerTaskDefinition":
      return m("ui.step.registerTaskDefinition", { family: s.family });
    case "runTask":
      return m("ui.step.runTask", { count: s.count, taskDefinition: s.taskDefinition });
    case "createService":
      return m("ui.step.createService", { service: s.service });
    case "updateService":
      return m("ui.step.updateService", { service: s.service });
    case "scale":
      return m("ui.step.scale", { service: s.service, desiredCount: s.desiredCount });
    case "failInstance":
      return m("ui.step.failInstance", { instance: s.instance });
    case "drainInstance":
      return m("ui.step.drainInstance", { instance: s.instance });
    case "spotInterruption":
      return m("ui.step.spotInterruption");
    case "changeLoad":
      return m("ui.step.changeLoad", { service: s.service, value: s.value });
    case "call":
      return m("ui.step.call", { from: s.from, action: s.action });
    case "imagePull":
      return m("ui.step.imagePull", { from: s.from });
    case "shipLogs":
      return m("ui.step.shipLogs", { from: s.from });
    case "mountVolume":
      return s.volume
        ? m("ui.step.mountVolume", { from: s.from, volume: s.volume })
        : m("ui.step.mountVolumes", { from: s.from });
    case "readInstanceMetadata":
      return m("ui.step.readInstanceMetadata", { from: s.from });
  }
}

/** Each target health's key under sim.ui.lb.health. */
export const HEALTH_KEY = {
  healthy: "healthy",
  initial: "initial",
  unhealthy: "unhealthy",
  unused: "unused",
  draining: "draining",
} as const satisfies Record<LoadBalancerState["targetGroups"][number]["targets"][number]["health"], string>;

const STATES: TaskStatus[] = ["RUNNING", "PENDING", "PROVISIONING", "STOPPED"];

/** Renders a message of the `sim` catalog: `english` in tests, the page's language in the view. */
export type Say = (text: Text) => string;

const none = "";

function taskSentence(say: Say, t: TaskFrame): string {
  const { task } = t;
  const reason = task.failureMsg ?? task.failureReason;
  const where = !t.isPlaced
    ? reason
      ? m("ui.describe.notPlacedWhy", { reason })
      : m("ui.describe.notPlaced")
    : task.instanceId
      ? m("ui.describe.onInstance", { instance: task.instanceId, az: task.az })
      : m("ui.describe.onProvider", { provider: task.capacityProvider ?? "Fargate", az: task.az });
  const network =
    t.isPlaced && task.eni
      ? task.ip
        ? m("ui.describe.eniIp", { eni: task.eni, ip: task.ip })
        : m("ui.describe.eni", { eni: task.eni })
      : none;
  const ports =
    t.isPlaced && task.hostPorts.length
      ? m("ui.describe.hostPorts", {
          count: task.hostPorts.length,
          ports: task.hostPorts.map((p) => p.hostPort).join(", "),
        })
      : none;
  const stopped = t.state === "STOPPED" && t.isPlaced && reason ? m("ui.describe.stopped", { reason }) : none;
  return say(
    m("ui.describe.task", {
      id: task.id,
      definition: `${task.family}:${task.revision}`,
      state: t.state,
      where,
      network,
      ports,
      stopped,
    }),
  );
}

function linkSentence(say: Say, link: RoleLink): string {
  const rules = link.ruleIds.length ? ` (${link.ruleIds.join(", ")})` : none;
  const actions = link.actions.join(", ");
  if (link.kind === "can-reach") return say(m("ui.describe.canReach", { service: link.service, actions }));
  const calls = link.calls > 1 ? m("ui.describe.calls", { count: link.calls }) : none;
  return say(
    m(link.kind === "allowed" ? "ui.describe.allowed" : "ui.describe.denied", {
      actions,
      service: link.service,
      calls,
      rules,
    }),
  );
}

function instanceSentence(say: Say, i: Frame["azs"][number]["instances"][number]): string {
  const inst = i.instance;
  const agent =
    i.status === "UNREGISTERED" || inst.cluster === null
      ? m("ui.describe.agentNone")
      : m("ui.describe.agentIn", { cluster: inst.cluster });
  const profile = inst.instanceProfile
    ? m("ui.describe.profile", { name: inst.instanceProfile })
    : m("ui.describe.noProfile");
  const ports = i.ports.map((p) => p.split("/")[0]).join(", ");
  return say(
    m("ui.describe.instance", {
      id: inst.id,
      type: inst.type,
      az: inst.az,
      status: i.status === "FAILED" || i.status === "DRAINING" ? `, ${i.status}` : none,
      agent,
      profile,
      cpuUsed: i.cpuUsed,
      cpuTotal: inst.cpu.total,
      memoryUsed: i.memoryUsed,
      memoryTotal: inst.memory.total,
      enisUsed: i.enisUsed,
      enisTotal: inst.enis.total,
      ports: ports ? m("ui.describe.portsInUse", { ports }) : m("ui.describe.noPortsInUse"),
      tasks: m("ui.describe.taskCount", { count: i.tasks.length }),
      note: i.note ? m("ui.describe.note", { note: i.note }) : none,
    }),
  );
}

function volumeSentence(say: Say, v: VolumeRow): string {
  const head = m("ui.describe.volume", {
    name: v.name,
    type: m(`ui.volumes.type.${v.type}`),
    family: v.family,
    detail: v.detail ? `, ${v.detail}` : none,
  });
  if (v.refusal) return say(m("ui.describe.notCreated", { head, refusal: v.refusal }));
  if (v.mounts.length === 0) return say(m("ui.describe.notMounted", { head }));
  const mounts = v.mounts
    .map((mount) =>
      say(
        m(mount.status === "ok" ? "ui.describe.mounted" : "ui.describe.mountFailed", {
          task: `${mount.taskId}/${mount.container}`,
          path: mount.path && mount.path !== "-" ? m("ui.describe.at", { path: mount.path }) : none,
          reason: mount.reason ? m("ui.describe.reason", { reason: mount.reason }) : none,
        }),
      ),
    )
    .join("; ");
  return say(m("ui.describe.mounts", { head, mounts }));
}

/**
 * Sections of sentences for the frame: timeline, verdict, tasks, instances, roles, load
 * balancers, volumes, each composed from the `sim` catalog and rendered by `say`.
 */
export function describeFrame(
  scenario: Scenario,
  result: SimResult,
  frame: Frame,
  roles: RoleRow[],
  volumes: VolumeRow[],
  momentCount: number,
  say: Say,
): Description {
  // i18n-keys: sim.ui.describe.*
  const out: Description = [];
  const section = (title: string, items: string[]) =>
    out.push({ title: say(m(`ui.describe.title.${title}`)), items });
  section("moment", [
    say(
      m("ui.describe.moment", {
        position: frame.moment.index + 1,
        count: momentCount,
        clock: formatClock(frame.moment.t),
        step: frame.moment.step,
        label: stepLabel(scenario, frame.moment.step),
      }),
    ),
    ...frame.events.map((e) => say(e.msg ?? e.message)),
  ]);
  section("verdict", [
    say(
      m("ui.describe.verdict", {
        status: result.verdict.status,
        summary: result.verdict.summaryMsg ?? result.verdict.summary,
      }),
    ),
  ]);
  const state = result.finalState;
  const counts = STATES.filter((s) => frame.counts[s] > 0).map((s) => `${frame.counts[s]} ${s}`);
  section("tasks", [
    say(
      m("ui.describe.region", {
        region: state.region,
        vpc: state.vpc,
        cluster: state.cluster.name,
        azs: state.azs.map((a) => a.name).join(", "),
      }),
    ),
    say(counts.length ? m("ui.describe.counts", { counts: counts.join(", ") }) : m("ui.picture.noTasks")),
    ...frame.tasks.map((t) => taskSentence(say, t)),
  ]);
  const instances = frame.azs.flatMap((az) => az.instances);
  if (instances.length)
    section(
      "instances",
      instances.map((i) => instanceSentence(say, i)),
    );
  if (roles.length) {
    section(
      "roles",
      roles.map((r) =>
        say(
          m("ui.describe.role", {
            name: r.name,
            uses: r.uses.map(say).join("; "),
            links: r.links.length
              ? r.links.map((link) => linkSentence(say, link)).join("; ")
              : m("ui.describe.reachesNone"),
          }),
        ),
      ),
    );
  }
  if (frame.loadBalancers.length || frame.refusedLoadBalancers.length) {
    section("lbs", [
      ...frame.loadBalancers.flatMap((lb) =>
        lb.targetGroups.map((g) =>
          say(
            m("ui.describe.lb", {
              name: lb.lb.name,
              type: lb.lb.type,
              azs: lb.lb.azs.join(", "),
              protocol: g.protocol,
              group: g.name,
              targetType: g.targetType ?? "instance",
              port: g.port,
              service: g.service,
              targets: g.targets.length
                ? g.targets
                    .map((t) =>
                      say(
                        m(`ui.describe.target.${t.health}`, { target: `${t.id}:${t.port}`, task: t.taskId }),
                      ),
                    )
                    .join(", ")
                : m("ui.describe.noTargets"),
            }),
          ),
        ),
      ),
      ...frame.refusedLoadBalancers.map((r) =>
        say(
          m("ui.describe.lbRefused", {
            type: r.type,
            name: r.name,
            service: r.service,
            ruleId: r.ruleId,
            message: r.msg,
          }),
        ),
      ),
    ]);
  }
  if (volumes.length)
    section(
      "volumes",
      volumes.map((v) => volumeSentence(say, v)),
    );
  return out;
}
