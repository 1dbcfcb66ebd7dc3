import type { Sim } from "./engine/context";
import { isPlaced } from "./engine/lifecycle";
import type { SimResult, SimState } from "./model";
import { english, type Msg, m, type Text } from "./text";

function okSummary(sim: Sim): Msg {
  const running = sim.tasks.filter((t) => t.st.state === "RUNNING");
  const parts: Text[] = [];
  if (running.length) {
    const azs = new Set(running.map((t) => t.st.az));
    const hosts = new Set(running.flatMap((t) => (t.st.instanceId ? [t.st.instanceId] : [])));
    parts.push(
      hosts.size
        ? m("engine.verdict.runningOnInstances", {
            tasks: running.length,
            instances: hosts.size,
            azs: azs.size,
          })
        : m("engine.verdict.runningOnFargate", { tasks: running.length, azs: azs.size }),
    );
  } else if (sim.taskDefs.size) {
    parts.push(
      m("engine.verdict.registered", {
        taskDefinitions: [...sim.taskDefs.values()].map((t) => `${t.spec.family}:${t.revision}`).join(", "),
      }),
    );
  } else {
    parts.push(
      m("engine.verdict.instancesRegistered", {
        instances: sim.activeInstances().length,
        cluster: sim.scenario.cluster.name,
      }),
    );
  }
  parts.push(...sim.highlights.slice(-2));
  // One to three parts; each keeps its own key so the interface translates them one by one.
  const [first, ...rest] = parts;
  return rest.reduce<Msg>(
    (acc, part) => m("engine.verdict.and", { first: acc, next: part }),
    typeof first === "string" || first === undefined
      ? m("engine.verdict.plain", { text: first ?? "" })
      : first,
  );
}

/** Works out the verdict from what went wrong, most serious first, and assembles the result. */
export function finish(sim: Sim): SimResult {
  const waiting = sim.liveTasks((t) => !isPlaced(t));
  for (const t of waiting) {
    const verb = m(t.st.state === "PROVISIONING" ? "engine.verb.provisioning" : "engine.verb.pending");
    sim.problem(
      "partial",
      m("engine.verdict.task", {
        tId: t.st.id,
        verb,
        reason: t.st.failureMsg ?? t.st.failureReason ?? m("engine.verdict.noCapacity"),
      }),
    );
  }
  const live = sim.liveTasks();
  const running = live.filter((t) => t.st.state === "RUNNING").length;
  const error = sim.problems.find((p) => p.severity === "error");
  const partial = sim.problems.find((p) => p.severity === "partial");
  let status: SimResult["verdict"]["status"];
  let summary: Text;
  if (error) {
    status = "error";
    summary = error.message;
  } else if (partial && running === 0 && sim.tasks.length > 0) {
    status = "error";
    summary = m("engine.verdict.noneRunning", { problem: partial.message });
  } else if (partial) {
    status = "partial";
    summary = waiting.length
      ? m("engine.verdict.someRunning", { running, live: live.length, problem: partial.message })
      : partial.message;
  } else {
    status = "ok";
    summary = okSummary(sim);
  }
  const verdict: SimResult["verdict"] = { status, summary: english(summary) };
  if (typeof summary !== "string") verdict.summaryMsg = summary;
  return { verdict, rules: sim.rules, events: sim.events, finalState: snapshot(sim) };
}

function snapshot(sim: Sim): SimState {
  for (const svc of sim.services.values()) {
    const mine = sim.liveTasks((t) => t.service === svc);
    svc.st.runningCount = mine.filter((t) => t.st.state === "RUNNING").length;
    svc.st.pendingCount = mine.length - svc.st.runningCount;
    if (svc.spec.schedulingStrategy === "DAEMON") svc.st.desiredCount = mine.length;
  }
  const s = sim.scenario;
  return {
    region: s.region,
    vpc: s.vpc,
    cluster: s.cluster,
    azs: s.azs.map((name) => ({ name, subnets: s.subnets.filter((x) => x.az === name).map((x) => x.id) })),
    instances: sim.instances.map((i) => ({ ...i.st, ports: [...i.ports].sort(byPort) })),
    taskDefinitions: sim.taskDefStates,
    tasks: sim.tasks.map((t) => t.st),
    services: [...sim.services.values()].map((x) => x.st),
    loadBalancers: sim.loadBalancers,
    volumes: sim.volumes,
    roleCalls: sim.roleCalls,
  };
}

function byPort(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);
}
