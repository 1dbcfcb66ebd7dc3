import { useTranslations } from "next-intl";
import {
  type KeyboardEvent,
  type SyntheticEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { TaskStatus } from "@/lib/sim";
import { type AzFrame, type Frame, placeTasks, type TaskFrame } from "./frames";
import { Heading, type HeadingLevel } from "./heading";
import { TaskStateIcon, WarnIcon } from "./icons";
import { InstanceCard } from "./instance-card";
import { stepTowards } from "./progressive";
import { TaskTip } from "./task-chip";
import { type ChipContext, Chips, type Tip } from "./task-slots";
import type { Timeline } from "./timeline";

const STATES: TaskStatus[] = ["RUNNING", "PENDING", "PROVISIONING", "STOPPED"];
const TIP_WIDTH = 288;
/** Task changes drawn per animation frame: a moment that places 300 tasks cascades over 25 frames (~0.4 s). */
const CHANGES_PER_FRAME = 12;

function AzColumn({
  az,
  cluster,
  ctx,
  level,
}: {
  az: AzFrame;
  cluster: string;
  ctx: ChipContext;
  level: HeadingLevel;
}) {
  const t = useTranslations("sim.ui.picture");
  return (
    <section className="sim-az" aria-label={t("az", { name: az.name })}>
      <Heading level={level} className="sim-az__title">
        {az.name}
      </Heading>
      <p className="sim-muted sim-small">
        {az.subnets.length ? t("subnets", { subnets: az.subnets.join(", ") }) : t("noSubnet")}
      </p>
      {az.instances.map((i) => (
        <InstanceCard key={i.instance.id} frame={i} cluster={cluster} ctx={ctx} />
      ))}
      {az.fargateSlots.length > 0 ? (
        <div className="sim-lane">
          <p className="sim-lane__title">{t("fargateLane")}</p>
          <Chips slots={az.fargateSlots} tasks={az.fargate} ctx={ctx} hasEnis />
        </div>
      ) : null}
      {az.instances.length === 0 && az.fargateSlots.length === 0 ? (
        <p className="sim-muted sim-small">{t("nothing")}</p>
      ) : null}
    </section>
  );
}

/**
 * Region → Availability Zones → instances (or Fargate lanes) → tasks. One roving tab stop
 * for all tasks: Tab reaches the picture once, the arrow keys (and Home/End) move between
 * tasks, Escape closes the details.
 */
export function ClusterPicture({
  timeline,
  position,
  frame,
  isProgressive,
  level,
}: {
  timeline: Timeline;
  position: number;
  frame: Frame;
  /** Draw big changes over several frames (a cascade); off for reduced motion: it jumps. */
  isProgressive: boolean;
  level: HeadingLevel;
}) {
  const t = useTranslations("sim.ui.picture");
  const tt = useTranslations("sim.ui.task");
  const tipId = useId();
  const hintId = useId();
  const ref = useRef<HTMLElement>(null);
  const [roving, setRoving] = useState<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [shown, setShown] = useState<TaskFrame[]>(frame.tasks);
  const [target, setTarget] = useState({ timeline, tasks: frame.tasks });
  if (target.timeline !== timeline || target.tasks !== frame.tasks) {
    setTarget({ timeline, tasks: frame.tasks });
    // Another run starts afresh; without motion the picture jumps to the moment at once.
    if (target.timeline !== timeline || !isProgressive) setShown(frame.tasks);
  }
  useEffect(() => {
    if (shown === frame.tasks) return;
    const id = requestAnimationFrame(() => {
      const next = stepTowards(timeline, shown, frame.tasks, CHANGES_PER_FRAME);
      setShown(next.remaining === 0 ? frame.tasks : next.tasks);
    });
    return () => cancelAnimationFrame(id);
  }, [shown, frame.tasks, timeline]);
  const placed = useMemo(() => placeTasks(timeline, position, shown), [timeline, position, shown]);
  const region = timeline.result.finalState;
  const visibleIds = new Set(shown.map((t) => t.task.id));
  const orderedFirst =
    placed.azs.flatMap((az) => [...az.instances.flatMap((i) => i.tasks), ...az.fargate])[0] ??
    placed.unplaced[0];
  const tabStop = roving && visibleIds.has(roving) ? roving : (orderedFirst?.task.id ?? null);
  const openTip = tip && visibleIds.has(tip.id) ? tip : null;
  const tipFrame = openTip ? shown.find((t) => t.task.id === openTip.id) : undefined;
  const ctx: ChipContext = { tabStop, tip: openTip, tipId };

  const show = useCallback((el: HTMLElement) => {
    const id = el.dataset.taskId;
    const box = ref.current?.getBoundingClientRect();
    if (!id || !box) return;
    const rect = el.getBoundingClientRect();
    const viewport = document.documentElement.clientWidth;
    const width = Math.min(TIP_WIDTH, viewport - 16);
    // Below the button, starting at its left edge, moved left as far as the viewport needs.
    const left = Math.max(8, Math.min(rect.left, viewport - 8 - width));
    setTip({ id, left: Math.round(left - box.left), top: Math.round(rect.bottom - box.top + 6) });
  }, []);

  const chipOf = (event: SyntheticEvent) =>
    (event.target as HTMLElement).closest<HTMLElement>("[data-task-id]") ?? null;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const chip = chipOf(event);
    if (!chip) return;
    if (event.key === "Escape") {
      setTip(null);
      return;
    }
    const chips = [...(ref.current?.querySelectorAll<HTMLElement>("[data-task-id]") ?? [])];
    const at = chips.indexOf(chip);
    const moves: Record<string, number> = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: chips.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = chips[Math.max(0, Math.min(chips.length - 1, next))];
    if (target) {
      setRoving(target.dataset.taskId ?? null);
      target.focus();
    }
  };

  return (
    <section
      ref={ref}
      className="sim-region"
      aria-label={t("region", { region: region.region })}
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const chip = chipOf(event);
        if (chip) {
          setRoving(chip.dataset.taskId ?? null);
          show(chip);
        }
      }}
      onBlur={(event) => {
        if (chipOf(event)) setTip(null);
      }}
      onMouseOver={(event) => {
        const chip = chipOf(event);
        if (chip && chip.dataset.taskId !== openTip?.id) show(chip);
      }}
      onMouseLeave={() => {
        if (!ref.current?.contains(document.activeElement)) setTip(null);
      }}
      onClick={(event) => {
        const chip = chipOf(event);
        if (!chip) return;
        if (openTip?.id === chip.dataset.taskId) setTip(null);
        else show(chip);
      }}
    >
      <p className="sim-region__label">
        {t.rich("where", {
          region: region.region,
          vpc: region.vpc,
          cluster: region.cluster.name,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <p id={hintId} className="sim-muted sim-small">
        {shown.length > 0 ? t("hint") : t("noTasks")}
      </p>
      <ul className="sim-legend" aria-label={t("states")}>
        {STATES.map((state) => (
          <li key={state} className="sim-legend__item" data-state={state}>
            <span className="sim-legend__swatch">
              <TaskStateIcon state={state} />
            </span>
            {tt(`state.${state}`)} <strong>{placed.counts[state]}</strong>
          </li>
        ))}
      </ul>
      <div className="sim-azs">
        {placed.azs.map((az) => (
          <AzColumn key={az.name} az={az} cluster={region.cluster.name} ctx={ctx} level={level} />
        ))}
      </div>
      {placed.unplacedSlots.length > 0 ? (
        <div className="sim-lane sim-lane--unplaced">
          <p className="sim-lane__title">
            <WarnIcon /> {t("notPlaced")}
            {placed.unplaced.length === 0 ? t("noneNow") : ""}
          </p>
          <Chips slots={placed.unplacedSlots} tasks={placed.unplaced} ctx={ctx} hasEnis={false} />
        </div>
      ) : null}
      {openTip && tipFrame ? (
        <TaskTip id={tipId} frame={tipFrame} left={openTip.left} top={openTip.top} />
      ) : null}
    </section>
  );
}
