import type {
  ContainerSpec,
  EbsLaunchConfig,
  LaunchType,
  LbProtocol,
  LoadBalancerSpec,
  ServiceSpec,
  Subnet,
  TaskDefinitionSpec,
  VolumeSpec,
} from "../model";
import { m } from "../text";
import type { NormalizeContext, Path } from "./normalize-context";
import type { ParsedContainer, ParsedScenario, ParsedService, ParsedTaskDefinition } from "./schema";
import { didYouMean } from "./suggest";

type Located<T> = { value: T; path: Path };

/** `taskDefinition:` (one) or `taskDefinitions:` (many), with the path each came from. */
export function listOf<T>(single: T | undefined, many: T[] | undefined, key: string): Array<Located<T>> {
  if (many) return many.map((value, i) => ({ value, path: [`${key}s`, i] }));
  return single ? [{ value: single, path: [key] }] : [];
}

function container(c: ParsedContainer, i: number): ContainerSpec {
  return {
    name: c.name ?? (i === 0 ? "app" : `app-${i + 1}`),
    image: c.image,
    cpu: c.cpu,
    memory: c.memory ?? null,
    memoryReservation: c.memoryReservation ?? null,
    gpu: c.gpu,
    essential: c.essential,
    portMappings: c.portMappings.map((p) => ({
      containerPort: p.containerPort,
      hostPort: p.hostPort ?? null,
      protocol: p.protocol,
    })),
    secrets: c.secrets.map((s) => ({ ...s })),
    logDriver: c.logConfiguration?.logDriver ?? null,
    repositoryCredentials: c.repositoryCredentials?.credentialsParameter ?? null,
    mountPoints: c.mountPoints.map((m) => ({ ...m })),
    stopTimeout: c.stopTimeout ?? null,
  };
}

function volume(v: ParsedTaskDefinition["volumes"][number]): VolumeSpec {
  switch (v.type) {
    case "host":
      return { name: v.name, type: "host", sourcePath: v.sourcePath ?? null };
    case "docker":
      return { name: v.name, type: "docker", driver: v.driver, scope: v.scope };
    case "efs":
      return {
        name: v.name,
        type: "efs",
        fileSystemId: v.fileSystemId,
        transitEncryption: v.transitEncryption,
        iamAuthorization: v.iamAuthorization,
        accessPointId: v.accessPointId ?? null,
      };
    case "fsxWindows":
      return { name: v.name, type: "fsxWindows", fileSystemId: v.fileSystemId, domain: v.domain ?? null };
    case "ebs":
      return { name: v.name, type: "ebs" };
    case "s3":
      return { name: v.name, type: "s3", bucket: v.bucket ?? null };
    case "fsxLustre":
      return { name: v.name, type: "fsxLustre", fileSystemId: v.fileSystemId ?? null };
  }
}

export function normalizeTaskDefinitions(
  input: ParsedScenario,
  defaultLaunchType: LaunchType,
  ctx: NormalizeContext,
): TaskDefinitionSpec[] {
  if (input.taskDefinition && input.taskDefinitions) {
    ctx.issue(["taskDefinition"], m("scenario.taskDefinitionBoth"));
  }
  const seen = new Set<string>();
  return listOf(input.taskDefinition, input.taskDefinitions, "taskDefinition").map(
    ({ value: td, path }, i) => {
      const family = td.family ?? (i === 0 ? "app" : `app-${i + 1}`);
      if (seen.has(family)) ctx.issue([...path, "family"], m("scenario.familyTwice", { family }));
      seen.add(family);
      const containers = td.containers.map((c, ci) => container(c, ci));
      const volumes = td.volumes.map(volume);
      const names = volumes.map((v) => v.name);
      containers.forEach((c, ci) => {
        c.mountPoints.forEach((mount, mi) => {
          if (!names.includes(mount.sourceVolume)) {
            ctx.issue(
              [...path, "containers", ci, "mountPoints", mi, "sourceVolume"],
              m("scenario.mountVolumeUndefined", { volume: mount.sourceVolume }),
              didYouMean(mount.sourceVolume, names),
            );
          }
        });
      });
      return {
        family,
        requiresCompatibilities: td.requiresCompatibilities ?? [defaultLaunchType],
        networkMode: td.networkMode ?? null,
        cpu: td.cpu ?? null,
        memory: td.memory ?? null,
        os: td.os,
        arch: td.arch,
        containers,
        taskRole: ctx.role(td.taskRoleArn, [...path, "taskRoleArn"], {
          principal: "ecs-tasks.amazonaws.com",
          slot: `the task role of ${family}`,
        }),
        executionRole: ctx.role(td.executionRoleArn, [...path, "executionRoleArn"], {
          principal: "ecs-tasks.amazonaws.com",
          slot: `the execution role of ${family}`,
        }),
        volumes,
        placementConstraints: td.placementConstraints,
        ephemeralStorageGiB: td.ephemeralStorage ?? null,
      };
    },
  );
}

const DEFAULT_PROTOCOL: Record<LoadBalancerSpec["type"], LbProtocol> = {
  ALB: "HTTP",
  NLB: "TCP",
  CLB: "HTTP",
  GWLB: "GENEVE",
};

export function volumeConfigs(
  list: Array<{
    name: string;
    roleArn?: string | undefined;
    sizeGiB: number;
    deleteOnTermination?: boolean | undefined;
  }>,
  path: Path,
  ctx: NormalizeContext,
): EbsLaunchConfig[] {
  return list.map((v, i) => ({
    name: v.name,
    role: ctx.role(v.roleArn, [...path, i, "roleArn"], {
      principal: "ecs.amazonaws.com",
      slot: `the EBS infrastructure role of volume ${v.name}`,
    }),
    sizeGiB: v.sizeGiB,
    deleteOnTermination: v.deleteOnTermination ?? true,
  }));
}

export function checkSubnets(
  ids: string[] | undefined,
  all: Subnet[],
  path: Path,
  ctx: NormalizeContext,
): string[] {
  if (ids === undefined) return all.map((s) => s.id);
  ids.forEach((id, i) => {
    if (!all.some((s) => s.id === id)) {
      ctx.issue(
        [...path, i],
        m("scenario.subnetNotDefined", { id }),
        didYouMean(
          id,
          all.map((s) => s.id),
        ),
      );
    }
  });
  return ids;
}

type Env = {
  taskDefinitions: TaskDefinitionSpec[];
  subnets: Subnet[];
  azs: string[];
  vpc: string;
  defaultLaunchType: LaunchType;
  hasDefaultStrategy: boolean;
};

export function normalizeServices(input: ParsedScenario, env: Env, ctx: NormalizeContext): ServiceSpec[] {
  if (input.service && input.services) {
    ctx.issue(["service"], m("scenario.serviceBoth"));
  }
  const names = new Set<string>();
  return listOf(input.service, input.services, "service").map(({ value: s, path }) =>
    normalizeService(s, path, env, names, ctx),
  );
}

function normalizeService(
  s: ParsedService,
  path: Path,
  env: Env,
  names: Set<string>,
  ctx: NormalizeContext,
): ServiceSpec {
  const families = env.taskDefinitions.map((t) => t.family);
  const family = s.taskDefinition ?? families[0] ?? "";
  const td = env.taskDefinitions.find((t) => t.family === family);
  if (!td) {
    ctx.issue(
      [...path, "taskDefinition"],
      families.length
        ? m("scenario.taskDefinitionNotDefined", { family })
        : m("scenario.serviceNeedsTaskDefinition"),
      didYouMean(family, families),
    );
  }
  let name = s.name ?? family;
  if (!s.name) for (let k = 2; names.has(name); k++) name = `${family}-${k}`;
  if (names.has(name)) ctx.issue([...path, "name"], m("scenario.serviceNameTwice", { name }));
  names.add(name);
  const inferLaunch = !s.launchType && !s.capacityProviderStrategy && !env.hasDefaultStrategy;
  const compat = td?.requiresCompatibilities ?? [env.defaultLaunchType];
  const launchType: LaunchType | null =
    s.launchType ??
    (inferLaunch
      ? compat.includes(env.defaultLaunchType)
        ? env.defaultLaunchType
        : (compat[0] ?? null)
      : null);
  const loadBalancers = s.loadBalancers.map((lb, i): LoadBalancerSpec => {
    const withPorts = td?.containers.find((c) => c.portMappings.length > 0) ?? td?.containers[0];
    const containerName = lb.containerName ?? withPorts?.name ?? "app";
    const c = td?.containers.find((x) => x.name === containerName);
    if (td && !c) {
      ctx.issue(
        [...path, "loadBalancers", i, "containerName"],
        m("scenario.containerNotInTaskDefinition", { name: containerName, family: td.family }),
        didYouMean(
          containerName,
          td.containers.map((x) => x.name),
        ),
      );
    }
    return {
      name: lb.name ?? `${name}-${lb.type.toLowerCase()}`,
      type: lb.type,
      targetType: lb.targetType ?? null,
      targetGroup: lb.targetGroup ?? `${name}-tg${i === 0 ? "" : `-${i + 1}`}`,
      containerName,
      containerPort: lb.containerPort ?? c?.portMappings[0]?.containerPort ?? 80,
      protocol: lb.protocol ?? DEFAULT_PROTOCOL[lb.type],
      azs: lb.azs ?? [...env.azs],
      vpc: lb.vpc ?? env.vpc,
      healthCheck: lb.healthCheck,
      endpointService: lb.endpointService,
      staticIp: lb.staticIp,
    };
  });
  return {
    name,
    taskDefinition: family,
    schedulingStrategy: s.schedulingStrategy,
    desiredCount: s.desiredCount,
    launchType,
    capacityProviderStrategy: s.capacityProviderStrategy ?? null,
    placementStrategy: s.placementStrategy ?? null,
    placementConstraints: s.placementConstraints ?? [],
    platformVersion: s.platformVersion ?? "LATEST",
    subnets: checkSubnets(s.subnets, env.subnets, [...path, "subnets"], ctx),
    securityGroups: s.securityGroups ?? ["sg-1"],
    volumeConfigurations: volumeConfigs(s.volumeConfigurations ?? [], [...path, "volumeConfigurations"], ctx),
    loadBalancers,
    deploymentController: s.deploymentController,
    role: ctx.role(s.role, [...path, "role"], {
      principal: "ecs.amazonaws.com",
      slot: "a service role",
    }),
    autoScaling: s.autoScaling ? { ...s.autoScaling } : null,
  };
}
