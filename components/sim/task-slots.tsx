import type { TaskFrame } from "./frames";
import { TaskChip } from "./task-chip";

/** Containers with more places than this show ENIs as dots (ids in the tooltip) to stay compact. */
const ENI_LABEL_LIMIT = 12;

/** The tooltip's task and where it sits, relative to the region. */
export type Tip = { id: string; left: number; top: number };

export type ChipContext = {
  tabStop: string | null;
  tip: Tip | null;
  tipId: string;
};

/**
 * A container's tasks, each in a fixed place kept for every task it ever holds: a moment
 * that adds or changes tasks redraws only those places, never the layout around them.
 */
export function Chips({
  slots,
  tasks,
  ctx,
  hasEnis,
}: {
  slots: readonly string[];
  tasks: TaskFrame[];
  ctx: ChipContext;
  /** Tasks here have their own ENIs: a few are drawn wide enough to name theirs. */
  hasEnis: boolean;
}) {
  if (slots.length === 0) return null;
  const byId = new Map(tasks.map((t) => [t.task.id, t]));
  const isWide = hasEnis && slots.length <= ENI_LABEL_LIMIT;
  return (
    <div className="sim-chips" data-size={isWide ? "wide" : "compact"}>
      {slots.map((id) => {
        const t = byId.get(id);
        return (
          <span key={id} className="sim-slot">
            {t ? (
              <TaskChip
                task={t.task}
                state={t.state}
                isPlaced={t.isPlaced}
                isTabStop={ctx.tabStop === id}
                isDescribed={ctx.tip?.id === id}
                tipId={ctx.tipId}
                showEni={isWide}
                isCurrent={t.isCurrent}
              />
            ) : null}
          </span>
        );
      })}
    </div>
  );
}
