/**
 * The load benchmark on PostgreSQL (issue 15 item 5): `LOAD_DB=postgres LOAD_PROCESSES=N npm run
 * bench -- load`. A throwaway PostgreSQL (Debian's package), the release step, LOAD_LEARNERS (100)
 * learners seeded straight into it (users, sessions signed with the servers' secret, and for
 * LOAD_QUIZ_SHARE of them a quiz with an open attempt), N `serve.mjs` processes of one build with
 * the same BETTER_AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and HAProxy in front (health
 * checks on /api/health; a request whose server refused the connection, closed it without an
 * answer, or did not answer in 15 s is retried up to 3 times on another server). The learners go
 * through HAProxy, as in load.ts (closed loop, or LOAD_THINK_MS between writes; every tenth write
 * sent twice at once). Half-way, one app process is killed with SIGKILL (LOAD_KILL=0: none):
 * HAProxy must move its learners to the others and no acknowledged write may be lost. Afterwards
 * PostgreSQL is read with `pg`: acknowledged gradings and autosaves missing, duplicate reviews.
 * HAProxy's retries and redispatches are read from its stats socket. Loopback only; bounded in
 * time and count; the cluster, the processes and HAProxy are stopped at the end, also on failure.
 */
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { balancerCounters, startPostgresDeployment, verifyPostgres } from "./cluster";
import {
  ensureBuild,
  learnerAgent,
  openConnections,
  processTreeCpuMs,
  round,
  scratchFolder,
} from "./harness";
import { gradeLoad } from "./load";
import { type BenchResult, summarize } from "./types";

const P99_TARGET_MS = 250;

export async function benchLoadCluster(): Promise<BenchResult> {
  const learners = Number(process.env.LOAD_LEARNERS ?? 100);
  const seconds = Number(process.env.LOAD_SECONDS ?? 60);
  const maxRequests = Number(process.env.LOAD_MAX_REQUESTS ?? 200_000);
  const thinkMs = Number(process.env.LOAD_THINK_MS ?? 0);
  const quizShare = Number(process.env.LOAD_QUIZ_SHARE ?? 0.2);
  const processes = Math.max(1, Number(process.env.LOAD_PROCESSES ?? 2));
  const kill = process.env.LOAD_KILL !== "0" && processes > 1;
  await ensureBuild();
  const scratch = scratchFolder("taskdeck-bench-load-pg-");
  const agents = new Map<number, http.Agent>();
  const deployment = await startPostgresDeployment({
    processes,
    learners,
    quizShare,
    dir: scratch.dir,
    balancer: true,
  });
  try {
    const { balancer, servers } = deployment;
    if (!balancer) throw new Error("no balancer");
    const roster = deployment.learners;
    for (let index = 0; index < learners; index++) agents.set(index, learnerAgent());
    await openConnections(deployment.url, [...agents.values()]);
    const seqs = new Map<string, number>();
    const common = { agents, learners, roster, quizLearners: deployment.quizLearners, seqs };
    const warm = await gradeLoad({ url: deployment.url }, "", { ...common, seconds: 3, maxRequests: 2_000 });
    const before = await balancerCounters(balancer);
    const cpuBefore = servers.map((server) => processTreeCpuMs(server.child.pid) ?? 0);
    // PostgreSQL's own CPU: the postmaster and its backends (the first line of postmaster.pid).
    const postmaster = Number(
      fs.readFileSync(path.join(deployment.cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0],
    );
    const pgCpuBefore = processTreeCpuMs(postmaster) ?? 0;
    const generatorDelay = monitorEventLoopDelay({ resolution: 5 });
    generatorDelay.enable();
    const killed = { at: 0, downAfter: -1, name: "" };
    const runStarted = performance.now();
    // Each server's status as HAProxy sees it, polled every 250 ms: when one goes DOWN or UP.
    const transitions: string[] = [];
    const statusOf = new Map<string, string>();
    // /api/health asked straight from each process every second, as HAProxy's check does.
    const healthMs: number[] = [];
    const healthProbe = setInterval(() => {
      for (const server of servers) {
        if (server.child.exitCode !== null || server.child.signalCode !== null) continue;
        const t0 = performance.now();
        void fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) })
          .then((response) => response.text())
          .then(() => healthMs.push(performance.now() - t0))
          .catch(() => healthMs.push(10_000));
      }
    }, 1000);
    const poller = setInterval(() => {
      void balancerCounters(balancer)
        .then((counters) => {
          for (const server of counters.servers) {
            if (statusOf.get(server.name) !== server.status)
              transitions.push(
                `${round((performance.now() - runStarted) / 1000)} s: ${server.name} ${server.status}`,
              );
            statusOf.set(server.name, server.status);
          }
        })
        .catch(() => {});
    }, 250);
    const outcome = await gradeLoad({ url: deployment.url }, "", {
      ...common,
      seconds,
      maxRequests,
      thinkMs,
      midway: kill
        ? async () => {
            const victim = servers[servers.length - 1];
            if (!victim?.child.pid) return;
            killed.name = `app${servers.length}`;
            killed.at = performance.now() - runStarted;
            victim.child.kill("SIGKILL");
            console.log(
              `  ▸ SIGKILL to ${killed.name} (pid ${victim.child.pid}) at ${round(killed.at / 1000)} s`,
            );
            // How long HAProxy's health checks take to mark it down (inter 1s, fall 2).
            const t0 = performance.now();
            while (performance.now() - t0 < 15_000) {
              const counters = await balancerCounters(balancer);
              if (counters.servers.find((s) => s.name === killed.name)?.status.startsWith("DOWN")) {
                killed.downAfter = performance.now() - t0;
                break;
              }
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          }
        : undefined,
    });
    generatorDelay.disable();
    clearInterval(poller);
    clearInterval(healthProbe);
    console.log(`  servers' status seen by HAProxy during the run: ${transitions.join("; ")}`);
    const cpuAfter = servers.map((server) => processTreeCpuMs(server.child.pid) ?? 0);
    const pgCpu = (processTreeCpuMs(postmaster) ?? 0) - pgCpuBefore;
    const after = await balancerCounters(balancer);
    const haproxyLog = balancer.log();
    const serverLogs = servers.map((server) => server.log());
    outcome.acknowledged.push(...warm.acknowledged);
    outcome.duplicatesSent.push(...warm.duplicatesSent);
    outcome.savesAcknowledged.push(...warm.savesAcknowledged);
    await balancer.stop();
    await Promise.all(servers.map((server) => server.stop()));
    const verified = await verifyPostgres(
      deployment.databaseUrl,
      outcome.acknowledged,
      outcome.duplicatesSent,
      outcome.savesAcknowledged,
    );
    const s = summarize(outcome.latencies);
    // Around the kill: requests in flight when it came, and those sent in the 5 s after it.
    const window = outcome.timeline.filter(
      ([at, ms]) =>
        kill && ((at <= killed.at && at + ms >= killed.at) || (at >= killed.at && at < killed.at + 5000)),
    );
    const w = summarize(window.map(([, ms]) => ms));
    const windowFailed = window.filter(([, , what]) => what.endsWith("failed")).length;
    if (outcome.errorSamples.length > 0)
      console.log(`  load errors (first ${outcome.errorSamples.length}):`, outcome.errorSamples);
    // Health-check transitions (a server going DOWN or UP), with HAProxy's reason.
    const checks = haproxyLog.split("\n").filter((line) => /^\[WARNING\].*Server taskdeck_app\//.test(line));
    if (checks.length > 0) console.log(`  HAProxy health-check transitions:\n    ${checks.join("\n    ")}`);
    const abnormal = haproxyLog.split("\n").filter((line) => line.trim() && !/Proxy .* started/.test(line));
    if (abnormal.length > 0)
      console.log(
        `  HAProxy log, abnormal requests and checks (${abnormal.length} lines, last 15):\n    ${abnormal.slice(-15).join("\n    ")}`,
      );
    const errorLines = serverLogs.flatMap((log, i) =>
      log
        .split("\n")
        .filter((line) => /error|failed|unavailable/i.test(line))
        .map((line) => `app${i + 1}: ${line}`),
    );
    if (errorLines.length > 0)
      console.log(
        `  app log lines naming an error (${errorLines.length}, first 10):\n    ${errorLines.slice(0, 10).join("\n    ")}`,
      );
    if (process.env.LOAD_TIMELINE) {
      for (let from = 0; from < seconds * 1000; from += 5000) {
        const slice = outcome.timeline.filter(([at]) => at >= from && at < from + 5000);
        const q = summarize(slice.map(([, ms]) => ms));
        const failed = slice.filter(([, , what]) => what.endsWith("failed")).length;
        console.log(
          `  ${from / 1000}–${from / 1000 + 5} s: ${slice.length} sent, p50 ${round(q.median)} ms, p99 ${round(q.p99)} ms, ${failed} failed`,
        );
      }
    }
    const cpu = cpuAfter.reduce((a, b, i) => a + Math.max(0, b - (cpuBefore[i] ?? 0)), 0);
    const perServer = after.servers
      .map((server) => {
        const was = before.servers.find((b) => b.name === server.name);
        return `${server.name} ${server.requests - (was?.requests ?? 0)} (${server.status})`;
      })
      .join(", ");
    console.log(`  requests per process during the run: ${perServer}`);
    return {
      name:
        `load on PostgreSQL: ${learners} learners (${deployment.quizLearners.size} autosaving a quiz) for ${seconds} s` +
        `${thinkMs ? ` (${thinkMs} ms between writes)` : ", closed loop"}, ${processes} \`serve.mjs\` behind HAProxy` +
        `${kill ? `, one SIGKILLed at ${round(seconds / 2, 0)} s` : ""}`,
      rows: [
        { metric: "requests", value: outcome.sent, unit: "" },
        { metric: "of which quiz autosaves", value: outcome.autosaves, unit: "" },
        { metric: "throughput", value: round(outcome.sent / outcome.seconds), unit: "req/s" },
        ...(kill
          ? []
          : [
              {
                metric: "app CPU per request (user + system, all processes)",
                value: round(cpu / Math.max(1, outcome.sent), 2),
                unit: "ms",
              },
            ]),
        {
          metric: "PostgreSQL CPU per request (postmaster and backends)",
          value: round(pgCpu / Math.max(1, outcome.sent), 2),
          unit: "ms",
        },
        { metric: "latency p50", value: round(s.median), unit: "ms" },
        {
          metric: "load generator's event-loop delay, max",
          value: round(generatorDelay.max / 1e6),
          unit: "ms",
        },
        {
          metric: "latency p99",
          value: round(s.p99),
          unit: "ms",
          target: `< ${P99_TARGET_MS} ms`,
          ok: s.p99 < P99_TARGET_MS,
        },
        { metric: "latency max", value: round(s.max), unit: "ms" },
        {
          metric: "resent by the client (reused connection closed, or an answer cut off)",
          value: outcome.retried,
          unit: "",
        },
        { metric: "errors", value: outcome.errors, unit: "", target: "0", ok: outcome.errors === 0 },
        ...(kill
          ? [
              { metric: `SIGKILL of ${killed.name} at`, value: round(killed.at / 1000), unit: "s" },
              { metric: "HAProxy marked it DOWN after", value: round(killed.downAfter), unit: "ms" },
              {
                metric: "requests in flight at the kill or sent in the 5 s after",
                value: window.length,
                unit: "",
              },
              {
                metric: "of which failed (no answer, or the answer cut off)",
                value: windowFailed,
                unit: "",
                target: "0",
                ok: windowFailed === 0,
              },
              {
                metric: "their latency p99 / max",
                value: round(w.p99),
                unit: `ms / ${round(w.max)} ms`,
              },
            ]
          : []),
        {
          metric: "/api/health straight from each process, every second: p50 / max",
          value: round(summarize(healthMs).median),
          unit: `/ ${round(summarize(healthMs).max)} ms`,
        },
        {
          metric: "HAProxy retries during the run (stats socket, wretr)",
          value: after.retries - before.retries,
          unit: "",
        },
        {
          metric: "HAProxy redispatches during the run (wredis)",
          value: after.redispatches - before.redispatches,
          unit: "",
        },
        {
          metric: "HAProxy connection / response errors during the run",
          value: after.connectionErrors - before.connectionErrors,
          unit: `/ ${after.responseErrors - before.responseErrors}`,
        },
        { metric: "HAProxy 5xx answers during the run", value: after.http5xx - before.http5xx, unit: "" },
        { metric: "acknowledged gradings (incl. 3 s warm-up)", value: outcome.acknowledged.length, unit: "" },
        {
          metric: "acknowledged writes missing",
          value: verified.missing,
          unit: "",
          target: "0",
          ok: verified.missing === 0,
        },
        { metric: "autosaves acknowledged as saved", value: outcome.savesAcknowledged.length, unit: "" },
        {
          metric: "acknowledged autosaves missing (older seq stored)",
          value: verified.autosavesMissing,
          unit: "",
          target: "0",
          ok: verified.autosavesMissing === 0,
        },
        { metric: "gradings sent twice", value: outcome.duplicatesSent.length, unit: "" },
        {
          metric: "duplicate reviews",
          value: verified.duplicateRows,
          unit: "",
          target: "0",
          ok: verified.duplicateRows === 0,
        },
      ],
    };
  } finally {
    for (const agent of agents.values()) agent.destroy();
    await deployment.stop();
    scratch.cleanup();
  }
}
