import { Heading, type HeadingLevel } from "./heading";
import { ArrowIcon, CheckIcon, CrossIcon, KeyIcon } from "./icons";
import type { RoleLink, RoleRow } from "./roles";

export const LINK_LABEL: Record<RoleLink["kind"], string> = {
  allowed: "allowed",
  denied: "denied",
  "can-reach": "can reach",
};

function LinkIcon({ kind }: { kind: RoleLink["kind"] }) {
  if (kind === "allowed") return <CheckIcon />;
  if (kind === "denied") return <CrossIcon />;
  return <ArrowIcon />;
}

/** "s3:PutObject" or "s3:PutObject and 2 more", with the call count when there were many. */
export function linkActions(link: RoleLink): string {
  const head = link.actions.slice(0, 2).join(", ");
  const more = link.actions.length > 2 ? ` and ${link.actions.length - 2} more` : "";
  const times = link.calls > 1 ? ` (${link.calls} calls)` : "";
  return `${head}${more}${times}`;
}

/**
 * Each role as a badge with an arrow to every service it reached or may reach. Allowed
 * calls: solid line, check, "allowed". Denied: dashed line, cross, "denied". Reach by
 * permission without a call: dotted line, arrow, "can reach".
 */
export function RolesPanel({ rows, level }: { rows: RoleRow[]; level: HeadingLevel }) {
  return (
    <section className="sim-panel" aria-label="IAM roles">
      <Heading level={level}>IAM roles and the services they reach</Heading>
      {rows.length === 0 ? (
        <p className="sim-muted">No IAM role is used at this moment.</p>
      ) : (
        <>
          <ul className="sim-line-key" aria-label="Line styles">
            <li data-kind="allowed">
              <span className="sim-line-key__line" aria-hidden="true" />
              <CheckIcon /> allowed call
            </li>
            <li data-kind="denied">
              <span className="sim-line-key__line" aria-hidden="true" />
              <CrossIcon /> denied call
            </li>
            <li data-kind="can-reach">
              <span className="sim-line-key__line" aria-hidden="true" />
              <ArrowIcon /> permitted, not called
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
                  <span className="sim-muted sim-small">{row.uses.join("; ")}</span>
                </p>
                {row.links.length === 0 ? (
                  <p className="sim-muted sim-small">
                    Reaches none of S3, DynamoDB, ECR, CloudWatch Logs, Secrets Manager or SSM.
                  </p>
                ) : (
                  <ul className="sim-links">
                    {row.links.map((link) => (
                      <li key={`${link.kind}-${link.service}`} className="sim-link" data-kind={link.kind}>
                        <span className="sim-link__label">
                          <LinkIcon kind={link.kind} />
                          <strong>{LINK_LABEL[link.kind]}</strong> {linkActions(link)}
                          {link.ruleIds.length ? ` (${link.ruleIds.join(", ")})` : ""}
                        </span>
                        <span className="sim-link__line" aria-hidden="true" />
                        <span className="sim-service">
                          <span className="visually-hidden">to </span>
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
