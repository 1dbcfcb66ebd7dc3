import { useTranslations } from "next-intl";
import { memo } from "react";
import type { TaskState, TaskStatus } from "@/lib/sim";
import type { TaskFrame } from "./frames";
import { TaskStateIcon } from "./icons";

// i18n-keys: sim.ui.task.state.*
type TaskText = ReturnType<typeof useTranslations<"sim.ui.task">>;

/** Where the task is, in words, for the tooltip. */
function taskWhere(t: TaskText, task: TaskState, isPlaced: boolean): string {
  const launchType = task.launchType;
  if (!isPlaced) return t("notPlaced", { launchType });
  const az = task.az ?? t("unknownAz");
  if (task.instanceId) return t("onInstance", { launchType, instance: task.instanceId, az });
  return t("onProvider", { launchType, provider: task.capacityProvider ?? "Fargate", az });
}

type ChipProps = {
  task: TaskState;
  state: TaskStatus;
  isPlaced: boolean;
  isTabStop: boolean;
  /** The shared tooltip currently describes this task. */
  isDescribed: boolean;
  tipId: string;
  showEni: boolean;
  /** The moment shown is about this task (its events are listed): drawn with a ring. */
  isCurrent: boolean;
};

/**
 * One task: a button whose colour, icon and label all say its state. Focus, hover or a tap
 * opens its details in the picture's tooltip, tied to it with aria-describedby. Memoised:
 * during playback only the buttons whose task changed render again.
 */
export const TaskChip = memo(function TaskChip({
  task,
  state,
  isPlaced,
  isTabStop,
  isDescribed,
  tipId,
  showEni,
  isCurrent,
}: ChipProps) {
  const t = useTranslations("sim.ui.task");
  const hasEni = task.networkMode === "awsvpc" && task.eni !== null && isPlaced;
  return (
    <button
      type="button"
      className="sim-chip"
      data-state={state}
      data-current={isCurrent ? "true" : undefined}
      data-task-id={task.id}
      aria-label={t(isCurrent ? "chipCurrent" : "chip", { id: task.id, state: t(`state.${state}`) })}
      tabIndex={isTabStop ? 0 : -1}
      aria-describedby={isDescribed ? tipId : undefined}
    >
      <TaskStateIcon state={state} className="sim-chip__icon" />
      <span className="sim-chip__id">{task.id}</span>
      {hasEni && showEni ? (
        <span className="sim-chip__eni">
          <span className="sim-eni-dot" aria-hidden="true" />
          {task.eni}
        </span>
      ) : hasEni ? (
        <span className="sim-eni-dot" aria-hidden="true" />
      ) : null}
    </button>
  );
});

/** The details of one task, shown beside its button on hover, focus or tap. */
export function TaskTip({
  id,
  frame,
  left,
  top,
}: {
  id: string;
  frame: TaskFrame;
  left: number;
  top: number;
}) {
  const t = useTranslations("sim.ui.task");
  const { task, state, isPlaced } = frame;
  const hasEni = task.networkMode === "awsvpc" && task.eni !== null && isPlaced;
  return (
    <span role="tooltip" id={id} className="sim-tip" style={{ left, top }}>
      <strong>
        {task.id} · {t(`state.${state}`)}
      </strong>
      <span>
        {task.service
          ? t("service", { family: task.family, revision: task.revision, service: task.service })
          : t("standalone", { family: task.family, revision: task.revision })}
      </span>
      <span>{taskWhere(t, task, isPlaced)}</span>
      <span>{t("size", { cpu: task.cpu, memory: task.memory, networkMode: task.networkMode })}</span>
      {hasEni ? (
        <span>
          {t("eni", { eni: task.eni ?? "" })}
          {task.ip ? t("ip", { ip: task.ip }) : ""}
          {task.subnet ? t("subnet", { subnet: task.subnet }) : ""}
        </span>
      ) : null}
      {task.hostPorts.length > 0 && isPlaced ? (
        <span>
          {t("hostPorts", {
            ports: task.hostPorts.map((p) => `${p.hostPort}→${p.containerPort}/${p.protocol}`).join(", "),
          })}
        </span>
      ) : null}
      {task.failureReason && state !== "RUNNING" ? (
        <span>{t("reason", { reason: task.failureReason })}</span>
      ) : null}
    </span>
  );
}
