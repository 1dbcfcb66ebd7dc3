import type { InstanceSpec, InstanceState, NetworkMode, Protocol, TaskDefinitionSpec } from "../model";
import type { InstanceRec, Needs, Sim, TaskRec } from "./context";

/** Ports the ECS agent reserves on every instance by default. */
export const RESERVED_PORTS = [22, 2375, 2376, 51678, 51679];
export const DYNAMIC_PORT_MIN = 32768;
export const DYNAMIC_PORT_MAX = 61000;
/** Container memory assumed when neither the task nor the container names any (EC2 needs one of them). */
export const DEFAULT_CONTAINER_MEMORY = 512;

/** CPU units, MiB and GPUs a task reserves on an instance: task-level values win over container sums. */
export function taskNeeds(td: TaskDefinitionSpec): Needs {
  const containerMemory = td.containers.reduce(
    (sum, c) =>
      sum + (c.memoryReservation ?? c.memory ?? (td.memory === null ? DEFAULT_CONTAINER_MEMORY : 0)),
    0,
  );
  return {
    cpu: td.cpu ?? td.containers.reduce((sum, c) => sum + c.cpu, 0),
    memory: td.memory ?? containerMemory,
    gpu: td.containers.reduce((sum, c) => sum + c.gpu, 0),
  };
}

export type PortNeed = {
  container: string;
  containerPort: number;
  protocol: Protocol;
  hostPort: number | null;
};

/**
 * Host ports a task needs on its instance. awsvpc tasks listen on their own
 * ENI and need none; host mode binds the container port; bridge binds the
 * hostPort given, or a dynamic one when it is 0 or left out.
 */
export function hostPortNeeds(td: TaskDefinitionSpec, mode: NetworkMode): PortNeed[] {
  if (mode === "awsvpc" || mode === "none") return [];
  return td.containers.flatMap((c) =>
    c.portMappings.map((p) => ({
      container: c.name,
      containerPort: p.containerPort,
      protocol: p.protocol,
      hostPort: mode === "host" ? p.containerPort : p.hostPort ? p.hostPort : null,
    })),
  );
}

export const portKey = (port: number, protocol: Protocol) => `${port}/${protocol}`;

/** ENIs an instance can give awsvpc tasks: all but the primary, or the trunk's count. */
export function eniCapacity(spec: InstanceSpec): number {
  return spec.trunking && spec.trunkEnis > 0 ? spec.trunkEnis : Math.max(0, spec.eniLimit - 1);
}

export function newInstanceState(spec: InstanceSpec): InstanceState {
  const amount = (total: number) => ({ total, used: 0, free: total });
  return {
    id: spec.id,
    type: spec.type,
    az: spec.az,
    os: spec.os,
    arch: spec.arch,
    status: "UNREGISTERED",
    cluster: null,
    instanceProfile: spec.instanceProfile,
    capacityProvider: spec.capacityProvider,
    attributes: {
      "ecs.instance-type": spec.type,
      "ecs.availability-zone": spec.az,
      "ecs.os-type": spec.os,
      "ecs.cpu-architecture": spec.arch,
      ...spec.attributes,
    },
    cpu: amount(spec.cpu),
    memory: amount(spec.memory),
    gpu: amount(spec.gpu),
    ports: [],
    enis: { ...amount(eniCapacity(spec)), trunking: spec.trunking && spec.trunkEnis > 0 },
    taskIds: [],
  };
}

export function newInstanceRec(spec: InstanceSpec): InstanceRec {
  return {
    spec,
    st: newInstanceState(spec),
    ports: new Set(RESERVED_PORTS.map((p) => portKey(p, "tcp"))),
    groups: new Map(),
    fieldCache: new Map(),
  };
}

/** The value of a spread field on an instance; cached, since attributes never change during a run. */
export function fieldValue(inst: InstanceRec, field: string): string {
  let v = inst.fieldCache.get(field);
  if (v === undefined) {
    if (field === "instanceId" || field === "host") v = inst.spec.id;
    else if (field.startsWith("attribute:")) v = inst.st.attributes[field.slice("attribute:".length)] ?? "";
    else v = inst.st.attributes[field] ?? "";
    inst.fieldCache.set(field, v);
  }
  return v;
}

/** Binds a placed task to an instance and reserves what it uses. */
export function allocate(sim: Sim, task: TaskRec, inst: InstanceRec, ports: PortNeed[]): void {
  const s = inst.st;
  s.cpu.used += task.needs.cpu;
  s.memory.used += task.needs.memory;
  s.gpu.used += task.needs.gpu;
  s.cpu.free = s.cpu.total - s.cpu.used;
  s.memory.free = s.memory.total - s.memory.used;
  s.gpu.free = s.gpu.total - s.gpu.used;
  if (task.st.networkMode === "awsvpc") {
    s.enis.used += 1;
    s.enis.free = s.enis.total - s.enis.used;
  }
  task.st.hostPorts = ports.map((p) => {
    let hostPort = p.hostPort;
    if (hostPort === null) {
      hostPort = DYNAMIC_PORT_MIN;
      while (inst.ports.has(portKey(hostPort, p.protocol)) && hostPort < DYNAMIC_PORT_MAX) hostPort++;
    }
    inst.ports.add(portKey(hostPort, p.protocol));
    return { container: p.container, containerPort: p.containerPort, hostPort, protocol: p.protocol };
  });
  s.taskIds.push(task.st.id);
  inst.groups.set(task.st.group, (inst.groups.get(task.st.group) ?? 0) + 1);
  sim.countPlacement(task.st.group, inst, 1);
  task.st.instanceId = inst.spec.id;
  task.st.az = inst.spec.az;
  task.st.subnet = inst.spec.subnet;
}

/** Gives back what a task held on its instance (when it stops or moves). */
export function release(sim: Sim, task: TaskRec, inst: InstanceRec): void {
  const s = inst.st;
  s.cpu.used -= task.needs.cpu;
  s.memory.used -= task.needs.memory;
  s.gpu.used -= task.needs.gpu;
  s.cpu.free = s.cpu.total - s.cpu.used;
  s.memory.free = s.memory.total - s.memory.used;
  s.gpu.free = s.gpu.total - s.gpu.used;
  if (task.st.networkMode === "awsvpc") {
    s.enis.used -= 1;
    s.enis.free = s.enis.total - s.enis.used;
  }
  for (const p of task.st.hostPorts) inst.ports.delete(portKey(p.hostPort, p.protocol));
  s.taskIds = s.taskIds.filter((id) => id !== task.st.id);
  const n = (inst.groups.get(task.st.group) ?? 1) - 1;
  if (n > 0) inst.groups.set(task.st.group, n);
  else inst.groups.delete(task.st.group);
  sim.countPlacement(task.st.group, inst, -1);
}
