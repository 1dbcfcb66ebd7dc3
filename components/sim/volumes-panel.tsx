import { Heading, type HeadingLevel } from "./heading";
import { CheckIcon, CrossIcon, DiskIcon } from "./icons";
import { VOLUME_TYPE_LABEL, type VolumeRow } from "./volumes";

const MOUNT_LIMIT = 12;

/**
 * Each volume with a line to every task that mounts it: solid with a check for a mount,
 * broken (dashed) with a cross and "failed" for a failed one.
 */
export function VolumesPanel({ rows, level }: { rows: VolumeRow[]; level: HeadingLevel }) {
  if (rows.length === 0) return null;
  return (
    <section className="sim-panel" aria-label="Volumes">
      <Heading level={level}>Volumes and mounts</Heading>
      <ul className="sim-volumes">
        {rows.map((row) => {
          const shown = row.mounts.slice(0, MOUNT_LIMIT);
          const failed = row.mounts.filter((m) => m.status === "failed").length;
          return (
            <li key={row.key} className="sim-volume" data-refused={row.refusal ? "true" : undefined}>
              <p className="sim-volume__box">
                {row.refusal ? <CrossIcon className="sim-refused-icon" /> : <DiskIcon />}
                <strong>{row.name}</strong>
                <span className="sim-muted">
                  {VOLUME_TYPE_LABEL[row.type]} · task definition {row.family}
                  {row.detail ? ` · ${row.detail}` : ""}
                </span>
              </p>
              {row.refusal ? (
                <p className="sim-small sim-volume__refusal">
                  <strong>Not created:</strong> {row.refusal}
                </p>
              ) : row.mounts.length === 0 ? (
                <p className="sim-muted sim-small">Not mounted yet</p>
              ) : (
                <ul className="sim-mounts" aria-label={`Mounts of ${row.name}`}>
                  {shown.map((m) => (
                    <li
                      key={`${m.taskId}-${m.container}-${m.path}`}
                      className="sim-mount"
                      data-status={m.status}
                    >
                      <span className="sim-mount__line" aria-hidden="true" />
                      <span className="sim-mount__label">
                        {m.status === "ok" ? <CheckIcon /> : <CrossIcon />}
                        <strong>{m.status === "ok" ? "mounted" : "failed"}</strong> in {m.taskId}/
                        {m.container}
                        {m.path && m.path !== "-" ? ` at ${m.path}` : ""}
                        {m.reason ? `: ${m.reason}` : ""}
                      </span>
                    </li>
                  ))}
                  {row.mounts.length > shown.length ? (
                    <li className="sim-mount sim-mount--more">
                      and {row.mounts.length - shown.length} more mounts
                      {failed ? ` (${failed} failed in all)` : " (all mounted)"}
                    </li>
                  ) : null}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
