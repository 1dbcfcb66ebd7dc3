import { useTranslations } from "next-intl";
import { memo } from "react";
import type { InstanceFrame } from "./frames";
import { CheckIcon, ChipIcon, CrossIcon, KeyIcon, WarnIcon } from "./icons";
import { useSimText } from "./sim-text";
import { type ChipContext, Chips } from "./task-slots";

const AGENT_PORTS = new Set(["22/tcp", "2375/tcp", "2376/tcp", "51678/tcp", "51679/tcp"]);

function Usage({ label, used, total, unit }: { label: string; used: number; total: number; unit: string }) {
  const ratio = total > 0 ? Math.min(1, used / total) : 0;
  return (
    <div className="sim-usage__row">
      <dt>{label}</dt>
      <dd>
        <span className="sim-bar" data-full={ratio >= 0.9 ? "true" : undefined} aria-hidden="true">
          <span className="sim-bar__fill" style={{ transform: `scaleX(${ratio})` }} />
        </span>
        <span className="sim-usage__text">
          {used} / {total} {unit}
        </span>
      </dd>
    </div>
  );
}

function Ports({ ports }: { ports: string[] }) {
  const t = useTranslations("sim.ui.instance");
  const agent = ports.filter((p) => AGENT_PORTS.has(p));
  const tasks = ports.filter((p) => !AGENT_PORTS.has(p));
  const shown = tasks.slice(0, 6);
  return (
    <div className="sim-usage__row">
      <dt>{t("ports")}</dt>
      <dd className="sim-ports">
        {agent.length > 0 ? (
          <span className="sim-port sim-port--agent">
            {t("agentPorts", { ports: agent.map((p) => p.split("/")[0]).join(", ") })}
          </span>
        ) : null}
        {shown.map((p) => (
          <span key={p} className="sim-port">
            {p}
          </span>
        ))}
        {tasks.length > shown.length ? (
          <span className="sim-port sim-port--more">
            {t("morePorts", { count: tasks.length - shown.length })}
          </span>
        ) : null}
        {tasks.length === 0 ? <span className="sim-muted">{t("noPorts")}</span> : null}
      </dd>
    </div>
  );
}

type CardProps = { frame: InstanceFrame; cluster: string; ctx: ChipContext };

const sameList = <T,>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** A card renders again only when what it draws changed: its usage, its tasks, or the focus/tooltip among them. */
function sameCard(a: CardProps, b: CardProps): boolean {
  const x = a.frame;
  const y = b.frame;
  const mine = (id: string | null | undefined) =>
    id !== null && id !== undefined && y.tasks.some((t) => t.task.id === id);
  const wasMine = (id: string | null | undefined) =>
    id !== null && id !== undefined && x.tasks.some((t) => t.task.id === id);
  return (
    a.cluster === b.cluster &&
    x.instance === y.instance &&
    x.status === y.status &&
    x.cpuUsed === y.cpuUsed &&
    x.memoryUsed === y.memoryUsed &&
    x.enisUsed === y.enisUsed &&
    x.note === y.note &&
    x.slots === y.slots &&
    sameList(x.ports, y.ports) &&
    sameList(x.tasks, y.tasks) &&
    a.ctx.tipId === b.ctx.tipId &&
    (a.ctx.tabStop === b.ctx.tabStop || !(wasMine(a.ctx.tabStop) || mine(b.ctx.tabStop))) &&
    (a.ctx.tip === b.ctx.tip || !(wasMine(a.ctx.tip?.id) || mine(b.ctx.tip?.id)))
  );
}

/** An EC2 instance: agent and profile badges, CPU/memory/ENI/port use, and its tasks. */
export const InstanceCard = memo(function InstanceCard({ frame, cluster, ctx }: CardProps) {
  const t = useTranslations("sim.ui.instance");
  const simText = useSimText();
  const { instance, status } = frame;
  const isRegistered = status !== "UNREGISTERED" && instance.cluster !== null;
  const inOtherCluster = isRegistered && instance.cluster !== cluster;
  return (
    <article className="sim-instance" data-status={status} aria-label={t("label", { id: instance.id })}>
      <header className="sim-instance__head">
        <ChipIcon />
        <strong>{instance.id}</strong>
        <span className="sim-muted">
          {instance.type} · {instance.os}/{instance.arch}
        </span>
      </header>
      <ul className="sim-badges">
        <li className="sim-badge" data-tone={isRegistered && !inOtherCluster ? "ok" : "bad"}>
          {isRegistered && !inOtherCluster ? <CheckIcon /> : <CrossIcon />}
          {isRegistered
            ? inOtherCluster
              ? t("agentOther", { cluster: instance.cluster ?? "" })
              : t("agentIn", { cluster: instance.cluster ?? "" })
            : t("agentNone")}
        </li>
        <li className="sim-badge" data-tone={instance.instanceProfile ? "ok" : "bad"}>
          {instance.instanceProfile ? <KeyIcon /> : <CrossIcon />}
          {instance.instanceProfile ? t("profile", { name: instance.instanceProfile }) : t("noProfile")}
        </li>
        {status === "FAILED" || status === "DRAINING" ? (
          <li className="sim-badge" data-tone={status === "FAILED" ? "bad" : "warn"}>
            <WarnIcon />
            {status === "FAILED" ? t("failed") : t("draining")}
          </li>
        ) : null}
      </ul>
      {frame.note ? <p className="sim-note">{simText(frame.note)}</p> : null}
      <dl className="sim-usage">
        <Usage label={t("cpu")} used={frame.cpuUsed} total={instance.cpu.total} unit={t("units")} />
        <Usage label={t("memory")} used={frame.memoryUsed} total={instance.memory.total} unit="MiB" />
        <Usage
          label={instance.enis.trunking ? t("enisTrunk") : t("enis")}
          used={frame.enisUsed}
          total={instance.enis.total}
          unit={t("forTasks")}
        />
        <Ports ports={frame.ports} />
      </dl>
      <Chips slots={frame.slots} tasks={frame.tasks} ctx={ctx} hasEnis={frame.hasTaskEnis} />
    </article>
  );
}, sameCard);
