import type { RegisteredTaskDef } from "../engine/context";
import type { EbsLaunchConfig, TaskDefinitionSpec } from "../model";
import { pvAtLeast, resolvePlatformVersion } from "./fargate";

/**
 * Storage rules checked by the API: EFS (R37, R29), FSx for Windows (R38), the
 * volume types that do not exist (R39), bind mounts and Fargate ephemeral
 * storage (R40), Docker volumes (R41) and EBS configured at launch (R42, R28).
 * Mounting at task start lives in storage-mount.ts.
 */

type RuleError = { ruleId: string; error: string };

/** RegisterTaskDefinition checks on volumes. */
export function storageRegistrationErrors(td: TaskDefinitionSpec): RuleError[] {
  const fargate = td.requiresCompatibilities.includes("FARGATE");
  const out: RuleError[] = [];
  for (const v of td.volumes) {
    const at = `Volume ${v.name}`;
    if (v.type === "s3") {
      out.push({
        ruleId: "R39",
        error: `${at}: ECS has no S3 volume type (host, docker, efs, fsxWindows, configuredAtLaunch); call S3 through the SDK with the task role`,
      });
    } else if (v.type === "fsxLustre") {
      out.push({
        ruleId: "R39",
        error: `${at}: ECS has no FSx for Lustre volume type (host, docker, efs, fsxWindows, configuredAtLaunch)`,
      });
    } else if (v.type === "docker" && fargate) {
      out.push({ ruleId: "R41", error: `${at}: Docker volumes are not supported on Fargate` });
    } else if (v.type === "docker" && td.os === "windows" && v.driver !== "local") {
      out.push({
        ruleId: "R41",
        error: `${at}: Windows containers support only the local Docker volume driver, not ${v.driver}`,
      });
    } else if (v.type === "fsxWindows" && (fargate || td.os !== "windows")) {
      out.push({
        ruleId: "R38",
        error: `${at}: FSx for Windows File Server volumes work only for Windows tasks on EC2${fargate ? ", not on Fargate" : ""}`,
      });
    } else if (v.type === "efs" && td.os === "windows") {
      out.push({ ruleId: "R37", error: `${at}: EFS volumes are supported on Linux only` });
    } else if (v.type === "efs" && v.iamAuthorization && !v.transitEncryption) {
      out.push({
        ruleId: "R29",
        error: `${at}: EFS IAM authorization requires transit encryption to be enabled`,
      });
    } else if (v.type === "efs" && v.accessPointId !== null && !v.transitEncryption) {
      // "If an access point is used, transit encryption must be on in the EFSVolumeConfiguration."
      // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html
      out.push({
        ruleId: "R29",
        error: `${at}: the EFS access point ${v.accessPointId} requires transit encryption to be enabled`,
      });
    } else if (v.type === "host" && fargate && v.sourcePath !== null) {
      out.push({
        ruleId: "R40",
        error: `${at}: Fargate bind mounts take no sourcePath; they live in the task's ephemeral storage`,
      });
    }
  }
  if (td.volumes.filter((v) => v.type === "ebs").length > 1) {
    out.push({
      ruleId: "R42",
      error: `Task definition ${td.family} has more than one configuredAtLaunch volume; a task gets one EBS volume`,
    });
  }
  const eph = td.ephemeralStorageGiB;
  if (fargate && eph !== null && (eph < 21 || eph > 200)) {
    out.push({
      ruleId: "R40",
      error: `Fargate ephemeral storage is 20 GiB by default and may be set from 21 to 200 GiB, not ${eph}`,
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
        error: `EFS volume ${v.name} needs Fargate platform version 1.4.0 or later; this launch uses ${pv}`,
      };
    }
    if (v.type !== "ebs") continue;
    const config = launch.volumeConfigurations.find((c) => c.name === v.name);
    if (launch.daemon)
      return {
        ruleId: "R42",
        error: `EBS volume ${v.name}: services with DAEMON scheduling cannot attach EBS volumes (REPLICA only)`,
      };
    if (launch.launchType === "FARGATE" && spec.os === "windows") {
      return {
        ruleId: "R42",
        error: `EBS volume ${v.name}: Windows tasks get EBS volumes only on EC2, not on Fargate`,
      };
    }
    if (!config) {
      return {
        ruleId: "R42",
        error: `Volume ${v.name} is configuredAtLaunch, so RunTask, CreateService or UpdateService must supply its volumeConfigurations`,
      };
    }
    if (config.role === null) {
      return {
        ruleId: "R28",
        error: `EBS volume ${v.name} needs an infrastructure role (roleArn) that ECS uses to create and attach it`,
      };
    }
  }
  const stray = launch.volumeConfigurations.find(
    (c) => !spec.volumes.some((v) => v.type === "ebs" && v.name === c.name),
  );
  if (stray)
    return {
      ruleId: "R42",
      error: `volumeConfigurations names ${stray.name}, which is not a configuredAtLaunch volume of ${spec.family}`,
    };
  return null;
}
