import type { TaskFrame } from "./frames";
import type { Timeline } from "./timeline";

const sameTask = (a: TaskFrame | undefined, b: TaskFrame | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.state === b.state &&
    a.isPlaced === b.isPlaced &&
    a.isCurrent === b.isCurrent);

/**
 * One step of a progressive redraw: from the tasks shown towards the target, applying at
 * most `budget` changes (in task creation order), so a moment that places 300 tasks is
 * drawn over several frames instead of one long one. Unchanged tasks keep their object,
 * so their memoised buttons do not render again.
 */
export function stepTowards(
  timeline: Timeline,
  shown: readonly TaskFrame[],
  target: readonly TaskFrame[],
  budget: number,
): { tasks: TaskFrame[]; remaining: number } {
  const before = new Map(shown.map((t) => [t.task.id, t]));
  const after = new Map(target.map((t) => [t.task.id, t]));
  const tasks: TaskFrame[] = [];
  let applied = 0;
  let remaining = 0;
  for (const task of timeline.result.finalState.tasks) {
    const from = before.get(task.id);
    const to = after.get(task.id);
    if (sameTask(from, to)) {
      if (from) tasks.push(from);
    } else if (applied < budget) {
      applied += 1;
      if (to) tasks.push(to);
    } else {
      remaining += 1;
      if (from) tasks.push(from);
    }
  }
  return { tasks, remaining };
}
