import type { LoadBalancerState } from "@/lib/sim";
import type { Frame, LoadBalancerFrame } from "./frames";
import { Heading, type HeadingLevel } from "./heading";
import { BalanceIcon, CheckIcon, ClockIcon, CrossIcon, WarnIcon } from "./icons";

type Target = LoadBalancerState["targetGroups"][number]["targets"][number];

const TARGET_LIMIT = 12;

export const HEALTH_LABEL: Record<Target["health"], string> = {
  healthy: "healthy",
  initial: "registering",
  unhealthy: "unhealthy",
  unused: "refused: AZ not enabled",
  draining: "draining",
};

function HealthIcon({ health }: { health: Target["health"] }) {
  if (health === "healthy") return <CheckIcon />;
  if (health === "initial" || health === "draining") return <ClockIcon />;
  if (health === "unused") return <CrossIcon />;
  return <WarnIcon />;
}

/** The port a listener typically takes for the protocol: 80 for HTTP, 443 for HTTPS/TLS. */
export function listenerPort(protocol: string, targetPort: number): number {
  if (protocol === "HTTP") return 80;
  if (protocol === "HTTPS" || protocol === "TLS") return 443;
  return targetPort;
}

function Balancer({ lb }: { lb: LoadBalancerFrame }) {
  return (
    <li className="sim-lb">
      <p className="sim-lb__head">
        <BalanceIcon />
        <strong>{lb.lb.name}</strong>
        <span className="sim-muted">
          {lb.lb.type} · AZs {lb.lb.azs.join(", ")} · {lb.lb.vpc}
        </span>
      </p>
      {lb.targetGroups.map((g) => {
        const shown = g.targets.slice(0, TARGET_LIMIT);
        return (
          <ol key={g.name} className="sim-flow" aria-label={`Traffic path through ${g.name}`}>
            <li className="sim-node">
              Listener {g.protocol}:{listenerPort(g.protocol, g.port)}
            </li>
            <li className="sim-node">
              Target group {g.name} · target type {g.targetType ?? "instance"} · port {g.port} · service{" "}
              {g.service}
            </li>
            <li className="sim-node sim-node--targets">
              {g.targets.length === 0 ? (
                <span className="sim-muted">No targets registered yet</span>
              ) : (
                <ul className="sim-targets" aria-label={`Targets of ${g.name}`}>
                  {shown.map((t) => (
                    <li key={`${t.taskId}-${t.id}-${t.port}`} className="sim-target" data-health={t.health}>
                      <HealthIcon health={t.health} />
                      {t.id}:{t.port} ({t.taskId}) {HEALTH_LABEL[t.health]}
                    </li>
                  ))}
                  {g.targets.length > shown.length ? (
                    <li className="sim-target sim-target--more">
                      and {g.targets.length - shown.length} more targets
                    </li>
                  ) : null}
                </ul>
              )}
            </li>
          </ol>
        );
      })}
    </li>
  );
}

/** Load balancers with their listener → target group → targets, and the ones ECS refused. */
export function LoadBalancerPanel({ frame, level }: { frame: Frame; level: HeadingLevel }) {
  if (frame.loadBalancers.length === 0 && frame.refusedLoadBalancers.length === 0) return null;
  return (
    <section className="sim-panel" aria-label="Load balancers">
      <Heading level={level}>Load balancers</Heading>
      <ul className="sim-lbs">
        {frame.loadBalancers.map((lb) => (
          <Balancer key={lb.lb.name} lb={lb} />
        ))}
        {frame.refusedLoadBalancers.map((r) => (
          <li key={`${r.service}-${r.name}`} className="sim-lb sim-lb--refused">
            <p className="sim-lb__head">
              <CrossIcon className="sim-refused-icon" />
              <strong>
                {r.type} {r.name}
              </strong>
              <span>
                for service {r.service}: <strong>refused</strong> ({r.ruleId})
              </span>
            </p>
            <p className="sim-small">{r.message}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
