import type { Sim, TaskRec } from "../engine/context";
import type { VolumeSpec, VolumeState } from "../model";
import { efsIamError, infrastructureRoleError } from "./iam";

/**
 * Volumes at task start: attach and mount them (R37–R42), with the roles
 * they need (R28 infrastructure role for EBS, R29 task role for EFS IAM).
 */

type RuleError = { ruleId: string; error: string };

function volumeState(sim: Sim, key: string, make: () => VolumeState): VolumeState {
  let v = sim.volumeIndex.get(key);
  if (!v) {
    v = make();
    sim.volumeIndex.set(key, v);
    sim.volumes.push(v);
  }
  return v;
}

/** Attaches and mounts a task's volumes; false stops the task with the failed mount. */
export function mountVolumes(sim: Sim, task: TaskRec): boolean {
  const td = task.td.spec;
  for (const v of td.volumes) {
    const mounts = td.containers.flatMap((c) =>
      c.mountPoints
        .filter((m) => m.sourceVolume === v.name)
        .map((m) => ({ c: c.name, path: m.containerPath })),
    );
    const failure = mountFailure(sim, task, v);
    const state =
      v.type === "ebs"
        ? volumeState(sim, `ebs:${task.st.id}`, () => ({
            id: sim.nextVolumeId(),
            name: v.name,
            type: "ebs",
            family: td.family,
            taskId: task.st.id,
            az: task.st.az,
            source: `${task.volumeConfigs.find((c) => c.name === v.name)?.sizeGiB ?? 20} GiB gp3`,
            mounts: [],
          }))
        : volumeState(sim, `${td.family}:${v.name}`, () => ({
            id: `${td.family}/${v.name}`,
            name: v.name,
            type: v.type,
            family: td.family,
            taskId: null,
            az: null,
            source: sourceOf(v),
            mounts: [],
          }));
    for (const m of mounts.length ? mounts : [{ c: td.containers[0]?.name ?? "app", path: "-" }]) {
      state.mounts.push({
        taskId: task.st.id,
        container: m.c,
        path: m.path,
        status: failure ? "failed" : "ok",
        reason: failure?.error ?? null,
      });
    }
    if (failure) {
      sim.deny(failure.ruleId, `Task ${task.st.id} cannot mount ${v.name}: ${failure.error}`, {
        subject: task.st.id,
        kind: "mount",
      });
      return false;
    }
    sim.emit(
      "mount",
      `${task.st.id} mounted ${v.name} (${v.type}${state.source ? ` ${state.source}` : ""})`,
      {
        ruleId: ruleFor(v),
        subject: task.st.id,
        dt: 7,
      },
    );
    explain(sim, task, v);
  }
  return true;
}

function sourceOf(v: VolumeSpec): string | null {
  if (v.type === "efs" || v.type === "fsxWindows") return v.fileSystemId;
  if (v.type === "host") return v.sourcePath;
  if (v.type === "docker") return `driver ${v.driver}, scope ${v.scope}`;
  return null;
}

const ruleFor = (v: VolumeSpec) =>
  ({ host: "R40", docker: "R41", efs: "R37", fsxWindows: "R38", ebs: "R42", s3: "R39", fsxLustre: "R39" })[
    v.type
  ];

function mountFailure(sim: Sim, task: TaskRec, v: VolumeSpec): RuleError | null {
  if (v.type === "efs" && v.iamAuthorization) {
    const e = efsIamError(sim, task);
    if (e) return { ruleId: "R29", error: e };
  }
  if (v.type === "fsxWindows") {
    const inst = task.st.instanceId ? sim.instanceById.get(task.st.instanceId) : undefined;
    if (!inst?.spec.domainJoined) {
      return {
        ruleId: "R38",
        error: `FSx for Windows File Server needs a domain-joined Windows instance; ${task.st.instanceId} is not joined`,
      };
    }
  }
  if (v.type === "ebs") {
    const config = task.volumeConfigs.find((c) => c.name === v.name);
    const e = infrastructureRoleError(sim, config?.role ?? null);
    sim.recordCall({
      principal: config?.role ?? "(none)",
      via: "infrastructureRole",
      action: "ec2:CreateVolume",
      service: "EC2",
      taskId: task.st.id,
      allowed: e === null,
      ruleId: "R28",
    });
    if (e) return { ruleId: "R28", error: e };
  }
  return null;
}

function explain(sim: Sim, task: TaskRec, v: VolumeSpec): void {
  const fargate = task.via.launchType === "FARGATE";
  if (v.type === "host") {
    sim.rule(
      "R40",
      "applied",
      fargate
        ? `Bind mount ${v.name} lives in the task's ephemeral storage (${task.td.spec.ephemeralStorageGiB ?? 20} GiB) and is gone when the task stops`
        : v.sourcePath
          ? `Bind mount ${v.name} maps ${v.sourcePath} on ${task.st.instanceId}: the data stays on that instance`
          : `Bind mount ${v.name} has no sourcePath: Docker picks a host path that lasts only as long as the task's containers`,
    );
  } else if (v.type === "docker") {
    sim.rule(
      "R41",
      "applied",
      `Docker volume ${v.name} (driver ${v.driver}, scope ${v.scope}) on EC2 instance ${task.st.instanceId}`,
    );
  } else if (v.type === "efs") {
    sim.rule(
      "R37",
      "allowed",
      `EFS ${v.fileSystemId} is shared by tasks in every AZ and keeps its data after tasks stop`,
    );
    if (v.iamAuthorization)
      sim.rule(
        "R29",
        "allowed",
        `EFS IAM authorization: ${task.st.id} mounted as its task role ${task.td.spec.taskRole}, over TLS`,
      );
  } else if (v.type === "fsxWindows") {
    sim.rule(
      "R38",
      "allowed",
      `FSx for Windows File Server ${v.fileSystemId} mounted on domain-joined ${task.st.instanceId}`,
    );
  } else if (v.type === "ebs") {
    const config = task.volumeConfigs.find((c) => c.name === v.name);
    sim.rule(
      "R28",
      "allowed",
      `The infrastructure role ${config?.role} let ECS create and attach the EBS volume`,
    );
    sim.rule(
      "R42",
      "applied",
      `${task.st.id} got its own EBS volume in ${task.st.az}; it cannot be shared with other tasks or AZs and ${task.service || config?.deleteOnTermination !== false ? "is deleted when the task stops" : "persists after the task stops (deleteOnTermination: false)"}`,
    );
  }
}

/** A mount checked again from a running task (the mountVolume step). */
export function checkMount(sim: Sim, task: TaskRec, volumeName: string | null): boolean {
  const volumes = task.td.spec.volumes.filter((v) => volumeName === null || v.name === volumeName);
  if (volumes.length === 0) {
    const message = `${task.st.id} has no volume${volumeName ? ` named ${volumeName}` : ""} to mount`;
    sim.emit("mount", message, { subject: task.st.id });
    sim.problem("error", message);
    return false;
  }
  for (const v of volumes) {
    const failure = mountFailure(sim, task, v);
    if (failure) {
      sim.deny(failure.ruleId, `Task ${task.st.id} cannot mount ${v.name}: ${failure.error}`, {
        subject: task.st.id,
        kind: "mount",
      });
      return false;
    }
    sim.emit("mount", `${task.st.id} mounts ${v.name} (${v.type})`, {
      ruleId: ruleFor(v),
      subject: task.st.id,
    });
    explain(sim, task, v);
    sim.highlight(`${task.st.id} mounts ${v.name} (${ruleFor(v)})`);
  }
  return true;
}
