import { describe, expect, it } from "vitest";
import { parseScenario, runScenario, type SimResult } from "@/lib/sim";
import { formatClock, frameAt, placeTasks, tasksAt } from "./frames";
import { stepTowards } from "./progressive";
import { buildTimeline, momentsOf } from "./timeline";

function run(yaml: string): SimResult {
  const parsed = parseScenario(yaml);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
  return runScenario(parsed.scenario);
}

const PENDING = `
instances: [{ count: 2, type: m5.large }]
taskDefinition: { containers: [{ memory: 4096, portMappings: [{ containerPort: 80, hostPort: 0 }] }] }
service: { desiredCount: 5 }
`;

describe("momentsOf", () => {
  it("groups consecutive events of one step and second into one moment", () => {
    const moments = momentsOf([
      { step: 0, t: 0, kind: "cluster", message: "a" },
      { step: 0, t: 0, kind: "instance", message: "b" },
      { step: 1, t: 60, kind: "register", message: "c" },
      { step: 2, t: 120, kind: "place", message: "d" },
      { step: 2, t: 122, kind: "pending", message: "e" },
      { step: 2, t: 122, kind: "pending", message: "f" },
    ]);
    expect(moments.map((m) => [m.from, m.to, m.t])).toEqual([
      [0, 1, 0],
      [2, 2, 60],
      [3, 3, 120],
      [4, 5, 122],
    ]);
  });

  it("gives an empty run one moment, so the view always has a frame", () => {
    expect(momentsOf([])).toEqual([{ index: 0, t: 0, step: 0, from: 0, to: -1 }]);
  });
});

describe("frameAt", () => {
  const result = run(PENDING);
  const timeline = buildTimeline(result);
  const last = timeline.moments.length - 1;

  it("shows the final state on the last moment", () => {
    const frame = frameAt(timeline, last);
    expect(frame.isFinal).toBe(true);
    expect(frame.counts).toEqual({ PROVISIONING: 0, PENDING: 1, RUNNING: 4, STOPPED: 0 });
    expect(frame.unplaced.map((t) => t.task.id)).toEqual(["t-5"]);
    const instances = frame.azs.flatMap((az) => az.instances);
    for (const i of instances) {
      expect(i.memoryUsed).toBe(i.instance.memory.used);
      expect(i.ports).toEqual(i.instance.ports);
    }
  });

  it("shows no task before the service exists, and instances with nothing used", () => {
    const frame = frameAt(timeline, 0);
    expect(frame.tasks).toEqual([]);
    const instances = frame.azs.flatMap((az) => az.instances);
    expect(instances).toHaveLength(2);
    for (const i of instances) {
      expect(i.memoryUsed).toBe(0);
      expect(
        i.ports.every((p) => ["22/tcp", "2375/tcp", "2376/tcp", "51678/tcp", "51679/tcp"].includes(p)),
      ).toBe(true);
    }
  });

  it("replays placement before RUNNING: placed tasks are PENDING and already use memory", () => {
    const placed = timeline.moments.findIndex((m) =>
      result.events.slice(m.from, m.to + 1).some((e) => e.kind === "place"),
    );
    const frame = frameAt(timeline, placed);
    expect(frame.counts.RUNNING).toBe(0);
    expect(frame.counts.PENDING).toBe(5);
    const used = frame.azs.flatMap((az) => az.instances).reduce((sum, i) => sum + i.memoryUsed, 0);
    expect(used).toBe(4 * 4096);
  });

  it("clamps positions outside the timeline", () => {
    expect(frameAt(timeline, -3).moment.index).toBe(0);
    expect(frameAt(timeline, 99).moment.index).toBe(last);
  });

  it("reveals a role call only from the moment it is made", () => {
    const calls = run(`
roles: { appRole: [dynamodb:GetItem] }
taskDefinition: { cpu: 256, memory: 512, taskRoleArn: appRole }
service: { name: api }
steps: [{ call: s3:PutObject }]
`);
    const t = buildTimeline(calls);
    const denied = calls.finalState.roleCalls.findIndex((c) => c.action === "s3:PutObject");
    expect(denied).toBeGreaterThanOrEqual(0);
    const before = frameAt(t, t.moments.length - 2);
    expect(before.roleCalls.some((c) => c.action === "s3:PutObject")).toBe(false);
    const after = frameAt(t, t.moments.length - 1);
    expect(after.roleCalls.some((c) => c.action === "s3:PutObject" && !c.allowed)).toBe(true);
  });

  it("keeps an instance ACTIVE, with its tasks, until the moment it fails", () => {
    const failed = run(`
instances: [{ count: 2, type: m5.large }]
taskDefinition: { containers: [{ memory: 512 }] }
service: { desiredCount: 2, placementConstraints: [distinctInstance] }
steps: [{ failInstance: i-1 }]
`);
    const t = buildTimeline(failed);
    const failAt = t.moments.findIndex((m) =>
      failed.events.slice(m.from, m.to + 1).some((e) => e.kind === "instance" && /failed/.test(e.message)),
    );
    const before = frameAt(t, failAt - 1)
      .azs.flatMap((az) => az.instances)
      .find((i) => i.instance.id === "i-1");
    expect(before?.status).toBe("ACTIVE");
    expect(before?.memoryUsed).toBe(512);
    const after = frameAt(t, failAt)
      .azs.flatMap((az) => az.instances)
      .find((i) => i.instance.id === "i-1");
    expect(after?.status).toBe("FAILED");
    expect(after?.memoryUsed).toBe(0);
  });

  it("lists a load balancer ECS refused, with the rule", () => {
    const refused = run(`
taskDefinition: { family: web, cpu: 256, memory: 512, containers: [{ portMappings: [80] }] }
service: { name: web, loadBalancers: [{ type: CLB }] }
`);
    const frame = frameAt(buildTimeline(refused), 99);
    expect(frame.loadBalancers).toEqual([]);
    expect(frame.refusedLoadBalancers).toEqual([
      expect.objectContaining({ service: "web", type: "CLB", name: "web-clb", ruleId: "R32" }),
    ]);
  });
});

describe("formatClock", () => {
  it("writes simulated seconds as minutes and seconds", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(135)).toBe("2:15");
  });
});

describe("progressive drawing", () => {
  const result = run(PENDING);
  const timeline = buildTimeline(result);
  const placedMoment = timeline.moments.findIndex((m) =>
    result.events.slice(m.from, m.to + 1).some((e) => e.kind === "place"),
  );

  it("keeps a place in each container for every task it ever holds", () => {
    const final = frameAt(timeline, 99);
    const places = final.azs.flatMap((az) => az.instances.flatMap((i) => [...i.slots]));
    expect(places.sort()).toEqual(["t-1", "t-2", "t-3", "t-4"]);
    expect(final.unplacedSlots).toEqual(["t-5"]);
    // Before anything is placed the places exist, empty.
    const early = frameAt(timeline, 0);
    expect(early.azs.flatMap((az) => az.instances.flatMap((i) => [...i.slots])).sort()).toEqual(places);
    expect(early.azs.flatMap((az) => az.instances.flatMap((i) => i.tasks))).toEqual([]);
  });

  it("applies at most the budget of changes per step, in creation order, keeping unchanged tasks", () => {
    const before = tasksAt(timeline, placedMoment - 1);
    const target = tasksAt(timeline, placedMoment);
    expect(before).toEqual([]);
    const first = stepTowards(timeline, before, target, 2);
    expect(first.tasks.map((t) => t.task.id)).toEqual(["t-1", "t-2"]);
    expect(first.remaining).toBe(3);
    const second = stepTowards(timeline, first.tasks, target, 2);
    expect(second.tasks.map((t) => t.task.id)).toEqual(["t-1", "t-2", "t-3", "t-4"]);
    expect(second.tasks[0]).toBe(first.tasks[0]);
    const last = stepTowards(timeline, second.tasks, target, 2);
    expect(last.remaining).toBe(0);
    expect(last.tasks).toEqual(target);
  });

  it("also steps backwards: tasks that do not exist yet are removed", () => {
    const target = tasksAt(timeline, placedMoment - 1);
    const step = stepTowards(timeline, tasksAt(timeline, 99), target, 3);
    expect(step.tasks).toHaveLength(2);
    expect(step.remaining).toBe(2);
  });

  it("places a partly drawn frame with usage that matches the tasks drawn", () => {
    const target = tasksAt(timeline, placedMoment);
    const partial = stepTowards(timeline, [], target, 1).tasks;
    const placed = placeTasks(timeline, placedMoment, partial);
    const used = placed.azs.flatMap((az) => az.instances).reduce((sum, i) => sum + i.memoryUsed, 0);
    expect(used).toBe(4096);
    expect(placed.counts.PENDING).toBe(1);
  });
});
