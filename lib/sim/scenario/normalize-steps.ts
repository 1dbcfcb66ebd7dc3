import type { InstanceSpec, LaunchType, ServiceSpec, Step, Subnet, TaskDefinitionSpec } from "../model";
import { m } from "../text";
import type { NormalizeContext, Path } from "./normalize-context";
import { checkSubnets, volumeConfigs } from "./normalize-workload";
import type { ParsedScenario } from "./schema";
import type { ParsedStep } from "./step-schema";
import { didYouMean } from "./suggest";

type Env = {
  taskDefinitions: TaskDefinitionSpec[];
  services: ServiceSpec[];
  instances: InstanceSpec[];
  subnets: Subnet[];
  defaultLaunchType: LaunchType;
  hasDefaultStrategy: boolean;
};

/**
 * Steps as written, with references checked. Setup is implied: when the author
 * lists no registerTaskDefinition, every task definition is registered first;
 * when they list no createService or runTask, every service is created (or,
 * with no services, each task definition runs once).
 */
export function normalizeSteps(input: ParsedScenario, env: Env, ctx: NormalizeContext): Step[] {
  const families = env.taskDefinitions.map((t) => t.family);
  const serviceNames = env.services.map((s) => s.name);
  const written = (input.steps ?? []).flatMap((s, i) => convert(s, ["steps", i], env, ctx));
  const setup: Step[] = [];
  if (!written.some((s) => s.op === "registerTaskDefinition")) {
    setup.push(...families.map((family): Step => ({ op: "registerTaskDefinition", family })));
  }
  if (!written.some((s) => s.op === "createService" || s.op === "runTask")) {
    if (serviceNames.length)
      setup.push(...serviceNames.map((service): Step => ({ op: "createService", service })));
    else setup.push(...env.taskDefinitions.map((td) => runTask(td.family, {}, [], env, ctx)));
  }
  return [...setup, ...written];
}

function runTask(
  family: string,
  r: Partial<NonNullable<ParsedStep["runTask"]>>,
  path: Path,
  env: Env,
  ctx: NormalizeContext,
): Step {
  const td = env.taskDefinitions.find((t) => t.family === family);
  const compat = td?.requiresCompatibilities ?? [env.defaultLaunchType];
  const infer = !r.launchType && !r.capacityProviderStrategy && !env.hasDefaultStrategy;
  return {
    op: "runTask",
    taskDefinition: family,
    count: r.count ?? 1,
    group: r.group ?? null,
    launchType:
      r.launchType ??
      (infer ? (compat.includes(env.defaultLaunchType) ? env.defaultLaunchType : (compat[0] ?? null)) : null),
    capacityProviderStrategy: r.capacityProviderStrategy ?? null,
    placementStrategy: r.placementStrategy ?? null,
    placementConstraints: r.placementConstraints ?? [],
    platformVersion: r.platformVersion ?? "LATEST",
    subnets: checkSubnets(r.subnets, env.subnets, [...path, "subnets"], ctx),
    securityGroups: r.securityGroups ?? ["sg-1"],
    volumeConfigurations: volumeConfigs(r.volumeConfigurations ?? [], [...path, "volumeConfigurations"], ctx),
  };
}

function convert(s: ParsedStep, path: Path, env: Env, ctx: NormalizeContext): Step[] {
  const families = env.taskDefinitions.map((t) => t.family);
  const services = env.services.map((x) => x.name);
  const family = (name: string | undefined | null, at: Path): string => {
    const f = name ?? families[0] ?? "";
    if (!families.includes(f))
      ctx.issue(at, m("scenario.taskDefinitionNotDefined", { family: f }), didYouMean(f, families));
    return f;
  };
  const service = (name: string | undefined | null, at: Path): string => {
    const n = name ?? services[0] ?? "";
    if (!services.includes(n)) {
      ctx.issue(
        at,
        services.length ? m("scenario.serviceNotDefined", { name: n }) : m("scenario.noService"),
        didYouMean(n, services),
      );
    }
    return n;
  };
  const instance = (id: string, at: Path): string => {
    const ids = env.instances.map((i) => i.id);
    if (!ids.includes(id)) ctx.issue(at, m("scenario.instanceNotDefined", { id }), didYouMean(id, ids));
    return id;
  };
  const from = (ref: string | undefined, at: Path): string => {
    const r = ref ?? services[0] ?? families[0] ?? "";
    const [head = "", containerName] = r.split("/");
    const svc = env.services.find((x) => x.name === head);
    const fam = svc?.taskDefinition ?? (families.includes(head) ? head : undefined);
    if (!fam && !/^t-\d+$/.test(head)) {
      ctx.issue(
        at,
        m("scenario.notServiceTdOrTask", { ref: head }),
        didYouMean(head, [...services, ...families]),
      );
    }
    const td = env.taskDefinitions.find((t) => t.family === fam);
    if (td && containerName !== undefined && !td.containers.some((c) => c.name === containerName)) {
      ctx.issue(
        at,
        m("scenario.containerNotInTaskDefinition", { name: containerName, family: td.family }),
        didYouMean(
          containerName,
          td.containers.map((c) => c.name),
        ),
      );
    }
    return r;
  };

  if (s.registerTaskDefinition !== undefined) {
    const at = [...path, "registerTaskDefinition"];
    const list = s.registerTaskDefinition === null ? families : [family(s.registerTaskDefinition, at)];
    return list.map((f) => ({ op: "registerTaskDefinition", family: f }));
  }
  if (s.runTask) {
    const at = [...path, "runTask"];
    return [runTask(family(s.runTask.taskDefinition, [...at, "taskDefinition"]), s.runTask, at, env, ctx)];
  }
  if (s.createService !== undefined) {
    const at = [...path, "createService"];
    const list = s.createService === null ? services : [service(s.createService, at)];
    return list.map((x) => ({ op: "createService", service: x }));
  }
  if (s.updateService) {
    const u = s.updateService;
    const at = [...path, "updateService"];
    return [
      {
        op: "updateService",
        service: service(u.service, [...at, "service"]),
        desiredCount: u.desiredCount ?? null,
        taskDefinition: u.taskDefinition ? family(u.taskDefinition, [...at, "taskDefinition"]) : null,
        placementStrategy: u.placementStrategy ?? null,
        placementConstraints: u.placementConstraints ?? null,
        volumeConfigurations: u.volumeConfigurations
          ? volumeConfigs(u.volumeConfigurations, [...at, "volumeConfigurations"], ctx)
          : null,
        platformVersion: u.platformVersion ?? null,
      },
    ];
  }
  if (s.scale) {
    return [
      {
        op: "scale",
        service: service(s.scale.service, [...path, "scale", "service"]),
        desiredCount: s.scale.desiredCount,
      },
    ];
  }
  if (s.failInstance !== undefined) {
    return [{ op: "failInstance", instance: instance(s.failInstance, [...path, "failInstance"]) }];
  }
  if (s.drainInstance !== undefined) {
    return [{ op: "drainInstance", instance: instance(s.drainInstance, [...path, "drainInstance"]) }];
  }
  if (s.spotInterruption) return [{ op: "spotInterruption", target: s.spotInterruption.target ?? null }];
  if (s.changeLoad) {
    const c = s.changeLoad;
    return [
      {
        op: "changeLoad",
        service: service(c.service, [...path, "changeLoad", "service"]),
        value: c.value,
        duringDeployment: c.duringDeployment,
      },
    ];
  }
  if (s.call)
    return [{ op: "call", action: s.call.action, from: from(s.call.from, [...path, "call", "from"]) }];
  if (s.imagePull) return [{ op: "imagePull", from: from(s.imagePull.from, [...path, "imagePull"]) }];
  if (s.shipLogs) return [{ op: "shipLogs", from: from(s.shipLogs.from, [...path, "shipLogs"]) }];
  if (s.readInstanceMetadata) {
    return [
      {
        op: "readInstanceMetadata",
        from: from(s.readInstanceMetadata.from, [...path, "readInstanceMetadata"]),
      },
    ];
  }
  if (s.mountVolume) {
    return [
      {
        op: "mountVolume",
        from: from(s.mountVolume.from, [...path, "mountVolume"]),
        volume: s.mountVolume.volume ?? null,
      },
    ];
  }
  return [];
}
