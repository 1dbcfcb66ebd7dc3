import type { Sim, TaskRec } from "../engine/context";
import type { VolumeSpec, VolumeState } from "../model";
import { english, m, type Text } from "../text";
import { efsIamError, infrastructureRoleError } from "./iam";

/**
 * Volumes at task start: attach and mount them (R37–R42), with the roles
 * they need (R28 infrastructure role for EBS, R29 task role for EFS IAM).
 */

type RuleError = { ruleId: string; error: Text };

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
            source: english(
              m("engine.storageMount.gibGp", {
                p: task.volumeConfigs.find((c) => c.name === v.name)?.sizeGiB ?? 20,
              }),
            ),
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
        reason: failure ? english(failure.error) : null,
      });
    }
    if (failure) {
      sim.deny(
        failure.ruleId,
        m("engine.storageMount.taskCannotMount", { taskId: task.st.id, vName: v.name, error: failure.error }),
        {
          subject: task.st.id,
          kind: "mount",
        },
      );
      return false;
    }
    sim.emit(
      "mount",
      m("engine.storageMount.mounted", {
        taskId: task.st.id,
        vName: v.name,
        vType: v.type,
        p: state.source ? ` ${state.source}` : "",
      }),
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
        error: m("engine.storageMount.fsxForWindowsFile", { instanceId: task.st.instanceId }),
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
        ? m("engine.storageMount.bindMountLivesIn", {
            vName: v.name,
            p: task.td.spec.ephemeralStorageGiB ?? 20,
          })
        : v.sourcePath
          ? m("engine.storageMount.bindMountMapsOn", {
              vName: v.name,
              sourcePath: v.sourcePath,
              instanceId: task.st.instanceId,
            })
          : m("engine.storageMount.bindMountHasNo", { vName: v.name }),
    );
  } else if (v.type === "docker") {
    sim.rule(
      "R41",
      "applied",
      m("engine.storageMount.dockerVolumeDriverScope", {
        vName: v.name,
        driver: v.driver,
        scope: v.scope,
        instanceId: task.st.instanceId,
      }),
    );
  } else if (v.type === "efs") {
    sim.rule("R37", "allowed", m("engine.storageMount.efsIsSharedBy", { fileSystemId: v.fileSystemId }));
    if (v.iamAuthorization)
      sim.rule(
        "R29",
        "allowed",
        m("engine.storageMount.efsIamAuthorizationMounted", {
          taskId: task.st.id,
          taskRole: task.td.spec.taskRole,
        }),
      );
  } else if (v.type === "fsxWindows") {
    sim.rule(
      "R38",
      "allowed",
      m("engine.storageMount.fsxForWindowsFile2", {
        fileSystemId: v.fileSystemId,
        instanceId: task.st.instanceId,
      }),
    );
  } else if (v.type === "ebs") {
    const config = task.volumeConfigs.find((c) => c.name === v.name);
    sim.rule("R28", "allowed", m("engine.storageMount.theInfrastructureRoleLet", { role: config?.role }));
    sim.rule(
      "R42",
      "applied",
      m("engine.storageMount.gotItsOwnEbs", {
        taskId: task.st.id,
        az: task.st.az,
        p:
          task.service || config?.deleteOnTermination !== false
            ? m("engine.storageMount.isDeletedWhenThe")
            : m("engine.storageMount.persistsAfterTheTask"),
      }),
    );
  }
}

/** A mount checked again from a running task (the mountVolume step). */
export function checkMount(sim: Sim, task: TaskRec, volumeName: string | null): boolean {
  const volumes = task.td.spec.volumes.filter((v) => volumeName === null || v.name === volumeName);
  if (volumes.length === 0) {
    const message = m("engine.storageMount.hasNoVolumeTo", {
      taskId: task.st.id,
      p: volumeName ? ` named ${volumeName}` : "",
    });
    sim.emit("mount", message, { subject: task.st.id });
    sim.problem("error", message);
    return false;
  }
  for (const v of volumes) {
    const failure = mountFailure(sim, task, v);
    if (failure) {
      sim.deny(
        failure.ruleId,
        m("engine.storageMount.taskCannotMount", { taskId: task.st.id, vName: v.name, error: failure.error }),
        {
          subject: task.st.id,
          kind: "mount",
        },
      );
      return false;
    }
    sim.emit("mount", m("engine.storageMount.mounts", { taskId: task.st.id, vName: v.name, vType: v.type }), {
      ruleId: ruleFor(v),
      subject: task.st.id,
    });
    explain(sim, task, v);
    sim.highlight(m("engine.storageMount.mounts2", { taskId: task.st.id, vName: v.name, p: ruleFor(v) }));
  }
  return true;
}
