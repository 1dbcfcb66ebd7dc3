/**
 * The text alternative: the same facts as the picture, in sentences, for the moment shown.
 * Pure, so a test can check that what is drawn is also said.
 */
import type { Scenario, SimResult, Step, TaskStatus } from "@/lib/sim";
import { type Frame, formatClock, type TaskFrame } from "./frames";
import type { RoleLink, RoleRow } from "./roles";
import { VOLUME_TYPE_LABEL, type VolumeRow } from "./volumes";

export type Description = Array<{ title: string; items: string[] }>;

/** A step of the scenario in words: "Create service web". Step 0 is the cluster's setup. */
export function stepLabel(scenario: Scenario, step: number): string {
  if (step === 0) return "Cluster setup";
  const s: Step | undefined = scenario.steps[step - 1];
  if (!s) return `Step ${step}`;
  switch (s.op) {
    case "registerTaskDefinition":
      return `Register task definition ${s.family}`;
    case "runTask":
      return `Run ${s.count} task${s.count === 1 ? "" : "s"} of ${s.taskDefinition}`;
    case "createService":
      return `Create service ${s.service}`;
    case "updateService":
      return `Update service ${s.service}`;
    case "scale":
      return `Scale ${s.service} to ${s.desiredCount}`;
    case "failInstance":
      return `Instance ${s.instance} fails`;
    case "drainInstance":
      return `Drain instance ${s.instance}`;
    case "spotInterruption":
      return "Fargate Spot interruption";
    case "changeLoad":
      return `Load on ${s.service} changes to ${s.value}`;
    case "call":
      return `${s.from} calls ${s.action}`;
    case "imagePull":
      return `${s.from} pulls its image`;
    case "shipLogs":
      return `${s.from} ships its logs`;
    case "mountVolume":
      return `${s.from} mounts ${s.volume ?? "its volumes"}`;
    case "readInstanceMetadata":
      return `${s.from} reads the instance metadata`;
  }
}

const STATES: TaskStatus[] = ["RUNNING", "PENDING", "PROVISIONING", "STOPPED"];

function taskSentence(t: TaskFrame): string {
  const { task } = t;
  const where = !t.isPlaced
    ? `not placed${task.failureReason ? `: ${task.failureReason}` : ""}`
    : task.instanceId
      ? `on instance ${task.instanceId} in ${task.az}`
      : `on ${task.capacityProvider ?? "Fargate"} in ${task.az}`;
  const network = t.isPlaced && task.eni ? `, ENI ${task.eni}${task.ip ? ` with IP ${task.ip}` : ""}` : "";
  const ports =
    t.isPlaced && task.hostPorts.length
      ? `, host port${task.hostPorts.length > 1 ? "s" : ""} ${task.hostPorts.map((p) => p.hostPort).join(", ")}`
      : "";
  const stopped = t.state === "STOPPED" && t.isPlaced && task.failureReason ? ` (${task.failureReason})` : "";
  return `${task.id} (${task.family}:${task.revision}): ${t.state} ${where}${network}${ports}${stopped}`;
}

function linkSentence(link: RoleLink): string {
  const rules = link.ruleIds.length ? ` (${link.ruleIds.join(", ")})` : "";
  if (link.kind === "can-reach") return `can reach ${link.service} (${link.actions.join(", ")}), not called`;
  return `${link.kind} ${link.actions.join(", ")} on ${link.service}${link.calls > 1 ? `, ${link.calls} calls` : ""}${rules}`;
}

/** Sections of sentences for the frame: timeline, verdict, tasks, instances, roles, load balancers, volumes. */
export function describeFrame(
  scenario: Scenario,
  result: SimResult,
  frame: Frame,
  roles: RoleRow[],
  volumes: VolumeRow[],
  momentCount: number,
): Description {
  const out: Description = [];
  out.push({
    title: "Moment",
    items: [
      `Moment ${frame.moment.index + 1} of ${momentCount} at ${formatClock(frame.moment.t)}, step ${frame.moment.step}: ${stepLabel(scenario, frame.moment.step)}.`,
      ...frame.events.map((e) => e.message),
    ],
  });
  out.push({ title: "Verdict", items: [`${result.verdict.status}: ${result.verdict.summary}`] });
  const state = result.finalState;
  const counts = STATES.filter((s) => frame.counts[s] > 0).map((s) => `${frame.counts[s]} ${s}`);
  out.push({
    title: "Tasks",
    items: [
      `Region ${state.region}, VPC ${state.vpc}, cluster ${state.cluster.name}, Availability Zones ${state.azs.map((a) => a.name).join(", ")}.`,
      counts.length ? `Tasks: ${counts.join(", ")}.` : "No tasks at this moment.",
      ...frame.tasks.map(taskSentence),
    ],
  });
  const instances = frame.azs.flatMap((az) => az.instances);
  if (instances.length) {
    out.push({
      title: "Instances",
      items: instances.map((i) => {
        const inst = i.instance;
        const agent =
          i.status === "UNREGISTERED" || inst.cluster === null
            ? "agent not registered"
            : `agent registered in cluster ${inst.cluster}`;
        const profile = inst.instanceProfile
          ? `instance profile ${inst.instanceProfile}`
          : "no instance profile";
        const status = i.status === "FAILED" || i.status === "DRAINING" ? `, ${i.status}` : "";
        const ports = i.ports.map((p) => p.split("/")[0]).join(", ");
        return `${inst.id} (${inst.type}, ${inst.az}${status}): ${agent}; ${profile}; CPU ${i.cpuUsed} of ${inst.cpu.total} units used; memory ${i.memoryUsed} of ${inst.memory.total} MiB; ENIs for tasks ${i.enisUsed} of ${inst.enis.total}; host ports in use ${ports || "none"}; ${i.tasks.length} task${i.tasks.length === 1 ? "" : "s"}${i.note ? `. ${i.note}` : ""}.`;
      }),
    });
  }
  if (roles.length) {
    out.push({
      title: "IAM roles",
      items: roles.map(
        (r) =>
          `${r.name} (${r.uses.join("; ")}): ${r.links.length ? r.links.map(linkSentence).join("; ") : "reaches none of S3, DynamoDB, ECR, CloudWatch Logs, Secrets Manager or SSM"}.`,
      ),
    });
  }
  if (frame.loadBalancers.length || frame.refusedLoadBalancers.length) {
    out.push({
      title: "Load balancers",
      items: [
        ...frame.loadBalancers.flatMap((lb) =>
          lb.targetGroups.map((g) => {
            const targets = g.targets.length
              ? g.targets.map((t) => `${t.id}:${t.port} for ${t.taskId} ${t.health}`).join(", ")
              : "no targets yet";
            return `${lb.lb.name} (${lb.lb.type}, AZs ${lb.lb.azs.join(", ")}): ${g.protocol} listener to target group ${g.name} (target type ${g.targetType ?? "instance"}, port ${g.port}) for service ${g.service}; targets: ${targets}.`;
          }),
        ),
        ...frame.refusedLoadBalancers.map(
          (r) => `${r.type} ${r.name} for service ${r.service}: refused (${r.ruleId}). ${r.message}`,
        ),
      ],
    });
  }
  if (volumes.length) {
    out.push({
      title: "Volumes",
      items: volumes.map((v) => {
        const head = `${v.name} (${VOLUME_TYPE_LABEL[v.type]}, task definition ${v.family}${v.detail ? `, ${v.detail}` : ""})`;
        if (v.refusal) return `${head}: not created. ${v.refusal}`;
        if (v.mounts.length === 0) return `${head}: not mounted yet.`;
        const mounts = v.mounts
          .map(
            (m) =>
              `${m.status === "ok" ? "mounted" : "failed"} in ${m.taskId}/${m.container}${m.path && m.path !== "-" ? ` at ${m.path}` : ""}${m.reason ? ` (${m.reason})` : ""}`,
          )
          .join("; ");
        return `${head}: ${mounts}.`;
      }),
    });
  }
  return out;
}
