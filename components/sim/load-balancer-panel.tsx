import { useTranslations } from "next-intl";
import type { LoadBalancerState } from "@/lib/sim";
import { HEALTH_KEY } from "./describe";
import type { Frame, LoadBalancerFrame } from "./frames";
import { Heading, type HeadingLevel } from "./heading";
import { BalanceIcon, CheckIcon, ClockIcon, CrossIcon, WarnIcon } from "./icons";
import { useSimText } from "./sim-text";

type Target = LoadBalancerState["targetGroups"][number]["targets"][number];

const TARGET_LIMIT = 12;

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
  const t = useTranslations("sim.ui.lb");
  return (
    <li className="sim-lb">
      <p className="sim-lb__head">
        <BalanceIcon />
        <strong>{lb.lb.name}</strong>
        <span className="sim-muted">
          {t("summary", { type: lb.lb.type, azs: lb.lb.azs.join(", "), vpc: lb.lb.vpc })}
        </span>
      </p>
      {lb.targetGroups.map((g) => {
        const shown = g.targets.slice(0, TARGET_LIMIT);
        return (
          <ol key={g.name} className="sim-flow" aria-label={t("path", { name: g.name })}>
            <li className="sim-node">
              {t("listener", { protocol: g.protocol, port: listenerPort(g.protocol, g.port) })}
            </li>
            <li className="sim-node">
              {t("targetGroup", {
                name: g.name,
                targetType: g.targetType ?? "instance",
                port: g.port,
                service: g.service,
              })}
            </li>
            <li className="sim-node sim-node--targets">
              {g.targets.length === 0 ? (
                <span className="sim-muted">{t("noTargets")}</span>
              ) : (
                <ul className="sim-targets" aria-label={t("targets", { name: g.name })}>
                  {shown.map((target) => (
                    <li
                      key={`${target.taskId}-${target.id}-${target.port}`}
                      className="sim-target"
                      data-health={target.health}
                    >
                      <HealthIcon health={target.health} />
                      {target.id}:{target.port} ({target.taskId}) {t(`health.${HEALTH_KEY[target.health]}`)}
                    </li>
                  ))}
                  {g.targets.length > shown.length ? (
                    <li className="sim-target sim-target--more">
                      {t("moreTargets", { count: g.targets.length - shown.length })}
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
  // i18n-keys: sim.ui.lb.health.*
  const t = useTranslations("sim.ui.lb");
  const simText = useSimText();
  if (frame.loadBalancers.length === 0 && frame.refusedLoadBalancers.length === 0) return null;
  return (
    <section className="sim-panel" aria-label={t("title")}>
      <Heading level={level}>{t("title")}</Heading>
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
                {t.rich("refusedFor", {
                  service: r.service,
                  ruleId: r.ruleId,
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </span>
            </p>
            <p className="sim-small">{simText(r.msg)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
