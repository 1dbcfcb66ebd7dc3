import { useTranslations } from "next-intl";
import { Heading, type HeadingLevel } from "./heading";
import { ArrowIcon, CheckIcon, CrossIcon, KeyIcon } from "./icons";
import type { RoleLink, RoleRow } from "./roles";
import { useSimText } from "./sim-text";

/** Each link kind's key under sim.ui.roles.link. */
export const LINK_KEY = {
  allowed: "allowed",
  denied: "denied",
  "can-reach": "canReach",
} as const satisfies Record<RoleLink["kind"], string>;

function LinkIcon({ kind }: { kind: RoleLink["kind"] }) {
  if (kind === "allowed") return <CheckIcon />;
  if (kind === "denied") return <CrossIcon />;
  return <ArrowIcon />;
}

type RolesText = (key: "more" | "calls", values: { actions: string; count: number }) => string;

/** "s3:PutObject" or "s3:PutObject and 2 more", with the call count when there were many. */
export function linkActions(link: RoleLink, t: RolesText): string {
  const head = link.actions.slice(0, 2).join(", ");
  const some = link.actions.length > 2 ? t("more", { actions: head, count: link.actions.length - 2 }) : head;
  return link.calls > 1 ? t("calls", { actions: some, count: link.calls }) : some;
}

/**
 * Each role as a badge with an arrow to every service it reached or may reach. Allowed
 * calls: solid line, check, "allowed". Denied: dashed line, cross, "denied". Reach by
 * permission without a call: dotted line, arrow, "can reach".
 */
export function RolesPanel({ rows, level }: { rows: RoleRow[]; level: HeadingLevel }) {
  // i18n-keys: sim.ui.roles.link.*
  const t = useTranslations("sim.ui.roles");
  const simText = useSimText();
  return (
    <section className="sim-panel" aria-label={t("label")}>
      <Heading level={level}>{t("title")}</Heading>
      {rows.length === 0 ? (
        <p className="sim-muted">{t("none")}</p>
      ) : (
        <>
          <ul className="sim-line-key" aria-label={t("lineStyles")}>
            <li data-kind="allowed">
              <span className="sim-line-key__line" aria-hidden="true" />
              <CheckIcon /> {t("allowedCall")}
            </li>
            <li data-kind="denied">
              <span className="sim-line-key__line" aria-hidden="true" />
              <CrossIcon /> {t("deniedCall")}
            </li>
            <li data-kind="can-reach">
              <span className="sim-line-key__line" aria-hidden="true" />
              <ArrowIcon /> {t("notCalled")}
            </li>
          </ul>
          <ul className="sim-roles">
            {rows.map((row) => (
              <li key={row.name} className="sim-role">
                <p className="sim-role__head">
                  <span className="sim-role__badge">
                    <KeyIcon />
                    {row.name}
                  </span>
                  <span className="sim-muted sim-small">{row.uses.map(simText).join("; ")}</span>
                </p>
                {row.links.length === 0 ? (
                  <p className="sim-muted sim-small">{t("reachesNone")}</p>
                ) : (
                  <ul className="sim-links">
                    {row.links.map((link) => (
                      <li key={`${link.kind}-${link.service}`} className="sim-link" data-kind={link.kind}>
                        <span className="sim-link__label">
                          <LinkIcon kind={link.kind} />
                          <strong>{t(`link.${LINK_KEY[link.kind]}`)}</strong> {linkActions(link, t)}
                          {link.ruleIds.length ? ` (${link.ruleIds.join(", ")})` : ""}
                        </span>
                        <span className="sim-link__line" aria-hidden="true" />
                        <span className="sim-service">
                          <span className="visually-hidden">{t("to")}</span>
                          {link.service}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
