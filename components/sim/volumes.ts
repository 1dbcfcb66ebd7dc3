/**
 * Volumes for the view: those the run created (with their mounts at this moment) and the
 * task definitions' volumes that never came to be, with the refusal that stopped them.
 */
import type { Scenario, SimResult, VolumeState, VolumeType } from "@/lib/sim";
import { m, type Text } from "@/lib/sim/text";
import type { Frame } from "./frames";

export const VOLUME_TYPE_LABEL: Record<VolumeType, string> = {
  host: "bind mount",
  docker: "Docker volume",
  efs: "Amazon EFS",
  fsxWindows: "FSx for Windows File Server",
  ebs: "Amazon EBS",
  s3: "S3 bucket (no such volume type)",
  fsxLustre: "FSx for Lustre (no such volume type)",
};

export type VolumeRow = {
  key: string;
  name: string;
  type: VolumeType;
  family: string;
  detail: string | null;
  mounts: VolumeState["mounts"];
  /** Why the volume does not exist (a `sim` catalog message), or null when it does. */
  refusal: Text | null;
};

function refusalFor(result: SimResult, scenario: Scenario, family: string): Text {
  const services = scenario.services.filter((s) => s.taskDefinition === family).map((s) => s.name);
  const event = result.events.find(
    (e) =>
      (e.kind === "reject" || e.kind === "service") &&
      e.ruleId !== undefined &&
      /refused/.test(e.message) &&
      (e.subject === family || services.includes(e.subject ?? "")),
  );
  if (event) return event.msg ?? event.message;
  return m("ui.volumes.noTask");
}

/** Created volumes first, in the run's order, then the ones that were never created. */
export function volumeRows(scenario: Scenario, result: SimResult, frame: Frame): VolumeRow[] {
  const rows: VolumeRow[] = frame.volumes.map(({ volume, mounts }) => ({
    key: volume.id,
    name: volume.name,
    type: volume.type,
    family: volume.family,
    detail:
      [volume.source, volume.az, volume.taskId ? `for ${volume.taskId}` : null].filter(Boolean).join(" · ") ||
      null,
    mounts,
    refusal: null,
  }));
  const created = new Set(result.finalState.volumes.map((v) => `${v.family}/${v.name}`));
  for (const td of scenario.taskDefinitions) {
    for (const v of td.volumes) {
      if (created.has(`${td.family}/${v.name}`)) continue;
      rows.push({
        key: `${td.family}/${v.name}/refused`,
        name: v.name,
        type: v.type,
        family: td.family,
        detail: null,
        mounts: [],
        refusal: frame.isFinal || frame.moment.step > 0 ? refusalFor(result, scenario, td.family) : null,
      });
    }
  }
  return rows;
}
