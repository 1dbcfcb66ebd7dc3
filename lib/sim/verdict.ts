import type { Sim } from "./engine/context";
import { isPlaced } from "./engine/lifecycle";
import type { SimResult, SimState } from "./model";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function okSummary(sim: Sim): string {
  const running = sim.tasks.filter((t) => t.st.state === "RUNNING");
  const parts: string[] = [];
  if (running.length) {
    const azs = new Set(running.map((t) => t.st.az));
    const hosts = new Set(running.flatMap((t) => (t.st.instanceId ? [t.st.instanceId] : [])));
    const where = hosts.size ? `on ${plural(hosts.size, "instance")}` : "on Fargate";
    parts.push(`${plural(running.length, "task")} RUNNING ${where} across ${plural(azs.size, "AZ")}`);
  } else if (sim.taskDefs.size) {
    parts.push(
      `Registered ${[...sim.taskDefs.values()].map((t) => `${t.spec.family}:${t.revision}`).join(", ")}`,
    );
  } else {
    parts.push(
      `${plural(sim.activeInstances().length, "instance")} registered in cluster ${sim.scenario.cluster.name}`,
    );
  }
  parts.push(...sim.highlights.slice(-2));
  return parts.join("; ");
}

/** Works out the verdict from what went wrong, most serious first, and assembles the result. */
export function finish(sim: Sim): SimResult {
  const waiting = sim.liveTasks((t) => !isPlaced(t));
  for (const t of waiting) {
    const verb = t.st.state === "PROVISIONING" ? "waits in PROVISIONING" : "stays PENDING";
    sim.problem("partial", `Task ${t.st.id} ${verb}: ${t.st.failureReason ?? "no capacity"}`);
  }
  const live = sim.liveTasks();
  const running = live.filter((t) => t.st.state === "RUNNING").length;
  const error = sim.problems.find((p) => p.severity === "error");
  const partial = sim.problems.find((p) => p.severity === "partial");
  let verdict: SimResult["verdict"];
  if (error) verdict = { status: "error", summary: error.message };
  else if (partial && running === 0 && sim.tasks.length > 0) {
    verdict = { status: "error", summary: `No task is running. ${partial.message}` };
  } else if (partial) {
    const counts = waiting.length ? `${running} of ${live.length} tasks running. ` : "";
    verdict = { status: "partial", summary: `${counts}${partial.message}` };
  } else verdict = { status: "ok", summary: okSummary(sim) };
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
