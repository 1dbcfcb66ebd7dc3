import { useTranslations } from "next-intl";
import { Heading, type HeadingLevel } from "./heading";
import { CheckIcon, CrossIcon, DiskIcon } from "./icons";
import { useSimText } from "./sim-text";
import type { VolumeRow } from "./volumes";

const MOUNT_LIMIT = 12;

/**
 * Each volume with a line to every task that mounts it: solid with a check for a mount,
 * broken (dashed) with a cross and "failed" for a failed one.
 */
export function VolumesPanel({ rows, level }: { rows: VolumeRow[]; level: HeadingLevel }) {
  // i18n-keys: sim.ui.volumes.type.*
  const t = useTranslations("sim.ui.volumes");
  const simText = useSimText();
  if (rows.length === 0) return null;
  return (
    <section className="sim-panel" aria-label={t("label")}>
      <Heading level={level}>{t("title")}</Heading>
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
                  {t("summary", { type: t(`type.${row.type}`), family: row.family })}
                  {row.detail ? ` · ${row.detail}` : ""}
                </span>
              </p>
              {row.refusal ? (
                <p className="sim-small sim-volume__refusal">
                  <strong>{t("notCreated")}</strong> {simText(row.refusal)}
                </p>
              ) : row.mounts.length === 0 ? (
                <p className="sim-muted sim-small">{t("notMounted")}</p>
              ) : (
                <ul className="sim-mounts" aria-label={t("mounts", { name: row.name })}>
                  {shown.map((m) => (
                    <li
                      key={`${m.taskId}-${m.container}-${m.path}`}
                      className="sim-mount"
                      data-status={m.status}
                    >
                      <span className="sim-mount__line" aria-hidden="true" />
                      <span className="sim-mount__label">
                        {m.status === "ok" ? <CheckIcon /> : <CrossIcon />}
                        <strong>{m.status === "ok" ? t("mounted") : t("failed")}</strong>{" "}
                        {t("in", { task: `${m.taskId}/${m.container}` })}
                        {m.path && m.path !== "-" ? ` ${t("at", { path: m.path })}` : ""}
                        {m.reason ? `: ${m.reason}` : ""}
                      </span>
                    </li>
                  ))}
                  {row.mounts.length > shown.length ? (
                    <li className="sim-mount sim-mount--more">
                      {failed
                        ? t("moreFailed", { count: row.mounts.length - shown.length, failed })
                        : t("moreMounted", { count: row.mounts.length - shown.length })}
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
