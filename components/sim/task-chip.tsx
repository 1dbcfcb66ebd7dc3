import { memo } from "react";
import type { TaskState, TaskStatus } from "@/lib/sim";
import type { TaskFrame } from "./frames";
import { TaskStateIcon } from "./icons";

export const STATE_LABEL: Record<TaskStatus, string> = {
  RUNNING: "Running",
  PENDING: "Pending",
  PROVISIONING: "Provisioning",
  STOPPED: "Stopped",
};

/** Where the task is, in words, for the tooltip and the text description. */
export function taskWhere(task: TaskState, isPlaced: boolean): string {
  if (!isPlaced) return "not placed yet";
  if (task.instanceId) return `on instance ${task.instanceId} in ${task.az ?? "an unknown AZ"}`;
  return `on ${task.capacityProvider ?? "Fargate"} in ${task.az ?? "an unknown AZ"}`;
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
  const hasEni = task.networkMode === "awsvpc" && task.eni !== null && isPlaced;
  return (
    <button
      type="button"
      className="sim-chip"
      data-state={state}
      data-current={isCurrent ? "true" : undefined}
      data-task-id={task.id}
      aria-label={`${task.id}, ${STATE_LABEL[state]}${isCurrent ? ", in this moment's events" : ""}`}
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
  const { task, state, isPlaced } = frame;
  const hasEni = task.networkMode === "awsvpc" && task.eni !== null && isPlaced;
  return (
    <span role="tooltip" id={id} className="sim-tip" style={{ left, top }}>
      <strong>
        {task.id} · {STATE_LABEL[state]}
      </strong>
      <span>
        {task.family}:{task.revision}
        {task.service ? `, service ${task.service}` : ", standalone task"}
      </span>
      <span>
        {task.launchType} {taskWhere(task, isPlaced)}
      </span>
      <span>
        {task.cpu} CPU units, {task.memory} MiB, network mode {task.networkMode}
      </span>
      {hasEni ? (
        <span>
          ENI {task.eni}
          {task.ip ? `, IP ${task.ip}` : ""}
          {task.subnet ? ` in ${task.subnet}` : ""}
        </span>
      ) : null}
      {task.hostPorts.length > 0 && isPlaced ? (
        <span>
          Host ports {task.hostPorts.map((p) => `${p.hostPort}→${p.containerPort}/${p.protocol}`).join(", ")}
        </span>
      ) : null}
      {task.failureReason && state !== "RUNNING" ? <span>Reason: {task.failureReason}</span> : null}
    </span>
  );
}
