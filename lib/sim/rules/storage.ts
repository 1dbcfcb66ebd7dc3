import type { RegisteredTaskDef } from "../engine/context";
import type { EbsLaunchConfig, TaskDefinitionSpec } from "../model";
import { m, type Text } from "../text";
import { pvAtLeast, resolvePlatformVersion } from "./fargate";

/**
 * Storage rules checked by the API: EFS (R37, R29), FSx for Windows (R38), the
 * volume types that do not exist (R39), bind mounts and Fargate ephemeral
 * storage (R40), Docker volumes (R41) and EBS configured at launch (R42, R28).
 * Mounting at task start lives in storage-mount.ts.
 */

type RuleError = { ruleId: string; error: Text };

/** RegisterTaskDefinition checks on volumes. */
export function storageRegistrationErrors(td: TaskDefinitionSpec): RuleError[] {
  const fargate = td.requiresCompatibilities.includes("FARGATE");
  const out: RuleError[] = [];
  for (const v of td.volumes) {
    const at = m("engine.storage.volume", { name: v.name });
    if (v.type === "s3") {
      out.push({
        ruleId: "R39",
        error: m("engine.storage.ecsHasNoS", { at }),
      });
    } else if (v.type === "fsxLustre") {
      out.push({
        ruleId: "R39",
        error: m("engine.storage.ecsHasNoFsx", { at }),
      });
    } else if (v.type === "docker" && fargate) {
      out.push({ ruleId: "R41", error: m("engine.storage.dockerVolumesAreNot", { at }) });
    } else if (v.type === "docker" && td.os === "windows" && v.driver !== "local") {
      out.push({
        ruleId: "R41",
        error: m("engine.storage.windowsContainersSupportOnly", { at, driver: v.driver }),
      });
    } else if (v.type === "fsxWindows" && (fargate || td.os !== "windows")) {
      out.push({
        ruleId: "R38",
        error: m("engine.storage.fsxForWindowsFile", {
          at,
          p: fargate ? m("engine.storage.notOnFargate") : "",
        }),
      });
    } else if (v.type === "efs" && td.os === "windows") {
      out.push({ ruleId: "R37", error: m("engine.storage.efsVolumesAreSupported", { at }) });
    } else if (v.type === "efs" && v.iamAuthorization && !v.transitEncryption) {
      out.push({
        ruleId: "R29",
        error: m("engine.storage.efsIamAuthorizationRequires", { at }),
      });
    } else if (v.type === "efs" && v.accessPointId !== null && !v.transitEncryption) {
      // "If an access point is used, transit encryption must be on in the EFSVolumeConfiguration."
      // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html
      out.push({
        ruleId: "R29",
        error: m("engine.storage.theEfsAccessPoint", { at, accessPointId: v.accessPointId }),
      });
    } else if (v.type === "host" && fargate && v.sourcePath !== null) {
      out.push({
        ruleId: "R40",
        error: m("engine.storage.fargateBindMountsTake", { at }),
      });
    }
  }
  if (td.volumes.filter((v) => v.type === "ebs").length > 1) {
    out.push({
      ruleId: "R42",
      error: m("engine.storage.taskDefinitionHasMore", { tdFamily: td.family }),
    });
  }
  const eph = td.ephemeralStorageGiB;
  if (fargate && eph !== null && (eph < 21 || eph > 200)) {
    out.push({
      ruleId: "R40",
      error: m("engine.storage.fargateEphemeralStorageIs", { eph }),
    });
  }
  return out;
}

/** RunTask/CreateService/UpdateService checks on volumes, before any task starts. */
export function storageLaunchError(
  td: RegisteredTaskDef,
  launch: {
    launchType: "EC2" | "FARGATE";
    platformVersion: string;
    volumeConfigurations: EbsLaunchConfig[];
    daemon: boolean;
  },
): RuleError | null {
  const spec = td.spec;
  const pv = resolvePlatformVersion(launch.platformVersion, spec.os);
  for (const v of spec.volumes) {
    if (v.type === "efs" && launch.launchType === "FARGATE" && !pvAtLeast(pv, "1.4.0")) {
      return {
        ruleId: "R37",
        error: m("engine.storage.efsVolumeNeedsFargate", { vName: v.name, pv }),
      };
    }
    if (v.type !== "ebs") continue;
    const config = launch.volumeConfigurations.find((c) => c.name === v.name);
    if (launch.daemon)
      return {
        ruleId: "R42",
        error: m("engine.storage.ebsVolumeServicesWith", { vName: v.name }),
      };
    if (launch.launchType === "FARGATE" && spec.os === "windows") {
      return {
        ruleId: "R42",
        error: m("engine.storage.ebsVolumeWindowsTasks", { vName: v.name }),
      };
    }
    if (!config) {
      return {
        ruleId: "R42",
        error: m("engine.storage.volumeIsConfiguredatlaunchSo", { vName: v.name }),
      };
    }
    if (config.role === null) {
      return {
        ruleId: "R28",
        error: m("engine.storage.ebsVolumeNeedsAn", { vName: v.name }),
      };
    }
  }
  const stray = launch.volumeConfigurations.find(
    (c) => !spec.volumes.some((v) => v.type === "ebs" && v.name === c.name),
  );
  if (stray)
    return {
      ruleId: "R42",
      error: m("engine.storage.volumeconfigurationsNamesWhichIs", {
        strayName: stray.name,
        specFamily: spec.family,
      }),
    };
  return null;
}
